"""The checks' findings for the open document, kept current after every edit without re-checking it all.

An edit changes a few cues; only they and their neighbours can gain or lose an issue from a per-cue or
neighbour rule, so those are re-checked at once. A whole-document run follows when editing pauses, to
catch rules that look further (the runtime, the order of all cues).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from editor.app.session import Session
from editor.checks.issue import Issue
from editor.checks.registry import run_checks
from editor.core.edits import CueSplice

FULL_RUN_DELAY_MS = 1500
_CONTEXT = 2  # neighbours on each side that a re-checked cue needs to be judged fairly


class IssueTracker(QObject):
    """Issues sorted by cue, and by cue index for the table's colours and tooltips."""

    issues_changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._issues: list[Issue] = []
        self._by_cue: dict[int, list[Issue]] = {}
        self._style = session.style
        self._full_run = QTimer(self)
        self._full_run.setSingleShot(True)
        self._full_run.setInterval(FULL_RUN_DELAY_MS)
        self._full_run.timeout.connect(self.check_all)
        session.document_replaced.connect(self.check_all)
        session.cues_spliced.connect(self._on_splice)
        self.check_all()

    @property
    def issues(self) -> list[Issue]:
        return self._issues

    def issues_of(self, cue_index: int) -> list[Issue]:
        return self._by_cue.get(cue_index, [])

    def check_all(self) -> None:
        """Re-run every rule on the whole document."""
        self._full_run.stop()
        self._style = self._session.style
        self._set(run_checks(self._session.document, self._style))

    def _on_splice(self, splice: CueSplice) -> None:
        if self._session.style != self._style:
            self.check_all()
            return
        document = self._session.document
        first = max(0, splice.start - 1)
        new_stop = min(len(document.cues), splice.start + len(splice.inserted) + 1)
        old_stop = new_stop - len(splice.inserted) + len(splice.removed)
        window_start = max(0, first - _CONTEXT)
        window = replace(document, cues=document.cues[window_start : new_stop + _CONTEXT])
        fresh = [
            replace(issue, cue_index=issue.cue_index + window_start)
            for issue in run_checks(window, self._session.style)
            if first <= issue.cue_index + window_start < new_stop
        ]
        shift = len(splice.inserted) - len(splice.removed)
        before = [issue for issue in self._issues if issue.cue_index < first]
        after = [replace(i, cue_index=i.cue_index + shift) for i in self._issues if i.cue_index >= old_stop]
        self._set(before + fresh + after)
        self._full_run.start()

    def _set(self, issues: list[Issue]) -> None:
        self._issues = issues
        self._by_cue = {}
        for issue in issues:
            self._by_cue.setdefault(issue.cue_index, []).append(issue)
        self.issues_changed.emit()
