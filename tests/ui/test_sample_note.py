"""The note that says the start-up document is the bundled sample, and how to open your own work."""

from __future__ import annotations

from pathlib import Path

from answer_dialogs import choose_file, when_dialog_opens
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from editor.ui.main_window import MainWindow

TRANSCRIPT = """Our own programme

A short summary.
0:30 | 12/07/26

Transcript for Our own programme

Hello and welcome. This is our own story, told in our own words.
"""


def note_button(window: MainWindow, name: str) -> QPushButton:
    button = window.sample_note.findChild(QPushButton, f"sample_note_{name}")
    assert button is not None
    return button


def test_the_sample_says_it_is_one_and_how_to_import_your_own_transcript(window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.sample_note.isVisible()
    text = window.sample_note.findChild(QLabel).text()
    assert "sample" in text and "import your transcript" in text
    transcript = tmp_path / "own.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    when_dialog_opens(choose_file(transcript))
    qtbot.mouseClick(note_button(window, "import"), Qt.MouseButton.LeftButton)
    assert window.session.document.title == "Our own programme"
    assert not window.sample_note.isVisible()  # the note is for the sample only


def test_a_hidden_note_stays_hidden_on_the_next_start(window, make_window) -> None:  # type: ignore[no-untyped-def]
    note_button(window, "hide").click()
    assert not window.sample_note.isVisible()
    again = make_window()  # the same settings, as the next start
    again.files.open_sample()
    assert not again.sample_note.isVisible()


def test_the_note_goes_once_the_sample_is_saved_as_a_project(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    when_dialog_opens(choose_file(tmp_path / "mine.cueline"))
    window.action("save_as").trigger()
    assert window.session.path == tmp_path / "mine.cueline"
    assert not window.sample_note.isVisible()


def test_the_video_keeps_its_place_when_the_note_goes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Over the views, the note moved the video's native windows, which left an old caption drawn over it."""
    at_start = window.video_slot.mapTo(window, QPoint(0, 0))
    note_button(window, "hide").click()
    qtbot.waitUntil(lambda: not window.sample_note.isVisible())
    window.centralWidget().layout().activate()
    assert window.video_slot.mapTo(window, QPoint(0, 0)) == at_start
