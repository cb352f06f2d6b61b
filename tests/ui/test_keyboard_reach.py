"""Everything within reach of the keyboard, as a captioner fixing garbles with both hands on it: no Alt+letter
claimed twice (menus, fields, buttons, commands), a focused button pressed with Space, Undo reaching the
document from a time field, and the navigator's filter chosen by key."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from answer_dialogs import when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from editor.core.model import Cue, Document
from editor.media.player import Player
from editor.ui.fix_all_dialog import FixAllDialog
from editor.ui.media_panel import attach_media
from editor.ui.navigator_actions import attach_navigator

ALT = Qt.KeyboardModifier.AltModifier
EXPORT_KEY_TEST = "test_export_srt_key_works_from_a_time_field"
MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return f"Alt+{found.group(1).upper()}" if found else None


def alt_keys(window: QWidget) -> dict[str, list[str]]:
    """Who claims each Alt+key in the window: its menus, labelled fields, buttons and commands."""
    owners: dict[str, list[str]] = {}
    claims = [(mnemonic(action.text()), f"menu {action.text()}") for action in window.menuBar().actions()]
    claims += [(mnemonic(label.text()), f"label {label.text()}") for label in window.findChildren(QLabel)
               if label.buddy() is not None and label.isVisibleTo(window)]
    claims += [(mnemonic(button.text()), f"button {button.text()}") for button in window.findChildren(QAbstractButton)
               if button.isVisibleTo(window)]
    claims += [(key.toString(), f"command {action.objectName()}") for action in window.findChildren(QAction)
               for key in action.shortcuts() if key.toString().startswith("Alt+")]
    for key, owner in claims:
        if key is not None:
            owners.setdefault(key, []).append(owner)
    return owners


@pytest.fixture
def proofing(make_window):  # type: ignore[no-untyped-def]
    """The window as staff proof in it: media feature and navigator attached, the find bar open."""
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    navigator = attach_navigator(window, panel)
    window.files.open_sample()
    window.open_find(replacing=True)
    yield window, navigator
    panel.shutdown()


def test_no_alt_key_is_claimed_twice_with_the_find_bar_open(proofing) -> None:  # type: ignore[no-untyped-def]
    """Claimed twice, Alt+E only reached the End field (never the Edit menu), and with the find bar open Alt+A
    only focused Replace all (never "fix every occurrence"): Qt runs neither of two owners of one key."""
    window, _navigator = proofing
    assert window.find_bar.isVisible()
    assert {key: owners for key, owners in alt_keys(window).items() if len(owners) > 1} == {}


def test_fix_every_occurrence_keeps_its_key_while_the_find_bar_is_open(proofing, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, navigator = proofing
    window.session.load(Document(cues=(Cue(0, 2000, "the Beisel group"), Cue(3000, 5000, "Beisel left"))), None)
    window.open_find(replacing=False)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F8)
    assert navigator.current is not None and navigator.current.words == "Beisel"
    seen: list[str] = []

    def look(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        dialog.reject()

    when_dialog_opens(look)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: seen == [FixAllDialog.__name__])


def test_replace_all_has_a_key_of_its_own(proofing, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _navigator = proofing
    window.session.load(Document(cues=(Cue(0, 2000, "Al-Maliki said"), Cue(3000, 5000, "Al-Maliki left"))), None)
    bar = window.find_bar
    window.open_find(replacing=False)
    qtbot.keyClicks(bar.find_field, "Al-Maliki")
    bar.replace_field.setFocus()
    qtbot.keyClicks(bar.replace_field, "al-Maliki")
    [replace_all] = [button for button in bar.findChildren(QAbstractButton)
                     if button.text().replace("&", "") == "Replace all"]
    qtbot.keyClick(bar.replace_field, Qt.Key(QKeySequence(mnemonic(replace_all.text()) or "")[0].key()), ALT)
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 1)  # a mnemonic clicks its button a moment later
    assert [cue.text for cue in window.session.document.cues] == ["al-Maliki said", "al-Maliki left"]


def test_each_find_choice_is_ticked_by_its_own_key(proofing, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"Match case" had no Alt key: every letter of it belonged to a menu or a command."""
    window, _navigator = proofing
    bar = window.find_bar
    boxes = [bar.regex_box, bar.case_box, bar.words_box]
    keys = [mnemonic(box.text()) for box in boxes]
    assert None not in keys
    for box, key in zip(boxes, keys, strict=True):
        bar.find_field.setFocus()
        qtbot.waitUntil(bar.find_field.hasFocus)
        qtbot.keyClick(bar.find_field, Qt.Key(QKeySequence(key or "")[0].key()), ALT)
        qtbot.waitUntil(box.isChecked)  # a mnemonic clicks its box a moment later


def test_space_presses_the_focused_button_and_ticks_the_focused_box(proofing, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Space was always play / pause, so a button or box reached with Tab could not be pressed from the keyboard."""
    window, _navigator = proofing
    window.session.load(Document(cues=(Cue(0, 2000, "Kerry said"),)), None)
    bar = window.find_bar
    bar.find_field.setText("Kerry")
    bar.replace_field.setText("John Kerry")
    bar.case_box.setFocus()
    qtbot.waitUntil(bar.case_box.hasFocus)
    qtbot.keyClick(bar.case_box, Qt.Key.Key_Space)
    assert bar.case_box.isChecked()
    [replace_all] = [button for button in bar.findChildren(QAbstractButton)
                     if button.text().replace("&", "") == "Replace all"]
    replace_all.setFocus()
    qtbot.waitUntil(replace_all.hasFocus)
    qtbot.keyClick(replace_all, Qt.Key.Key_Space)
    assert window.session.document.cues[0].text == "John Kerry said"


def test_undo_reaches_the_document_from_a_time_field_with_nothing_typed(proofing, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A time field kept Ctrl+Z for its own (empty) undo: after a fix, Tab to the start time, Ctrl+Z did nothing."""
    window, _navigator = proofing
    window.session.load(Document(cues=(Cue(0, 2000, "the Beisel group"),)), None)
    window.select_cue(0)
    window.cue_editor.text_field.setFocus()
    qtbot.keyClicks(window.cue_editor.text_field, "x")
    start = window.cue_editor.start_field
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClick(start, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.cues[0].text == "the Beisel group"
    qtbot.keyClick(start, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.document.cues[0].text == "xthe Beisel group"
    qtbot.keyClicks(start, "1")  # typed into the field: Ctrl+Z takes that back first, as in any field
    qtbot.keyClick(start, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert start.text() == "00:00:00.000" and window.session.document.cues[0].text == "xthe Beisel group"


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="X11's line-edit keys: run under Xvfb below")
@pytest.mark.parametrize("field", ["start_field", "end_field"])
def test_export_srt_key_works_from_a_time_field(proofing, qtbot, field: str) -> None:  # type: ignore[no-untyped-def]
    """A time field took Ctrl+E as "end of line" (X11's line-edit keys; End does that): after auto-sync left the
    focus in the End field, Ctrl+E exported nothing."""
    window, _navigator = proofing
    window.select_cue(0)
    time_field = getattr(window.cue_editor, field)
    time_field.setFocus()
    qtbot.waitUntil(time_field.hasFocus)
    asked: list[str] = []

    def answer(dialog: QWidget) -> None:
        asked.append(dialog.windowTitle())
        dialog.close()

    when_dialog_opens(answer)
    qtbot.keyClick(time_field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].startswith("Export SRT")


@pytest.mark.xvfb
def test_export_srt_key_works_from_a_time_field_under_x11(x_display: str) -> None:
    """The test above on a real X server: offscreen Qt has none of X11's line-edit keys."""
    environment = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::{EXPORT_KEY_TEST}"],
        env=environment, cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0 and "2 passed" in result.stdout, result.stdout + result.stderr
