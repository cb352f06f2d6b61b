"""The find and replace bar under the table: plain or regex, match case, whole words; replace-all is one undo step.

Its Alt keys are its own: the menus own Alt+C (Cue), Alt+E, Alt+S, the time fields Alt+R and Alt+D, and the problem
navigator Alt+A and Alt+G, also while the bar is open (a key claimed twice runs neither). Every letter of "Match
case" had an owner, so the box reads "Match upper/lower case" and takes Alt+U. Enter in the Find field finds the
next, in the Replace field replaces one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from editor.core.find import SearchQuery


class FindBar(QWidget):
    """Fields and buttons only; the window does the searching and the replacing."""

    find_next = Signal()
    find_previous = Signal()
    replace_one = Signal()
    replace_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_field = QLineEdit(self)
        self.find_field.setAccessibleName("Find")
        self.find_field.setPlaceholderText("Find in cues")
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field = QLineEdit(self)
        self.replace_field.setAccessibleName("Replace with")
        self.replace_field.setPlaceholderText("Replace with")
        self.replace_field.returnPressed.connect(self.replace_one)
        self.regex_box = QCheckBox("Rege&x", self)
        self.case_box = QCheckBox("Match &upper/lower case", self)
        self.words_box = QCheckBox("&Whole words", self)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()

    def _button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(signal)
        return button

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.addWidget(QLabel("Find:", self), 0, 0)
        grid.addWidget(self.find_field, 0, 1)
        grid.addWidget(self._button("&Next", self.find_next), 0, 2)
        grid.addWidget(self._button("&Previous", self.find_previous), 0, 3)
        grid.addWidget(self.regex_box, 0, 4)
        grid.addWidget(self.case_box, 0, 5)
        grid.addWidget(self.words_box, 0, 6)
        grid.addWidget(QLabel("Replace:", self), 1, 0)
        grid.addWidget(self.replace_field, 1, 1)
        grid.addWidget(self._button("Replace", self.replace_one), 1, 2)
        grid.addWidget(self._button("Replace a&ll", self.replace_all), 1, 3)
        grid.addWidget(self.message, 1, 4, 1, 3)
        grid.setColumnStretch(1, 1)

    def query(self) -> SearchQuery:
        return SearchQuery(
            self.find_field.text(), self.regex_box.isChecked(), self.case_box.isChecked(), self.words_box.isChecked()
        )

    def open(self, *, replacing: bool) -> None:
        """Show the bar with the find (or replace) field focused and selected."""
        self.show()
        field = self.replace_field if replacing and self.find_field.text() else self.find_field
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
