"""The note over the bundled sample: what it is, and how to open your own transcript and its video.

The editor starts on the sample (ABC News, lined up along its 12:45) with dozens of warnings, and nothing
said they are the sample's. The note shows only while the sample is open and unsaved, until staff hide it
(remembered, so it does not come back on every start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from editor.app.session import Session
from editor.app.settings import SAMPLE_NOTE_HIDDEN, Settings

TEXT = (
    "This is the bundled sample, a news transcript lined up along its 12:45, to try Cueline on: its warnings "
    "are the sample's. For your own work, import your transcript, then open its video."
)
_STYLE = (
    "QFrame#sample_note { background: #e7f1ff; border: 1px solid #9ec5fe; }"
    " QFrame#sample_note QLabel { color: #052c65; }"
)


class SampleNote(QFrame):
    """A strip under the window's views; `trigger(name)` runs a menu action by its name."""

    def __init__(self, session: Session, settings: Settings, trigger: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_note")
        self.setAccessibleName("Sample note")
        self.setStyleSheet(_STYLE)
        self._settings = settings
        label = QLabel(TEXT, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(label, 1)
        for name, text, slot in (
            ("import", "Import transcript… (Ctrl+I)", lambda: trigger("import_transcript")),
            ("media", "Open media… (Ctrl+Shift+O)", lambda: trigger("open_media")),
            ("hide", "Hide this note", self.dismiss),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"sample_note_{name}")
            # never the focus: Space would press it instead of playing, and hiding it would hand the focus on
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            layout.addWidget(button)
        session.document_replaced.connect(self.hide)  # another file: the note's for the sample only
        session.path_changed.connect(lambda: self._hide_once_saved(session))
        self.hide()

    def _hide_once_saved(self, session: Session) -> None:
        if session.path is not None:  # saved as a project: the user's own work now
            self.hide()

    def sample_opened(self) -> None:
        """Show the note, unless staff hid it before."""
        self.setVisible(not self._settings.get(SAMPLE_NOTE_HIDDEN))

    def dismiss(self) -> None:
        self._settings.set(SAMPLE_NOTE_HIDDEN, True)
        self.hide()


def note_under(views: QWidget, note: QWidget) -> QWidget:
    """The window's central widget: its views over the note (when shown). Under them, not over: the video pane
    keeps its place when the note comes or goes (its native windows, moved, can leave an old caption drawn)."""
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(views, 1)
    layout.addWidget(note)
    return central
