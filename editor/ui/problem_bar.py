"""The problem navigator's bar: the problem F8 stopped on, its suggestions with their keys, and a kind filter.

The bar only shows; its buttons trigger the navigator's actions (editor/ui/navigator_actions.py), so a key
and a click do the same thing. Text from the document is shown as plain text. However long a message or a
suggestion, the bar never widens the window: texts are cut short with "…" (the whole text in a tooltip).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from editor.app.plain_text import plain_tooltip
from editor.core.timecode import format_timecode
from editor.workflows.problems import KIND_LABELS, Problem, ProblemKind

ALL_KINDS = "All problems"
IDLE_TEXT = "F8: next problem · Shift+F8: previous"
STEPPING = ("previous_problem", "next_problem", "replay_problem")  # beside the problem, in this order
SHORT_TEXTS = {  # the bar's buttons say less than the menu: the bar must fit a small screen
    "next_problem": "Next", "previous_problem": "Previous", "replay_problem": "Play again",
    "problem_to_glossary": "To the glossary", "fix_all_like_this": "Fix all like this…",
}
SUGGESTION_CHARACTERS = 24  # a longer suggestion is cut short on its button (its tooltip has it whole)


class ElidedLabel(QLabel):
    """Plain text on one line, cut short with "…" where the bar is too narrow, whole in its tooltip; it never
    asks for more room than a few characters, so a long message does not widen the window."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        """Words quoted across a cue's line break ("all.\nReady") stay on the one line too."""
        super().setText(" ".join(text.split("\n")))
        self.setToolTip(plain_tooltip(text))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("x" * 8), super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _cut_short(text: str, limit: int = SUGGESTION_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def gone_text(problem: Problem) -> str:
    """What staff read when the problem they stopped on has gone (fixed, ignored, typed over)."""
    return f"{f'“{problem.words}”' if problem.found else 'The problem'} is no longer there (changed or fixed)"


def hidden_text(problem: Problem, kinds: str) -> str:
    """What staff read when the filter they chose hides the problem they stopped on (it is still there)."""
    return f"{f'“{problem.words}”' if problem.found else 'The problem'} is not among {kinds} · F8: next of them · " \
        "Shift+F8: previous"


def describe(problem: Problem) -> str:
    """One line: where the problem is and what it says."""
    quoted = f"“{problem.words}”"
    message = " ".join(problem.issue.message.split())  # its words may quote the cue over its line break
    found = f"{quoted} · " if problem.found and quoted not in message else ""
    where = f"cue {problem.issue.cue_index + 1} at {format_timecode(problem.start_ms, '.')}"
    return f"{KIND_LABELS[problem.kind]} · {where} · {found}{message}"


class ProblemBar(QWidget):
    """Two rows: filter, count and the problem; then one button per action, each naming its key."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_bar")
        self.setAccessibleName("Problem navigator")
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("problem_kind_filter")
        self.kind_filter.setAccessibleName("Problems to visit")
        self.kind_label = QLabel("Stop &on:", self)  # Alt+O: the filter without the mouse
        self.kind_label.setBuddy(self.kind_filter)
        self.kind_filter.addItem(ALL_KINDS, None)
        for kind, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, kind)
        self.count = _plain_label(self, "problem_count")
        self.problem = ElidedLabel(self, "problem_text")
        self.problem.setText(IDLE_TEXT)
        self._shown: Problem | None = None  # the problem the text describes, while it does
        self.buttons = [self._button(action) for action in actions]
        self.hint = ElidedLabel(self, "problem_hint")
        self._lay_out()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _lay_out(self) -> None:
        """Row one: filter, count, the problem and the keys that step; row two: what to do about it."""
        stepping = {button.defaultAction().objectName(): button for button in self.buttons}
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind_filter)
        top.addWidget(self.count)
        top.addSpacing(self.fontMetrics().horizontalAdvance("  "))
        top.addWidget(self.problem, 1)
        for name in STEPPING:
            if name in stepping:
                top.addWidget(stepping[name])
        keys = QHBoxLayout()
        for button in self.buttons:
            if button.defaultAction().objectName() not in STEPPING:
                keys.addWidget(button)
        keys.addWidget(self.hint, 1)
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
        """The problem stopped on (None: none yet, or it is gone: fixed or ignored) and where it is in the list;
        a problem shown until now that is gone (a redo, a replace, typing) is not left described as if there."""
        self.count.setText(f"{number if number is not None else '–'} of {total}")
        if problem is not None:
            self._shown = problem
            self.problem.setText(describe(problem))
            self.hint.setText(what_to_do(problem))
        elif self._shown is not None:
            self.show_note(f"{gone_text(self._shown)} · {IDLE_TEXT}")

    def show_hidden(self, problem: Problem, total: int) -> None:
        """The problem stopped on is still there, but not of the kind the filter now shows."""
        self.count.setText(f"– of {total}")
        self.show_note(hidden_text(problem, self.kind_filter.currentText()))

    def show_note(self, note: str) -> None:
        """What just happened to the problem (fixed, ignored, added to the glossary)."""
        self._shown = None
        self.problem.setText(note)
        self.hint.clear()

    def refresh_button_texts(self) -> None:
        """Buttons read "Alt+1 McGurk": the action's text (or its short form) with its key, so the bar teaches
        the keys; the menu keeps the long texts."""
        for button in self.buttons:
            action = button.defaultAction()
            text = SHORT_TEXTS.get(action.objectName()) or _cut_short(_without_mnemonic(action.text()))
            button.setText(f"{_key_text(action)}  {text}")
            button.setVisible(action.isVisible())
