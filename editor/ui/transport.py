"""Transport: the Media menu's actions (each with its key) and the small bar under the picture.

Single-letter keys (Space, J/K/L, I/O, T, comma, period) are window shortcuts: typing in a text field still
types, because text fields claim printable keys before shortcuts see them. A button, box or list reached with
Tab claims Space the same way (Space presses it, as everywhere in Qt); the transport's own buttons never take
the focus, so Space over them stays play / pause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStyle,
    QToolButton,
    QWidget,
)

from editor.core.timecode import format_timecode


@dataclass(frozen=True)
class TransportAction:
    """One row of the Media menu: object name (for tests and scripts), label, keys."""

    name: str
    text: str
    keys: tuple[str, ...]
    checkable: bool = False
    separator_before: bool = False


TRANSPORT_ACTIONS = (
    TransportAction("open_media", "&Open media…", ("Ctrl+Shift+O",)),
    TransportAction("play_pause", "&Play / pause", ("Space", "Ctrl+Space"), separator_before=True),
    TransportAction("shuttle_back", "Slower / replay (&J)", ("J",)),
    TransportAction("shuttle_stop", "Pause (&K)", ("K",)),
    TransportAction("shuttle_forward", "Play / faster (&L)", ("L",)),
    TransportAction("frame_back", "Frame &back", (",",)),
    TransportAction("frame_forward", "&Frame forward", (".",)),
    TransportAction("play_cue", "Play &current cue", ("Ctrl+P",), separator_before=True),
    TransportAction("loop_cue", "&Loop current cue", ("Ctrl+L",), checkable=True),
    TransportAction("previous_cue_media", "Go to p&revious cue", ("Ctrl+Up",)),
    TransportAction("next_cue_media", "Go to &next cue", ("Ctrl+Down",)),
    TransportAction("set_start_here", "Set &start at playhead", ("I",), separator_before=True),
    TransportAction("set_end_here", "Set &end at playhead", ("O",)),
    TransportAction("tap_mode", "T&ap-to-sync mode", ("Ctrl+T",), checkable=True),
    TransportAction("tap", "Tap: end cue, start next (&T)", ("T",)),
    TransportAction("stretch_to_media", "Stretch timing to the &media's duration…", (), separator_before=True),
)


def build_media_menu(menu: QMenu, slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """Fill the Media menu from TRANSPORT_ACTIONS; actions are added to the window too, so keys work anywhere."""
    actions: dict[str, QAction] = {}
    for spec in TRANSPORT_ACTIONS:
        if spec.separator_before:
            menu.addSeparator()
        action = QAction(spec.text, menu)
        action.setObjectName(spec.name)
        action.setShortcuts([QKeySequence(key) for key in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(spec.checkable)
        slot = slots[spec.name]
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menu.addAction(action)
        actions[spec.name] = action
    return actions


class _FocusedButtonsTakeSpace(QObject):
    """Stands the Space shortcut aside where the focus is on a button, a box or a drop-down list."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and (isinstance(watched, QAbstractButton) or (isinstance(watched, QComboBox) and not watched.isEditable()))
        ):
            event.accept()  # the focused widget gets the key press, not the shortcut
        return False


def let_focused_buttons_take_space(window: QWidget) -> None:
    """See the module docstring; the filter lives as long as `window`."""
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(_FocusedButtonsTakeSpace(window))


class TransportBar(QWidget):
    """Buttons for the common actions, the playhead's time and the shuttle speed."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transport_bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        icons = QStyle.StandardPixmap
        self._play_button = self._button(actions["play_pause"], icon=icons.SP_MediaPlay)
        for button in (
            self._button(actions["previous_cue_media"], icon=icons.SP_MediaSkipBackward),
            self._play_button,
            self._button(actions["next_cue_media"], icon=icons.SP_MediaSkipForward),
            self._button(actions["play_cue"], text="Play cue"),
            self._button(actions["loop_cue"], text="Loop cue"),
            self._button(actions["tap_mode"], text="Tap-to-sync"),
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        self.rate_label = QLabel("", self)
        self.time_label = QLabel(self)
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.time_label)
        self._duration_ms: int | None = None
        self.show_time(0)

    def _button(self, action: QAction, *, icon: QStyle.StandardPixmap | None = None, text: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay play/pause, not "click"
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def show_playing(self, playing: bool) -> None:
        """The play button shows what pressing it does next."""
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self._play_button.setIcon(self.style().standardIcon(icon))

    def set_duration(self, duration_ms: int | None) -> None:
        self._duration_ms = duration_ms

    def show_time(self, ms: int) -> None:
        total = f" / {format_timecode(self._duration_ms, '.')}" if self._duration_ms else ""
        self.time_label.setText(format_timecode(ms, ".") + total)

    def show_rate(self, rate: float) -> None:
        self.rate_label.setText("" if rate == 1.0 else f"{rate:g}×")
