"""The problem navigator's bar: the problem F8 stopped on, its suggestions with their keys, and a kind filter.

The bar only shows; its buttons trigger the navigator's actions (editor/ui/navigator_actions.py), so a key
and a click do the same thing. Text from the document is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from editor.core.timecode import format_timecode
from editor.workflows.problems import KIND_LABELS, Problem, ProblemKind

ALL_KINDS = "All problems"
IDLE_TEXT = "F8: next problem · Shift+F8: previous"


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _key_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _without_mnemonic(text: str) -> str:
    """A menu text as shown: "&&" is a literal ampersand, a single "&" marks the mnemonic."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def what_to_do(problem: Problem) -> str:
    """What staff can do when no suggestion key applies."""
    if problem.issue.span is None:
        return "About the whole cue: edit it, or ignore it"
    return "" if problem.issue.fixes else "No suggestion: type the right words over the selection"


def describe(problem: Problem) -> str:
    """One line: where the problem is and what it says."""
    quoted = f"“{problem.found}”"
    found = f"{quoted} · " if problem.found and quoted not in problem.issue.message else ""
    where = f"cue {problem.issue.cue_index + 1} at {format_timecode(problem.start_ms, '.')}"
    return f"{KIND_LABELS[problem.kind]} · {where} · {found}{problem.issue.message}"


class ProblemBar(QWidget):
    """Two rows: filter, count and the problem; then one button per action, each naming its key."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_bar")
        self.setAccessibleName("Problem navigator")
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("problem_kind_filter")
        self.kind_filter.setAccessibleName("Problems to visit")
        self.kind_filter.addItem(ALL_KINDS, None)
        for kind, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, kind)
        self.count = _plain_label(self, "problem_count")
        self.problem = _plain_label(self, "problem_text")
        self.problem.setText(IDLE_TEXT)
        self.buttons = [self._button(action) for action in actions]
        self.hint = _plain_label(self, "problem_hint")
        self._lay_out()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.kind_filter)
        top.addWidget(self.count)
        top.addWidget(self.problem, 1)
        keys = QHBoxLayout()
        for button in self.buttons:
            keys.addWidget(button)
        keys.addWidget(self.hint)
        keys.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(2)
        rows.addLayout(top)
        rows.addLayout(keys)

    def chosen_kinds(self) -> set[ProblemKind] | None:
        """The kinds the filter lets through; None for all."""
        kind = self.kind_filter.currentData()
        return None if kind is None else {ProblemKind(kind)}

    def show_problem(self, problem: Problem | None, number: int | None, total: int) -> None:
        """The problem stopped on (None: none yet, or it is gone: fixed or ignored) and where it is in the list."""
        self.count.setText(f"{number if number is not None else '–'} of {total}")
        if problem is not None:
            self.problem.setText(describe(problem))
            self.hint.setText(what_to_do(problem))

    def show_note(self, note: str) -> None:
        """What just happened to the problem (fixed, ignored, added to the glossary)."""
        self.problem.setText(note)
        self.hint.clear()

    def refresh_button_texts(self) -> None:
        """Buttons read "Alt+1 McGurk": the action's text with its key, so the bar teaches the keys."""
        for button in self.buttons:
            action = button.defaultAction()
            button.setText(f"{_key_text(action)}  {_without_mnemonic(action.text())}")
            button.setVisible(action.isVisible())
