"""An ignored problem vanishes from every view that draws it, and comes back when the ignore is undone: the text
pane's underlines (the yellow doubt, the red spelling wave) and the timeline's mark strip, driven by keys."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from editor.core.model import Cue, Document, HeardAlternative, Word
from editor.media.player import Player
from editor.ui.autosync_actions import attach_autosync
from editor.ui.main_window import MainWindow
from editor.ui.media_panel import MediaPanel, attach_media
from editor.ui.navigator_actions import attach_navigator
from editor.ui.timeline_blocks import MARK_COLORS
from editor.ui.timeline_track import MarkKind

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


HEARD_AS_TUESDAY = {"support": 0.2, "alternatives": (HeardAlternative("Tuesday", 1, 0.8),)}


def programme(**evidence: object) -> Document:
    """A word the audio doubts ("today", with what listening heard instead, if given) and an unknown word
    ("Beisel"), each once, in timed cues."""
    first = (Word("Fighting", 300, 800, 0.9), Word("near", 800, 1200, 0.9), Word("Mosul", 1200, 1900, 0.9),
             replace(Word("today", 2000, 2400, 0.3), **evidence))
    second = tuple(Word(text, start, start + 400, 0.9) for text, start in
                   (("The", 3000), ("Beisel", 3400), ("group", 3800), ("said", 4200)))
    cues = (Cue(0, 2500, "Fighting near Mosul today", first), Cue(3000, 5500, "The Beisel group said", second))
    return Document(cues=cues, runtime_ms=6000)


@pytest.fixture(params=[{}, HEARD_AS_TUESDAY], ids=["after auto-sync", "after listening"])
def window(make_window, request):  # type: ignore[no-untyped-def]
    """The window on the programme; "after listening", the doubtful word is a suspect word instead."""
    window: MainWindow = make_window()
    panel: MediaPanel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    attach_autosync(window, panel)
    attach_navigator(window, panel)
    window.session.load(programme(**request.param), None)
    window.timeline.fit_all()
    yield window
    panel.shutdown()


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window.table, key, modifiers)


def doubt_underlined(window: MainWindow) -> list[str]:
    """The words of the text pane underlined as doubtful."""
    return [selection.cursor.selectedText() for selection in window.cue_editor.text_field.extraSelections()]


def wavy_underlined(window: MainWindow) -> list[str]:
    """The words of the text pane the spell check underlines."""
    block = window.cue_editor.text_field.document().firstBlock()
    found = []
    while block.isValid():
        for span in block.layout().formats():
            if span.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                found.append(block.text()[span.start : span.start + span.length])
        block = block.next()
    return found


def timeline_marks(window: MainWindow, kind: MarkKind) -> int:
    """Pixels of the timeline painted in the colour of this kind of mark."""
    image = window.timeline.grab().toImage()
    colour = MARK_COLORS[kind]
    return sum(image.pixelColor(x, y) == colour for x in range(image.width()) for y in range(image.height()))


def test_an_ignored_doubtful_word_loses_its_underline_and_timeline_mark_until_undone(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.cue_editor.text_field.textCursor().selectedText() == "today"
    assert doubt_underlined(window) == ["today"]
    assert timeline_marks(window, MarkKind.UNSURE) > 0
    press(qtbot, window, Qt.Key.Key_I, ALT)
    [ignored] = window.session.document.ignored
    heard_otherwise = window.session.document.cues[0].words[3].alternatives
    assert ignored.rule == ("suspect-word" if heard_otherwise else "low-confidence")
    assert doubt_underlined(window) == []
    assert timeline_marks(window, MarkKind.UNSURE) == 0
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.document.ignored == ()
    assert doubt_underlined(window) == ["today"]
    assert timeline_marks(window, MarkKind.UNSURE) > 0


def test_an_ignored_misspelling_loses_its_wavy_underline_until_undone(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_F8)
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current_index() == 1
    qtbot.waitUntil(lambda: wavy_underlined(window) == ["Beisel"])  # once the word list is in
    press(qtbot, window, Qt.Key.Key_I, ALT)
    assert window.session.document.ignored[0].rule == "spelling"
    assert wavy_underlined(window) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert wavy_underlined(window) == ["Beisel"]
    window.select_cue(0)
    window.select_cue(1)  # shown afresh, it is still underlined
    assert wavy_underlined(window) == ["Beisel"]
