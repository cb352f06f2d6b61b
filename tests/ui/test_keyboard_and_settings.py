"""Keyboard-first: every action in a menu with a shortcut, named widgets, and settings that persist."""

from __future__ import annotations

import pytest
from answer_dialogs import when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QTableWidget

from editor.app.settings import RECENT_FILES, STYLE_NAME
from editor.media.player import Player
from editor.ui.autosync_actions import attach_autosync
from editor.ui.evidence_actions import attach_listening
from editor.ui.media_panel import attach_media
from editor.ui.navigator_actions import attach_navigator


def test_every_action_has_a_menu_entry_and_a_unique_shortcut(window) -> None:
    actions = [action for action in window.findChildren(QAction) if action.objectName()]
    assert len(actions) > 30
    in_menus = {a for menu in window.menuBar().findChildren(type(window.recent_menu)) for a in menu.actions()}
    shortcuts = []
    for action in actions:
        assert action in in_menus, action.objectName()
        assert not action.shortcut().isEmpty(), action.objectName()
        shortcuts.extend(key.toString() for key in action.shortcuts())
    assert len(shortcuts) == len(set(shortcuts))


def test_main_widgets_have_accessible_names(window) -> None:
    names = {
        widget.accessibleName()
        for widget in (window.table, window.cue_editor.text_field, window.cue_editor.start_field,
                       window.cue_editor.end_field, window.timeline, window.checks_panel.list_view,
                       window.video_slot, window.find_bar.find_field)
    }
    assert "" not in names and len(names) == 8


def test_style_layout_and_recent_files_persist(window, make_window, settings, tmp_path) -> None:
    window.action("style_bbc").trigger()
    assert window.session.document.style_name == "bbc" and window.session.style.max_chars_per_line == 37
    assert settings.get(STYLE_NAME) == "bbc"
    srt = tmp_path / "short.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", encoding="utf-8")
    window.session.undo_stack.setClean()
    window.files.open_path(srt)
    window.main_splitter.setSizes([100, 100, 700])
    window.resize(760, 700)  # within the offscreen screen, so nothing clamps it
    sizes, size = window.main_splitter.sizes(), window.size()
    window.close()

    again = make_window()
    assert settings.get(RECENT_FILES) == [str(srt.resolve())]
    assert [action.text() for action in again.recent_menu.actions()] == ["&1 short.srt"]
    assert again.size() == size
    assert again.main_splitter.sizes()[:2] == sizes[:2]
    assert all(isinstance(s, QSplitter) for s in again.findChildren(QSplitter))
    again.files.open_sample()
    assert again.session.document.style_name == "bbc"
    assert all(len(line) <= 37 for cue in again.session.document.cues for line in cue.lines)


def test_the_video_pane_takes_the_placeholder_slot(window) -> None:
    pane = QLabel("video")
    window.install_video_pane(pane)
    assert pane.parent() is window.video_slot and pane.isVisible()
    assert window.media_menu.title() == "&Media"


def test_tab_walks_from_the_table_through_the_cue_to_the_timeline_and_checks(qtbot, window) -> None:
    editor = window.cue_editor
    expected = [editor.start_field, editor.end_field, editor.text_field, window.timeline, window.checks_panel.list_view]
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


@pytest.fixture
def full_window(make_window):  # type: ignore[no-untyped-def]
    """The window with every feature `cueline` attaches, so every command of the menus is there."""
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    attach_autosync(window, panel)
    attach_listening(window, panel)
    attach_navigator(window, panel)
    yield window
    panel.shutdown()


def test_the_shortcuts_help_lists_every_key_under_its_menu_and_fits_the_screen(full_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Some 85 commands in one message box made it taller than the screen, its OK button out of reach."""
    window = full_window
    seen: dict[str, object] = {}

    def read(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.reject()  # closed first: what it showed is read after
        seen["fits"] = dialog.frameGeometry().height() <= dialog.screen().availableGeometry().height()
        table = dialog.findChild(QTableWidget, "shortcuts_table")
        seen["rows"] = [tuple(table.item(row, column).text() if table.item(row, column) else ""
                              for column in range(2)) for row in range(table.rowCount())] if table else []

    when_dialog_opens(read)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    rows = seen["rows"]
    assert seen["fits"] is True
    assert ("Edit", "") in rows and ("Undo", "Ctrl+Z") in rows and ("Redo", "Ctrl+Shift+Z, Ctrl+Y") in rows
    keyed = [action for action in window.findChildren(QAction) if action.objectName() and action.shortcuts()]
    listed = {command for command, keys in rows if keys}
    assert {action.text().replace("&", "").removesuffix("…") for action in keyed} <= listed
