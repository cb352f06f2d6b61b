"""Find/replace, save, reopen, export and the questions that keep work from being lost, driven as a user."""

from __future__ import annotations

import json
import re

from answer_dialogs import (
    answer_in_turn,
    choose_file,
    message_boxes_during,
    press_button,
    type_answer,
    when_dialog_opens,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from editor.app.settings import RECENT_FILES
from editor.core.model import Cue, Document
from editor.formats.registry import read_file, write_file
from editor.paths import sample_transcript_path

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def all_text(window) -> str:
    return " ".join(cue.text for cue in window.session.document.cues)


def reactivate(qtbot, window) -> None:
    """The offscreen platform does not give the window its focus back when a dialog closes; a desktop does."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def replace_all(qtbot, window, find: str, replacement: str, *, whole_words: bool = False) -> None:
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    bar = window.find_bar
    bar.find_field.setText(find)
    bar.words_box.setChecked(whole_words)
    bar.replace_field.clear()
    qtbot.keyClicks(bar.replace_field, replacement)
    button = next(b for b in bar.findChildren(QPushButton) if b.text() == "Replace a&ll")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_replace_all_is_one_undo_step(qtbot, window) -> None:
    before = window.session.document
    count = len(re.findall(r"\bIraq\b", all_text(window), re.IGNORECASE))
    replace_all(qtbot, window, "Iraq", "IRAQ", whole_words=True)
    assert "Iraq " not in all_text(window) and "Iraqis" in all_text(window)
    assert all_text(window).count("IRAQ") == count
    assert window.find_bar.message.text().startswith("replaced ")
    assert window.session.undo_stack.count() == 1
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)
    assert window.session.document == before


def test_save_reopen_and_export_srt_and_vtt(qtbot, window, make_window, tmp_path, settings) -> None:
    replace_all(qtbot, window, "Beisel", "ISIL")
    project = tmp_path / "kerry.cueline"
    when_dialog_opens(choose_file(project))
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL)
    assert json.loads(project.read_text(encoding="utf-8"))["format_version"] >= 1
    assert not window.isWindowModified() and "kerry.cueline" in window.windowTitle()
    assert settings.get(RECENT_FILES)[0] == str(project.resolve())

    srt, vtt = tmp_path / "kerry.srt", tmp_path / "kerry.vtt"
    reactivate(qtbot, window)
    answer_in_turn(choose_file(srt), press_button("Keep as is"))
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL)
    reactivate(qtbot, window)
    answer_in_turn(choose_file(vtt), press_button("Keep as is"))
    qtbot.keyClick(window.table, Qt.Key.Key_E, CTRL | SHIFT)
    raw = srt.read_bytes()
    assert raw.startswith(b"1\n00:00:") and b"\r\n" not in raw and "ISIL" in raw.decode("utf-8")
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT")
    for exported in (srt, vtt):
        cues = read_file(exported).document.cues
        assert [c.text for c in cues] == [c.text for c in window.session.document.cues]
        assert [c.start_ms for c in cues] == [c.start_ms for c in window.session.document.cues]

    reopened = make_window()
    reopened.files.open_path(project)
    assert reopened.session.document.cues == window.session.document.cues
    assert reopened.session.path == project and not reopened.isWindowModified()


def test_srt_options_write_a_bom_and_crlf(qtbot, window, tmp_path) -> None:
    window.action("srt_bom").trigger()
    window.action("srt_crlf").trigger()
    srt = tmp_path / "windows.srt"
    answer_in_turn(choose_file(srt), press_button("Keep as is"))
    window.action("export_srt").trigger()
    raw = srt.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf1\r\n00:00:")
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_closing_with_unsaved_changes_asks_first(qtbot, window) -> None:
    qtbot.keyClicks(window.cue_editor.text_field, "x")
    asked: list[str] = []
    when_dialog_opens(press_button("Cancel", asked))
    assert not window.close()
    assert window.isVisible() and "Save the changes" in asked[0]
    when_dialog_opens(press_button("Discard"))
    assert window.close()


def test_opening_another_file_asks_about_unsaved_changes(qtbot, window, tmp_path) -> None:
    srt = tmp_path / "other.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nOther file\n", encoding="utf-8")
    qtbot.keyClicks(window.cue_editor.text_field, "x")
    when_dialog_opens(press_button("Cancel"))
    window.action("open").trigger()
    assert "x" in window.session.document.cues[0].text
    answer_in_turn(press_button("Discard"), choose_file(srt))
    window.action("open").trigger()
    assert [c.text for c in window.session.document.cues] == ["Other file"]
    assert window.session.path is None and not window.isWindowModified()


def test_unsaved_changes_are_discarded_with_alt_d(qtbot, window, tmp_path) -> None:
    srt = tmp_path / "other.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nOther file\n", encoding="utf-8")
    qtbot.keyClicks(window.cue_editor.text_field, "x")

    def alt_d(dialog: QWidget) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        try:
            qtbot.waitUntil(lambda: not dialog.isVisible())  # a mnemonic clicks with a short animation
        finally:
            if dialog.isVisible():
                dialog.reject()  # no key answered it: the test fails below instead of waiting for ever

    answer_in_turn(alt_d, choose_file(srt))
    window.action("open").trigger()
    assert [c.text for c in window.session.document.cues] == ["Other file"]


def test_a_broken_file_is_reported_not_opened(qtbot, window, tmp_path) -> None:
    broken = tmp_path / "broken.srt"
    broken.write_text("1\n00:00:01,000 --> nonsense\nText\n", encoding="utf-8")
    seen: list[str] = []
    when_dialog_opens(press_button("OK", seen))
    assert not window.files.open_path(broken)
    assert "broken.srt" in seen[0]
    assert len(window.session.document.cues) > 100


def test_a_project_that_cannot_be_read_at_start_is_reported_over_the_sample_opened_instead(make_window, tmp_path
                                                                                           ) -> None:
    """The message came over an empty window titled "Untitled"; the sample opened only after it."""
    broken = tmp_path / "broken.cueline"
    write_file(Document(cues=(Cue(0, 2000, "Kerry said"),), title="Kerry in Iraq"), broken)
    broken.write_text(broken.read_text(encoding="utf-8")[:-10], encoding="utf-8")  # cut short, as by a full disk
    window = make_window()
    behind: list[tuple[str, str, int, bool]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        cues = len(window.session.document.cues)
        behind.append((dialog.text(), window.windowTitle(), cues, window.sample_note.isVisible()))
        dialog.accept()

    when_dialog_opens(look)
    window.files.open_at_start(broken)
    [(message, title, cues, sample_note)] = behind
    assert "broken.cueline" in message
    sample_title = read_file(sample_transcript_path()).content.title
    assert title == f"{sample_title}[*] — Cueline" and cues > 100 and sample_note
    assert window.session.path is None  # saving will not write over the broken project


def test_export_asks_about_unheard_speech(qtbot, window, tmp_path) -> None:
    cues_with_gaps = sum(1 for cue in window.session.document.cues if "--" in cue.text.split())
    inaudible, dropped = tmp_path / "inaudible.vtt", tmp_path / "dropped.srt"
    asked: list[str] = []
    answer_in_turn(choose_file(inaudible), press_button("Write [inaudible]", asked))
    window.action("export_vtt").trigger()
    answer_in_turn(choose_file(dropped), press_button("Drop them"))
    window.action("export_srt").trigger()
    answer_in_turn(choose_file(tmp_path / "never.srt"), press_button("Cancel"))
    window.action("export_srt").trigger()
    assert f"Unheard speech (`--`) is left in {cues_with_gaps} cues. Export it how?" in asked[0]
    written = inaudible.read_text(encoding="utf-8")
    assert " -- " not in written and "[inaudible]" in written
    assert "--" not in dropped.read_text(encoding="utf-8").replace("-->", "")
    assert not (tmp_path / "never.srt").exists()
    assert any("--" in cue.text.split() for cue in window.session.document.cues)  # the project keeps its runs


def test_the_export_question_about_one_cue_reads_as_english(qtbot, window, tmp_path) -> None:
    window.session.load(Document(cues=(Cue(0, 2000, "Fighting near -- today"), Cue(3000, 5000, "Calm"))), None)
    asked: list[str] = []
    answer_in_turn(choose_file(tmp_path / "one.srt"), press_button("Keep as is", asked))
    window.action("export_srt").trigger()
    assert "Unheard speech (`--`) is left in 1 cue. Export it how?" in asked[0]


def test_export_other_format_takes_the_chosen_file_type(qtbot, window, tmp_path) -> None:
    def choose_ttml(dialog) -> None:
        dialog.selectNameFilter(next(f for f in dialog.nameFilters() if f.startswith("TTML")))
        choose_file(tmp_path / "programme")(dialog)

    answer_in_turn(choose_ttml, press_button("Keep as is"))
    window.action("export_any").trigger()
    exported = read_file(tmp_path / "programme.ttml").document
    assert [cue.start_ms for cue in exported.cues] == [cue.start_ms for cue in window.session.document.cues]
    assert [cue.text for cue in exported.cues] == [cue.text for cue in window.session.document.cues]


def test_a_transcript_without_a_runtime_asks_for_one(qtbot, window, tmp_path) -> None:
    transcript = tmp_path / "plain.txt"
    transcript.write_text("Good evening. Secretary Kerry arrived in Baghdad today. " * 20, encoding="utf-8")
    window.session.undo_stack.setClean()
    answer_in_turn(type_answer("01:30"))
    assert window.files.open_path(transcript)
    document = window.session.document
    assert document.runtime_ms == 90_000
    assert 80_000 < document.cues[-1].end_ms <= 90_000
    assert " ".join(cue.text for cue in document.cues).split() == transcript.read_text().split()


def test_cancel_on_the_runtime_question_keeps_the_work_open_without_a_word(qtbot, window, tmp_path) -> None:
    """Cancel is the captioner's own choice (the wrong file, the runtime not at hand): it was followed by
    "Cannot open file … no runtime", as if the file were at fault."""
    transcript = tmp_path / "plain.txt"
    transcript.write_text("Good evening. Secretary Kerry arrived in Baghdad today. " * 20, encoding="utf-8")
    window.session.undo_stack.setClean()
    before, title = window.session.document, window.windowTitle()
    asked: list[str] = []

    def look_and_cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.labelText())
        dialog.reject()

    answer_in_turn(choose_file(transcript), look_and_cancel)
    assert message_boxes_during(window.action("open").trigger) == []
    assert asked == ["How long is the programme of plain.txt? (MM:SS)"]
    assert window.session.document is before and window.windowTitle() == title


def test_a_malformed_header_runtime_is_reported_with_its_file_and_line(qtbot, window, tmp_path) -> None:
    news = tmp_path / "news.txt"
    news.write_text("A title\n\n12:75 | 06/24/14\n\nTranscript for A title\n" + "Good evening. " * 30)
    before = window.session.document
    seen: list[str] = []
    when_dialog_opens(press_button("OK", seen))
    assert not window.files.open_path(news)
    assert f"{news}:3: bad runtime in the header" in seen[0]
    assert window.session.document is before


def test_opening_a_file_replaces_the_last_file_s_message(qtbot, window, tmp_path) -> None:
    window.report(f"Exported {tmp_path / 'news.srt'}")
    window.session.undo_stack.setClean()
    subtitles = tmp_path / "other.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", encoding="utf-8")
    assert window.files.open_path(subtitles)
    assert window.statusBar().currentMessage() == f"Opened {subtitles}"


def test_what_opening_a_project_finds_wrong_is_not_covered_by_opened(qtbot, make_window, tmp_path) -> None:
    from editor.core.model import Cue, Document
    from editor.formats.registry import write_file
    from editor.media.player import Player
    from editor.ui.media_panel import attach_media

    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    project = tmp_path / "news.cueline"
    write_file(Document(cues=(Cue(0, 1000, "Hello"),), media_path=str(tmp_path / "gone.mp4")), project)
    assert window.files.open_path(project)
    assert window.statusBar().currentMessage().startswith("The project's media is missing")
    panel.shutdown()


def test_a_save_that_cannot_be_written_offers_to_save_elsewhere(qtbot, window, tmp_path) -> None:
    """A project on a read-only disk or write-protected: Ctrl+S said why with only an OK button; staff had to
    know Ctrl+Shift+S. Now the message offers "Save elsewhere…" (Save As) at once, and the edit is kept."""
    protected = tmp_path / "story.cueline"
    when_dialog_opens(choose_file(protected))
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL)
    protected.chmod(0o444)
    replace_all(qtbot, window, "Beisel", "ISIL")
    asked: list[tuple[str, list[str]]] = []
    then: list[str] = []

    def save_elsewhere(box) -> None:  # type: ignore[no-untyped-def]
        asked.append((box.text(), [button.text().replace("&", "") for button in box.buttons()]))
        for button in box.buttons():
            if button.text().replace("&", "") == "Save elsewhere…":
                button.click()
                return
        box.reject()

    def look_and_cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        then.append(dialog.windowTitle())  # the Save As file dialog (typing a name into it is tested above)
        dialog.reject()

    reactivate(qtbot, window)
    answer_in_turn(save_elsewhere, look_and_cancel)
    qtbot.keyClick(window.table, Qt.Key.Key_S, CTRL)
    assert asked == [(f"{protected}: could not save: the file is write-protected (the previous version is unchanged)",
                      ["Save elsewhere…", "Cancel"])]
    assert then == ["Save project"]
    assert "ISIL" not in protected.read_text(encoding="utf-8")
    assert window.isWindowModified() and "ISIL" in all_text(window)


def test_an_export_that_cannot_be_written_says_export_with_the_format_and_file(qtbot, window, tmp_path) -> None:
    """A refused export said "could not save", Save's words: staff took it for their project. Save keeps them."""
    protected = tmp_path / "story.srt"
    protected.write_text("1\n00:00:01,000 --> 00:00:02,000\nLast week's story\n", encoding="utf-8")
    protected.chmod(0o444)
    asked: list[tuple[str, list[str]]] = []

    def look_and_cancel(box) -> None:  # type: ignore[no-untyped-def]
        asked.append((box.text(), [button.text().replace("&", "") for button in box.buttons()]))
        press_button("Cancel")(box)

    def choose_it_over_the_old_one(file_dialog) -> None:  # type: ignore[no-untyped-def]
        answer_in_turn(press_button("Yes"), press_button("Keep as is"), look_and_cancel)  # "Replace it?" opens inside
        choose_file(protected)(file_dialog)

    when_dialog_opens(choose_it_over_the_old_one)
    window.action("export_srt").trigger()
    assert asked == [(f"could not export SubRip to {protected}: the file is write-protected (the previous version "
                      "is unchanged)", ["Export elsewhere…", "Cancel"])]
    assert "Last week's story" in protected.read_text(encoding="utf-8")
