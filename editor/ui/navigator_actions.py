"""The problem navigator: F8 / Shift+F8 step through every problem in the order it is heard, select its words,
and play them with a second of pre-roll; one key accepts a suggestion, ignores the problem, adds the words to
the glossary, or fixes every occurrence like it after a preview. Each change is one undo step.

Choosing an issue in the checks panel stops on it the same way. The navigator sees the window only through
its host protocol (editor/ui/host.py) and plays through the media panel's player.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QDialog

from editor.app.plain_text import plain_tooltip
from editor.app.playback import Playback
from editor.checks.ignoring import ignore_key
from editor.checks.issue import Issue
from editor.core.edits import ignore_problem
from editor.core.glossary import glossary_of, with_glossary
from editor.core.model import Document, GlossaryTerm, is_gap_text
from editor.ui.fix_all_dialog import FixAllDialog
from editor.ui.host import FeatureHost
from editor.ui.problem_bar import IDLE_TEXT, ProblemBar, gone_text
from editor.workflows import fixing
from editor.workflows import problems as navigation
from editor.workflows.problems import Position, Problem

if TYPE_CHECKING:
    from editor.ui.media_panel import MediaPanel

FIXES_SHOWN = 3  # Alt+1..3
COUNT_DELAY_MS = 200
NAVIGATOR_ACTIONS = (  # name, label, key: keys no other action of the window uses
    ("next_problem", "&Next problem", "F8"),
    ("previous_problem", "&Previous problem", "Shift+F8"),
    ("replay_problem", "Play the problem &again", "Ctrl+F8"),
    *((f"accept_fix_{n}", f"Suggestion &{n}", f"Alt+{n}") for n in range(1, FIXES_SHOWN + 1)),
    ("ignore_problem", "&Ignore", "Alt+I"),
    ("problem_to_glossary", "Add to the &glossary", "Alt+G"),
    ("fix_all_like_this", "Fix &every occurrence like this…", "Alt+A"),
)


class ProblemNavigator(QObject):
    """The problem stopped on, the actions on it, and the bar that shows it."""

    def __init__(self, host: FeatureHost, playback: Playback | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host, self.playback = host, playback
        self.current: Problem | None = None
        self._position: Position | None = None
        self._stopped_at_cue: int | None = None
        self.actions = self._build_actions()
        self.bar = ProblemBar(list(self.actions.values()))
        self._show_fixes()
        self._count_later = QTimer(self)  # typing changes the issues at every key: count when it pauses
        self._count_later.setSingleShot(True)
        self._count_later.setInterval(COUNT_DELAY_MS)
        self._count_later.timeout.connect(self._show_count)
        host.issues.issues_changed.connect(self._count_later.start)
        host.issues.rows_replaced.connect(self._count_later.start)
        self.bar.kind_filter.currentIndexChanged.connect(self._show_count)
        host.session.document_replaced.connect(self.forget)
        self._show_count()

    def _build_actions(self) -> dict[str, QAction]:
        slots: dict[str, Callable[[], object]] = {
            "next_problem": self.next, "previous_problem": lambda: self.next(forward=False),
            "replay_problem": self.play, "ignore_problem": self.ignore,
            "problem_to_glossary": self.add_to_glossary, "fix_all_like_this": self.fix_all,
        }  # fmt: skip
        for n in range(FIXES_SHOWN):
            slots[f"accept_fix_{n + 1}"] = partial(self.accept, n)
        actions = {}
        for name, label, key in NAVIGATOR_ACTIONS:
            action = QAction(label, self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, slot=slots[name]: slot())
            actions[name] = action
        return actions

    # ----- stepping -----

    def forget(self) -> None:
        """Another document: start again from its first problem (or the cue staff choose)."""
        self.current, self._position, self._stopped_at_cue = None, None, None
        self._show_fixes()
        self.bar.show_note(IDLE_TEXT)
        self._show_count()

    def problems(self) -> list[Problem]:
        """Every problem the filter lets through, in the order it is heard."""
        document = self.host.session.document
        return navigation.in_time_order(document, self.host.issues.issues, self.bar.chosen_kinds())

    def next(self, forward: bool = True) -> None:
        """F8 / Shift+F8: the next (previous) problem after the last stop, or after the cue staff moved to."""
        problems = self.problems()
        start = self._start_position()
        problem = navigation.step(problems, start, forward)
        if problem is None:
            self.bar.show_note("No problems left" if self.bar.chosen_kinds() is None else "None of this kind")
            return
        self.go_to(problem)
        if start is not None and (problem.position <= start if forward else problem.position >= start):
            self.host.report("Past the last problem: F8 starts again from the first" if forward else
                             "Before the first problem: Shift+F8 goes on from the last")

    def _start_position(self) -> Position | None:
        row = self.host.current_index()
        if self._position is not None and row == self._stopped_at_cue:
            return self._position
        if row is None:
            return None
        return self.host.session.document.cues[row].start_ms, row, -2, ""

    def go_to_issue(self, issue: Issue) -> None:
        """An issue chosen in the checks panel: stop on it as F8 would."""
        self.go_to(navigation.place(self.host.session.document, issue))

    def go_to(self, problem: Problem) -> None:
        """Stop on a problem: its cue current, its words selected in the text pane, played with pre-roll."""
        self.current, self._position = problem, problem.position
        self._stopped_at_cue = problem.issue.cue_index
        self.host.select_cue(problem.issue.cue_index)
        self.host.show_issue(problem.issue)
        self._select_words(problem)
        self._show_fixes()
        self._show_count()
        self.play()

    def _select_words(self, problem: Problem) -> None:
        """Select the words in the text pane (focused, so staff can type the right ones over them)."""
        field = self.host.text_pane
        cursor = field.textCursor()
        span = problem.issue.span
        cursor.setPosition(span.start if span else 0)
        if span is not None:
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def play(self) -> None:
        """Play the problem's words from a second before them (again, with Ctrl+F8)."""
        playback = self.playback
        if self.current is None:
            self.host.report("F8 first: no problem chosen")
        elif playback is None or not playback.has_media:
            self.host.report("Open the media (Media ▸ Open media…) to hear the problem")
        else:
            playback.play_range(*self.current.listening_range)

    # ----- acting on the problem -----

    def _live(self, needs_words: bool = False) -> Problem | None:
        """The current problem if its words are still in its cue; else says so and gives None."""
        problem, cues = self.current, self.host.session.document.cues
        if problem is None:
            self.host.report("F8 first: no problem chosen")
            return None
        span, index = problem.issue.span, problem.issue.cue_index
        if span is None and needs_words:
            self.host.report("This problem is about the whole cue, not some of its words")
            return None
        if index >= len(cues) or (span is not None and cues[index].text[span.start : span.end] != problem.found):
            self.host.report(f"{gone_text(problem)} · F8: next problem")
            return None
        return problem

    def accept(self, rank: int) -> None:
        """Alt+1..3: put the ranked suggestion in place of the words (one undo step)."""
        problem = self._live(needs_words=True)
        if problem is None or rank >= len(problem.issue.fixes):
            return
        replacement = problem.issue.fixes[rank].replacement
        changes = navigation.fix_changes([problem], replacement)
        session = self.host.session
        self._record(fixing.with_fixes(session.document, changes, session.style),
                     f"Change “{problem.words}” to “{replacement}”", problem)

    def ignore(self) -> None:
        """Alt+I: ignore this problem from now on (kept in the project; F8 and `cueline check` skip it)."""
        problem = self._live()
        if problem is not None:
            document = self.host.session.document
            key = ignore_key(document, problem.issue)
            issue = problem.issue
            what = f"“{problem.words}”" if problem.found else f"“{issue.message}” in cue {issue.cue_index + 1}"
            self._record(ignore_problem(document, key), f"Ignore {what}", problem)

    def add_to_glossary(self) -> None:
        """Alt+G: the words are right (a name): add them to the glossary (one undo step)."""
        problem = self._live(needs_words=True)
        if problem is not None and any(is_gap_text(word) for word in problem.words.split()):
            self.host.report(f"“{problem.words}” is speech nobody heard, not a name: Ctrl+Shift+P plays the gap; "
                             "type what is said over it")
        elif problem is not None:
            document = self.host.session.document
            terms = [*glossary_of(document), GlossaryTerm(problem.words)]
            self._record(with_glossary(document, terms), f"Add “{problem.words}” to the glossary", problem)

    def fix_all(self) -> None:
        """Alt+A: the same words flagged by the same rule, everywhere, after a preview (one undo step)."""
        problem = self._live(needs_words=True)
        if problem is None:
            return
        document = self.host.session.document
        problems = navigation.in_time_order(document, self.host.issues.issues)
        occurrences = navigation.like(problems, problem)
        offered = [fix.replacement for fix in problem.issue.fixes] or [problem.words]
        dialog = FixAllDialog(document, occurrences, offered, self.host.session.style, self.host.widget)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen, replacement = dialog.chosen(), dialog.replacement.currentText().strip()
        dialog.deleteLater()
        if accepted and chosen and replacement:
            changes = navigation.fix_changes(chosen, replacement)
            label = f"Change every “{problem.words}” to “{replacement}” ({len(changes)})"
            self._record(fixing.with_fixes(document, changes, self.host.session.style), label, problem)

    def _record(self, after: Document, label: str, problem: Problem) -> None:
        if self.host.push_edit(label, after, problem.issue.cue_index):
            self._show_count()
            self.bar.show_note(f"{label} · Ctrl+Z undoes · F8: next problem")

    # ----- the bar -----

    def _show_fixes(self, live: bool = True) -> None:
        """Name the suggestions on their Alt+n actions; hide the ones this problem does not have, and all of them
        while it is gone (accepted, ignored, typed over: its suggestions no longer apply; an undo brings them back)."""
        fixes = self.current.issue.fixes if self.current and live else ()
        for n in range(FIXES_SHOWN):
            action = self.actions[f"accept_fix_{n + 1}"]
            fix = fixes[n] if n < len(fixes) else None
            action.setText(fix.replacement.replace("&", "&&") if fix else f"Suggestion &{n + 1}")  # no mnemonic
            source = f"“{fix.replacement}”: {fix.score:.2f} from {', '.join(fix.sources) or 'a check'}" if fix else ""
            action.setToolTip(plain_tooltip(source))
            action.setVisible(fix is not None)
        self.bar.refresh_button_texts()

    def _show_count(self) -> None:
        problems = self.problems()
        positions = [problem.position for problem in problems]
        current = self.current
        number = positions.index(current.position) + 1 if current and current.position in positions else None
        if current is not None and number is None and self._hidden_by_filter(current):
            self.bar.show_hidden(current, len(problems))
            self._show_fixes()  # still there: its keys still work on it
            return
        self.bar.show_problem(current if number else None, number, len(problems))
        self._show_fixes(live=number is not None)

    def _hidden_by_filter(self, problem: Problem) -> bool:
        """Whether the problem is still there, only not of the kind the filter shows."""
        if self.bar.chosen_kinds() is None:
            return False
        every = navigation.in_time_order(self.host.session.document, self.host.issues.issues)
        return problem.position in {other.position for other in every}


def attach_navigator(host: FeatureHost, media: MediaPanel | None) -> ProblemNavigator:
    """Give the window the Tools ▸ Problems menu, the navigator's bar under its views, and problems chosen in
    the checks panel played."""
    navigator = ProblemNavigator(host, media.playback if media else None, host.widget)
    host.menu("&Tools").addMenu("&Problems").addActions(list(navigator.actions.values()))
    host.add_bar(navigator.bar)
    host.issue_chosen.connect(navigator.go_to_issue)
    return navigator
