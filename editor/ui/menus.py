"""The menu bar: every action the editor has, each with a shortcut, in one readable table per menu."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from editor.app.edit_actions import EditActions
from editor.app.session import Session
from editor.app.settings import SRT_BOM, SRT_CRLF, Setting, Settings
from editor.core.style import STYLES
from editor.ui.file_actions import FileActions

Shortcut = str | QKeySequence.StandardKey
FOCUS_PARTS = ("table", "text", "timeline", "checks")
QUIT_KEY = "Ctrl+Q"  # also quits from the auto-sync progress dialog, which keeps the window's menus waiting


class MenuHost(Protocol):
    """What the menus call: the window's commands, never its widgets (so menus.py needs no window import)."""

    session: Session
    settings: Settings
    files: FileActions
    edits: EditActions
    recent_menu: QMenu
    media_menu: QMenu
    style_actions: dict[str, QAction]

    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...
    def open_find(self, replacing: bool) -> None: ...
    def find_next(self, backwards: bool = False) -> None: ...
    def step_cue(self, step: int) -> None: ...
    def split_at_cursor(self) -> None: ...
    def ask_shift(self) -> None: ...
    def zoom_timeline(self, how: str) -> None: ...
    def focus_part(self, part: str) -> None: ...
    def recheck(self) -> None: ...
    def choose_style(self, name: str) -> None: ...
    def open_glossary(self) -> None: ...
    def show_shortcuts(self) -> None: ...


def add_action(menu: QMenu, name: str, text: str, shortcut: Shortcut, slot: Callable[[], object]) -> QAction:
    """A menu entry with a shortcut; `name` lets tests and scripts find it (window.action(name))."""
    action = QAction(text, menu)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def _file_menu(window: MenuHost) -> None:
    menu = window.menuBar().addMenu("&File")
    files = window.files
    add_action(menu, "open", "&Open…", QKeySequence.StandardKey.Open, files.open)
    add_action(menu, "import_transcript", "&Import transcript…", "Ctrl+I", files.import_transcript)
    window.recent_menu = menu.addMenu("Open &recent")
    menu.addSeparator()
    add_action(menu, "save", "&Save", QKeySequence.StandardKey.Save, files.save)
    add_action(menu, "save_as", "Save &as…", "Ctrl+Shift+S", files.save_as)
    menu.addSeparator()
    add_action(menu, "export_srt", "Export S&RT…", "Ctrl+E", lambda: files.export("srt"))
    add_action(menu, "export_vtt", "Export &WebVTT…", "Ctrl+Shift+E", lambda: files.export("vtt"))
    add_action(menu, "export_any", "E&xport other format…", "Ctrl+Alt+E", files.export_any)
    _setting_toggle(window, menu, "srt_bom", "SRT with byte order &mark (BOM)", "Ctrl+Alt+B", SRT_BOM)
    _setting_toggle(window, menu, "srt_crlf", "SRT with &Windows line ends (CRLF)", "Ctrl+Alt+L", SRT_CRLF)
    menu.addSeparator()
    add_action(menu, "quit", "&Quit", QUIT_KEY, window.close)


def _setting_toggle(window: MenuHost, menu: QMenu, name: str, text: str, key: str, setting: Setting[bool]) -> None:
    action = add_action(menu, name, text, key, lambda: None)
    action.setCheckable(True)
    action.setChecked(window.settings.get(setting))
    action.toggled.connect(lambda on: window.settings.set(setting, on))


def _edit_menu(window: MenuHost) -> None:
    menu = window.menuBar().addMenu("&Edit")
    stack = window.session.undo_stack
    undo = stack.createUndoAction(menu, "&Undo")
    undo.setObjectName("undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(menu, "&Redo")
    redo.setObjectName("redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addActions([undo, redo])
    menu.addSeparator()
    add_action(menu, "find", "&Find…", QKeySequence.StandardKey.Find, lambda: window.open_find(replacing=False))
    add_action(menu, "replace", "R&eplace…", "Ctrl+H", lambda: window.open_find(replacing=True))
    add_action(menu, "find_next", "Find &next", "F3", window.find_next)
    add_action(menu, "find_previous", "Find &previous", "Shift+F3", lambda: window.find_next(backwards=True))


def _cue_menu(window: MenuHost) -> None:
    menu = window.menuBar().addMenu("&Cue")
    edits = window.edits
    add_action(menu, "previous_cue", "&Previous cue", "Alt+Up", lambda: window.step_cue(-1))
    add_action(menu, "next_cue", "&Next cue", "Alt+Down", lambda: window.step_cue(1))
    menu.addSeparator()
    add_action(menu, "split_cue", "&Split at text cursor", "Ctrl+Shift+Return", window.split_at_cursor)
    add_action(menu, "merge_cue", "&Merge with next", "Ctrl+Shift+M", edits.merge_with_next)
    add_action(menu, "insert_cue", "&Insert cue after", "Ctrl+Shift+N", edits.insert_after)
    add_action(menu, "delete_cues", "&Delete selected cues", "Ctrl+Shift+Delete", edits.delete_selected)
    menu.addSeparator()
    nudges = (
        ("start_earlier_frame", "Start one frame earlier", "Alt+Left", dict(start_frames=-1)),
        ("start_later_frame", "Start one frame later", "Alt+Right", dict(start_frames=1)),
        ("start_earlier_100", "Start 100 ms earlier", "Alt+Shift+Left", dict(start_frames=-1, unit_ms=100)),
        ("start_later_100", "Start 100 ms later", "Alt+Shift+Right", dict(start_frames=1, unit_ms=100)),
        ("end_earlier_frame", "End one frame earlier", "Ctrl+Alt+Left", dict(end_frames=-1)),
        ("end_later_frame", "End one frame later", "Ctrl+Alt+Right", dict(end_frames=1)),
        ("end_earlier_100", "End 100 ms earlier", "Ctrl+Alt+Shift+Left", dict(end_frames=-1, unit_ms=100)),
        ("end_later_100", "End 100 ms later", "Ctrl+Alt+Shift+Right", dict(end_frames=1, unit_ms=100)),
    )
    nudge_menu = menu.addMenu("N&udge")
    for name, text, key, arguments in nudges:
        add_action(nudge_menu, name, text, key, partial(edits.nudge, **arguments))
    menu.addSeparator()
    add_action(menu, "shift_selection", "Shift selection in &time…", "Ctrl+Shift+T", window.ask_shift)
    add_action(menu, "recut_selection", "&Re-cut selection with the style", "Ctrl+Shift+R", edits.recut_selected)


def _view_menu(window: MenuHost) -> None:
    menu = window.menuBar().addMenu("&View")
    add_action(menu, "zoom_in", "Zoom timeline &in", "Ctrl+=", partial(window.zoom_timeline, "in"))
    add_action(menu, "zoom_out", "Zoom timeline &out", "Ctrl+-", partial(window.zoom_timeline, "out"))
    add_action(menu, "zoom_fit", "&Fit the whole programme", "Ctrl+0", partial(window.zoom_timeline, "fit"))
    menu.addSeparator()
    labels = ("Go to cue &table", "Go to cue te&xt", "Go to time&line", "Go to &checks")
    for number, (part, label) in enumerate(zip(FOCUS_PARTS, labels, strict=True), start=1):
        add_action(menu, f"focus_{part}", label, f"Ctrl+{number}", partial(window.focus_part, part))
    add_action(menu, "recheck", "&Re-run all checks", "F5", window.recheck)


def _style_menu(window: MenuHost) -> None:
    menu = window.menuBar().addMenu("&Style")
    group = QActionGroup(menu)
    window.style_actions = {}
    for number, style in enumerate(STYLES.values(), start=1):
        action = add_action(menu, f"style_{style.name}", style.label, f"Ctrl+Alt+{number}",
                            partial(window.choose_style, style.name))
        action.setCheckable(True)
        group.addAction(action)
        window.style_actions[style.name] = action


def _tools_menu(window: MenuHost) -> None:
    menu = window.menuBar().addMenu("&Tools")
    add_action(menu, "glossary", "Names &glossary and sound-alikes…", "Ctrl+Shift+G", window.open_glossary)


def build_menus(window: MenuHost) -> None:
    """Every menu of the main window; the Media menu stays for the video pane to fill."""
    _file_menu(window)
    _edit_menu(window)
    _cue_menu(window)
    _view_menu(window)
    _style_menu(window)
    _tools_menu(window)
    window.media_menu = window.menuBar().addMenu("&Media")
    help_menu = window.menuBar().addMenu("&Help")
    add_action(help_menu, "shortcuts", "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents,
               window.show_shortcuts)
