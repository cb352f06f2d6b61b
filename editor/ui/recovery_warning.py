"""The persistent warning that recovery copies are not going where they should (or nowhere at all)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from editor.app.autosave import Autosave
from editor.app.plain_text import plain_tooltip

_STYLE = "QLabel { background: #fff3cd; color: #663c00; border: 1px solid #e0a800; padding: 1px 6px; }"


class RecoveryWarning(QLabel):
    """Shown in the status bar for as long as autosave reports trouble; it never times out like a message."""

    def __init__(self, autosave: Autosave, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_warning")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the message holds folder names, which are not markup
        self.setStyleSheet(_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # a long path never widens
        self.setAccessibleName("Recovery warning")
        autosave.trouble.connect(self.show_trouble)
        self.show_trouble(autosave.trouble_text)

    def show_trouble(self, message: str) -> None:
        """Show the message with a warning sign (whole in the tooltip if the bar cuts it), or hide when none."""
        self.setText(f"\u26a0 {message}" if message else "")
        self.setToolTip(plain_tooltip(message))
        self.setVisible(bool(message))
