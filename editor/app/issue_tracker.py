"""The checks' findings for the open document, kept current after every edit without re-checking it all.

An edit changes a few cues; only they and their neighbours can gain or lose an issue from a per-cue or
neighbour rule, so those are re-checked at once. A whole-document run follows when editing pauses, to
catch rules that look further (the runtime, the order of all cues) and to refresh messages that name
other cues by number.

A long document is checked whole off the GUI thread (when opened, and when editing pauses), so the window
never freezes for it: its cues can be read and edited at once, and the issues are replaced when the run ends
(a run overtaken by an edit is dropped; the next pause runs again).

Issues are kept in one bucket per cue, so an edit that inserts or removes cues moves buckets instead of
renumbering thousands of issues; an issue's own `cue_index` may be stale inside a bucket, and readers
get the bucket's position instead (`entries`, `issues`).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from editor.app.background_job import JobThread, LatestJobRunner
from editor.app.session import Session
from editor.checks.issue import Issue, count_errors
from editor.checks.registry import run_checks
from editor.core.edits import CueSplice
from editor.core.model import Document
from editor.core.style import CaptionStyle

FULL_RUN_DELAY_MS = 1500
BACKGROUND_FROM_CUES = 2000  # checking this many cues takes a tenth of a second or more: not on the GUI thread
# A long document's first check waits this long in its thread: the window paints the document first, since the
# check holds the GIL for most of its run.
FIRST_RUN_DELAY_MS = 50
_CONTEXT = 2  # neighbours on each side that a re-checked cue needs to be judged fairly
Bucket = tuple[Issue, ...]


def _tally(buckets: list[Bucket]) -> tuple[int, int]:
    """(issues, errors) in the buckets."""
    errors = sum(count_errors(bucket) for bucket in buckets)
    return sum(map(len, buckets)), errors


def _buckets(issues: list[Issue], cue_count: int) -> list[Bucket]:
    """Issues sorted by cue as one bucket per cue (issues past `cue_count` are dropped)."""
    buckets: list[Bucket] = [()] * cue_count
    for index, group in groupby(issues, key=lambda issue: issue.cue_index):
        if 0 <= index < cue_count:
            buckets[index] = tuple(group)
    return buckets


class _CheckThread(JobThread):
    def __init__(self, job: int, document: Document, style: CaptionStyle, delay_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(job, parent)
        self._document, self._style, self._delay_ms = document, style, delay_ms

    def run(self) -> None:
        self.msleep(self._delay_ms)
        self.succeeded.emit(self.job, (self._document, run_checks(self._document, self._style)))


class _BackgroundCheck(LatestJobRunner):
    """One whole-document check at a time off the GUI thread; `ready` gives (document, issues)."""

    def start(self, document: Document, style: CaptionStyle, delay_ms: int = 0) -> None:
        self.launch(_CheckThread(self.next_job(), document, style, delay_ms, self))


class IssueTracker(QObject):
    """Issues by cue; announces a full refresh (`issues_changed`) or the rows an edit replaced."""

    issues_changed = Signal()
    # after an edit: (first row, rows removed, the new rows as (cue index, issue), cues inserted - removed)
    rows_replaced = Signal(int, int, object, int)

    def __init__(self, session: Session, parent: QObject | None = None, *, pause_ms: int = FULL_RUN_DELAY_MS) -> None:
        """`pause_ms`: how long editing must pause before the whole-document run."""
        super().__init__(parent)
        self._session = session
        self._buckets: list[Bucket] = []
        self._errors = 0
        self._count = 0
        self._inputs = self._document_wide_inputs()
        self._full_run = QTimer(self)
        self._full_run.setSingleShot(True)
        self._full_run.setInterval(pause_ms)
        self._full_run.timeout.connect(self._recheck)
        self._background = _BackgroundCheck(self)
        self._background.ready.connect(self._on_background_result)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        session.document_replaced.connect(self._on_replaced)
        session.cues_spliced.connect(self._on_splice)
        self.check_all()

    @property
    def issues(self) -> list[Issue]:
        """Every issue, in cue order, with its current cue index."""
        entries = self.entries()
        return [issue if issue.cue_index == index else replace(issue, cue_index=index) for index, issue in entries]

    def entries(self) -> list[tuple[int, Issue]]:
        """(cue index, issue) pairs in cue order: cheap, for lists that show every issue."""
        return [(index, issue) for index, bucket in enumerate(self._buckets) if bucket for issue in bucket]

    def issues_of(self, cue_index: int) -> Bucket:
        return self._buckets[cue_index] if 0 <= cue_index < len(self._buckets) else ()

    @property
    def counts(self) -> tuple[int, int]:
        """(errors, warnings) in the whole document."""
        return self._errors, self._count - self._errors

    def check_all(self) -> None:
        """Re-run every rule on the whole document."""
        self._full_run.stop()
        self._background.cancel()
        self._inputs = self._document_wide_inputs()
        self._take(self._session.document, run_checks(self._session.document, self._session.style))

    def _take(self, document: Document, issues: list[Issue]) -> None:
        self._buckets = _buckets(issues, len(document.cues))
        self._count, self._errors = _tally(self._buckets)
        self.issues_changed.emit()

    def _on_replaced(self) -> None:
        """Another document: its old issues go at once; a long one's are listed when the background run ends."""
        if len(self._session.document.cues) < BACKGROUND_FROM_CUES:
            self.check_all()
            return
        self._take(self._session.document, [])
        # once the views have taken the document (the peaks of memory do not add up) and painted it
        QTimer.singleShot(0, self, lambda: self._recheck(FIRST_RUN_DELAY_MS))

    def _recheck(self, delay_ms: int = 0) -> None:
        """The whole-document run: on the GUI thread for a short document, in the background for a long one."""
        document = self._session.document
        if len(document.cues) < BACKGROUND_FROM_CUES:
            self.check_all()
            return
        self._full_run.stop()
        self._inputs = self._document_wide_inputs()
        self._background.start(document, self._session.style, delay_ms)

    @property
    def checking(self) -> bool:
        """True while a long document's first check still runs in the background."""
        return not self._background.idle

    def shutdown(self) -> None:
        """Stop a background check and wait for it, before the window goes away."""
        self._background.shutdown()

    def _on_background_result(self, result: tuple[Document, list[Issue]]) -> None:
        document, issues = result
        if document is self._session.document and self._document_wide_inputs() == self._inputs:
            self._take(document, issues)  # else an edit came first, and the pause after it re-checks

    def _document_wide_inputs(self) -> tuple[object, ...]:
        """What every cue's issues depend on: a change here re-checks the whole document at once."""
        document = self._session.document
        return self._session.style, document.glossary, document.ignored

    def _on_splice(self, splice: CueSplice) -> None:
        if self._document_wide_inputs() != self._inputs:
            self.check_all()
            return
        document = self._session.document
        first = max(0, splice.start - 1)
        new_stop = min(len(document.cues), splice.start + len(splice.inserted) + 1)
        old_stop = new_stop - len(splice.inserted) + len(splice.removed)
        window_start = max(0, first - _CONTEXT)
        window = replace(document, cues=document.cues[window_start : new_stop + _CONTEXT])
        fresh = _buckets(run_checks(window, self._session.style), new_stop - window_start)[first - window_start :]
        first_row = sum(map(len, self._buckets[:first]))
        (removed, removed_errors), (added, added_errors) = _tally(self._buckets[first:old_stop]), _tally(fresh)
        self._buckets[first:old_stop] = fresh
        self._count += added - removed
        self._errors += added_errors - removed_errors
        new_rows = [(first + offset, issue) for offset, bucket in enumerate(fresh) for issue in bucket]
        shift = len(splice.inserted) - len(splice.removed)
        self.rows_replaced.emit(first_row, removed, new_rows, shift)
        self._full_run.start()
