"""An export tells staff what they must know about the file (late SCC captions), in the window."""

from __future__ import annotations

from answer_dialogs import answer_in_turn, choose_file, press_button

from editor.formats.scc import parse_scc


def test_scc_export_lists_the_late_captions(qtbot, window, tmp_path) -> None:
    def choose_scc(dialog) -> None:
        dialog.selectNameFilter(next(f for f in dialog.nameFilters() if f.startswith("Scenarist")))
        choose_file(tmp_path / "programme")(dialog)

    told: list[str] = []
    answer_in_turn(choose_scc, press_button("Keep as is"), press_button("OK", told))
    window.action("export_any").trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert "Exported programme.scc" in told[0]
    assert "cues re-cut with the CEA-608 style" in told[0]
    assert "cue 1: 1." in told[0] and "s late" in told[0]
    shown = parse_scc((tmp_path / "programme.scc").read_text(encoding="utf-8"))
    assert all(len(caption.text.split("\n")) <= 2 for caption in shown)
