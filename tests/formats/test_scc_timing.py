"""SCC timing and layout on the bundled sample: never early, late only when reported, two rows at most."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.core.style import STYLES
from editor.formats.registry import read_file, write_file
from editor.formats.scc import parse_scc
from editor.formats.scc_writer import export_scc
from editor.formats.vtt_markup import strip_markup
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

FRAME_MS = 1001 / 30


def _sample(style_name: str) -> Document:
    return line_up_transcript(read_file(sample_transcript_path()).content, STYLES[style_name])


def test_every_caption_of_the_sample_is_on_time_or_reported_with_its_delay() -> None:
    cues = _sample("cea608").cues  # cut for 32 columns: one caption a cue
    export = export_scc(cues)
    shown = parse_scc(export.text)
    assert len(shown) == len(cues)
    late = {caption.cue_number: caption.delay_ms for caption in export.late}
    for number, (cue, caption) in enumerate(zip(cues, shown, strict=True), start=1):
        assert caption.start_ms >= cue.start_ms, f"cue {number} shown early"
        delay = caption.start_ms - cue.start_ms
        if delay >= FRAME_MS:
            assert late.pop(number) == delay
    assert late == {}, "reported late but shown on time"
    assert export.late[0].cue_number == 1 and "00:00:00;00" in str(export.late[0])  # starts at 0: nothing before


def test_the_first_caption_is_loaded_before_its_time() -> None:
    export = export_scc([Cue(3000, 5000, "x" * 32 + "\n" + "y" * 32)])
    (shown,) = parse_scc(export.text)
    assert 3000 <= shown.start_ms < 3000 + FRAME_MS
    assert export.late == ()
    assert export.text.split("\n")[2].startswith("00:00:01;")  # 44 pairs sent from about 1.5 s before


@pytest.mark.parametrize("offset_ms", range(0, 34, 3))
def test_a_start_between_frames_rounds_up_never_earlier(offset_ms: int) -> None:
    cues = [Cue(2000 * n + offset_ms, 2000 * n + 1500, f"caption {n}") for n in range(1, 6)]
    export = export_scc(cues)
    for cue, caption in zip(cues, parse_scc(export.text), strict=True):
        assert cue.start_ms <= caption.start_ms < cue.start_ms + FRAME_MS


def test_a_streaming_project_exports_at_most_two_rows_of_32_and_loses_no_word() -> None:
    cues = _sample("streaming").cues
    export = export_scc(cues)
    shown = parse_scc(export.text)
    assert all(len(caption.text.split("\n")) <= 2 for caption in shown)
    assert all(len(line) <= 32 for caption in shown for line in caption.text.split("\n"))
    rows = [row for caption in shown for row in caption.text.split("\n")]
    assert [row for row in rows if set(row.replace(" ", "")) == {"-"}] == []  # a `--` run keeps its neighbour
    assert export.recut_cues > 100 and f"{export.recut_cues} cues re-cut" in export.notes()[0]
    written = [word for caption in shown for word in caption.text.split()]
    assert written == [word for cue in cues for word in strip_markup(cue.text).split()]
    owners = [number for number, cue in enumerate(cues) for _ in cue.text.split()]
    first_word = 0
    for caption in shown:  # each caption starts no earlier than the cue its first word belongs to
        assert caption.start_ms >= cues[owners[first_word]].start_ms
        first_word += len(caption.text.split())


def test_the_cli_reports_each_late_caption(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from editor.cli import main

    out = tmp_path / "sample.scc"
    assert main(["import", str(sample_transcript_path()), "--style", "cea608", "-o", str(out)]) == 0
    reported = [line for line in capsys.readouterr().err.split("\n") if " late (" in line]
    assert reported and all(line.startswith(f"{out}: cue ") for line in reported)
    assert len(reported) == len(export_scc(_sample("cea608").cues).late)


def test_ffmpeg_shows_the_late_caption_when_we_say(tmp_path: Path, ffmpeg_cues: Callable[[Path], list[Cue]]) -> None:
    cues = (Cue(0, 2000, "x" * 32 + "\n" + "y" * 32), Cue(2100, 4000, "second"))
    path = tmp_path / "late.scc"
    notes = write_file(Document(cues=cues), path).notes
    (late,) = export_scc(cues).late
    assert notes == (str(late),)
    heard = ffmpeg_cues(path)
    assert abs(heard[0].start_ms - late.delay_ms) <= FRAME_MS
    assert abs(heard[1].start_ms - 2100) <= FRAME_MS


def test_a_caption_short_of_time_drops_its_tab_offsets_to_be_on_time() -> None:
    at = lambda frame: round(frame * 1001 / 30)  # noqa: E731
    rows = "x" * 30 + "\n" + "y" * 30  # centred at column 1: an indent of 0 and a tab offset of 1 per row
    tight = [Cue(at(100), at(139), "A"), Cue(at(140), at(200), rows)]  # 38 free frames: 42 pairs with tabs
    export = export_scc(tight)
    assert export.late == ()
    assert [(cue.start_ms, cue.text) for cue in parse_scc(export.text)][1] == (at(140), rows)
    roomy = export_scc([Cue(at(100), at(139), "A"), Cue(at(300), at(400), rows)])
    assert "97a1 97a1" in roomy.text and "97a1" not in export.text  # the tab offset 1 is sent only with room
