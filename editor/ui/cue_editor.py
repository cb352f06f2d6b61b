"""The pane for the current cue: its text (plain, never rich text), its start and end, and live counts.

The pane only reports what the user typed (`text_edited`, `times_entered`); the window turns that into
undo commands and shows the result back through `show_cue`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.model import Cue
from editor.core.style import CaptionStyle, characters_per_second, cps_text
from editor.core.timecode import TimecodeError, format_timecode, parse_timecode

_APP_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class CueTextEdit(QPlainTextEdit):
    """Plain-text editing of a cue; undo and redo belong to the document, not to this widget."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and any(event.matches(key) for key in _APP_KEYS)
        ):
            event.ignore()  # let the window's Undo/Redo actions have these keys
            return False
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


# X11's line-edit keys that also move with Ctrl (Ctrl+E: end of line): Home and End do it in a time field, and
# the window's actions need the Ctrl keys (Ctrl+E exports SRT)
_LINE_END_KEYS = (QKeySequence.StandardKey.MoveToEndOfLine, QKeySequence.StandardKey.MoveToStartOfLine,
                  QKeySequence.StandardKey.DeleteEndOfLine)


class TimeField(QLineEdit):
    """A start or end time: Undo and Redo take back what was typed in it, else they are the document's; the
    window's Ctrl keys reach the window."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
            (event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
            or (event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())
            or (event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and any(event.matches(key) for key in _LINE_END_KEYS))
        ):
            event.ignore()  # the window's action has the key
            return False
        return super().event(event)


def _line_report(cue: Cue, style: CaptionStyle) -> str:
    parts = []
    for number, line in enumerate(cue.lines, start=1):
        mark = " ✗" if len(line) > style.max_chars_per_line or number > style.max_lines else ""
        parts.append(f"Line {number}: {len(line)}/{style.max_chars_per_line}{mark}")
    return "   ".join(parts)


def _speed_report(cue: Cue, style: CaptionStyle) -> str:
    cps = characters_per_second(cue)
    shown = cps_text(cps)
    verdict = " ✗ too fast" if cps > style.max_cps else (" (above target)" if cps > style.target_cps else "")
    return (
        f"{shown} CPS (target {style.target_cps:g}, limit {style.max_cps:g}){verdict}   "
        f"Duration {cue.duration_ms / 1000:.3f} s"
    )


class CueEditor(QWidget):
    """Start, end and text of one cue, with each line's length and the reading speed against the style."""

    text_edited = Signal(str)
    times_entered = Signal(int, int)
    invalid_time = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self._cue: Cue | None = None
        self.start_field = self._time_field("Cue start", "Start time, HH:MM:SS.mmm; Enter applies")
        self.end_field = self._time_field("Cue end", "End time, HH:MM:SS.mmm; Enter applies")
        self.text_field = CueTextEdit(self)
        self.text_field.setAccessibleName("Cue text")
        self.text_field.setPlaceholderText("Caption text, two lines at most")
        self.text_field.textChanged.connect(self._on_text_changed)
        self.lines_label = QLabel(self)
        self.speed_label = QLabel(self)
        for label in (self.lines_label, self.speed_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()
        self.setEnabled(False)

    def _time_field(self, name: str, tip: str) -> QLineEdit:
        field = TimeField(self)
        field.setAccessibleName(name)
        field.setToolTip(tip)
        field.setMaximumWidth(130)
        field.returnPressed.connect(self._on_times_entered)
        return field

    def _lay_out(self) -> None:
        times = QHBoxLayout()
        form = QFormLayout()
        form.addRow("Sta&rt", self.start_field)  # Alt+S and Alt+E open the Style and Edit menus
        times.addLayout(form)
        end_form = QFormLayout()
        end_form.addRow("En&d", self.end_field)
        times.addLayout(end_form)
        times.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(times)
        layout.addWidget(self.text_field, 1)
        layout.addWidget(self.lines_label)
        layout.addWidget(self.speed_label)
        self.setTabOrder(self.start_field, self.end_field)
        self.setTabOrder(self.end_field, self.text_field)

    def show_cue(self, cue: Cue | None, style: CaptionStyle, *, another: bool = False) -> None:
        """Show a cue (None: nothing selected) without reporting it back as an edit; the text cursor stays where
        it was in the same cue's new text (an undo, a fix), and starts at the beginning of `another` cue."""
        self._showing = True
        try:
            self._cue = cue
            self.setEnabled(cue is not None)
            shown = cue or Cue(0, 0, "")
            if self.text_field.toPlainText() != shown.text:
                self._replace_text_keeping_cursor(shown.text)
            if another:
                self.text_field.moveCursor(QTextCursor.MoveOperation.Start)
            for field, ms in ((self.start_field, shown.start_ms), (self.end_field, shown.end_ms)):
                if not field.hasFocus() or not field.isModified():
                    field.setText(format_timecode(ms, ".") if cue else "")
                    field.setModified(False)
            self.lines_label.setText(_line_report(shown, style) if cue else "")
            self.speed_label.setText(_speed_report(shown, style) if cue else "")
        finally:
            self._showing = False

    def _replace_text_keeping_cursor(self, text: str) -> None:
        cursor = self.text_field.textCursor()
        position = min(cursor.position(), len(text))
        self.text_field.setPlainText(text)
        cursor = self.text_field.textCursor()
        cursor.setPosition(position)
        self.text_field.setTextCursor(cursor)

    def cursor_position(self) -> int:
        """Where the text cursor is in the cue's text, for splitting."""
        return self.text_field.textCursor().position()

    def _on_text_changed(self) -> None:
        if not self._showing:
            self.text_edited.emit(self.text_field.toPlainText())

    def _on_times_entered(self) -> None:
        try:
            start = parse_timecode(self.start_field.text())
            end = parse_timecode(self.end_field.text())
        except TimecodeError as error:
            self.invalid_time.emit(str(error))
            return
        self.start_field.setModified(False)
        self.end_field.setModified(False)
        self.times_entered.emit(start, end)
