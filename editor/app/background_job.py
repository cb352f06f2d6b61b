"""Long work off the GUI thread with progress and cancel, reporting only the latest job.

A `JobThread` does the work and reports through queued signals tagged with its job number. A
`LatestJobRunner` starts one job at a time: starting another or cancelling makes the running job's late
results stale, and stale results are dropped, so a cancelled job can never reach the document or the view.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, QTimer, Signal

REAP_RETRY_MS = 20


class JobThread(QThread):
    """One job; subclasses implement run() and report through progress(), succeeded and failed."""

    progressed = Signal(int, float)  # job, fraction
    succeeded = Signal(int, object)  # job, result
    failed = Signal(int, str)  # job, message for the user

    progress_step = 0.01  # report each whole percent, not every chunk

    def __init__(self, job: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.stop = threading.Event()
        self._reported = -1.0

    def report_progress(self, fraction: float) -> None:
        if fraction - self._reported >= self.progress_step or fraction >= 1.0:
            self._reported = fraction
            self.progressed.emit(self.job, fraction)


class LatestJobRunner(QObject):
    """Runs one JobThread at a time; `ready` and `failed` only ever report the latest job."""

    progress = Signal(float)  # 0.0 .. 1.0
    ready = Signal(object)  # the job's result
    failed = Signal(str)  # a message for the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._thread: JobThread | None = None
        self._live: set[JobThread] = set()  # cancelled threads still winding down, kept until they end

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def idle(self) -> bool:
        """No thread left, not even a cancelled one winding down."""
        return not self._live

    def next_job(self) -> int:
        """Cancel any running job and number the next one."""
        self.cancel()
        self._job += 1
        return self._job

    def launch(self, thread: JobThread) -> None:
        """Start `thread`, made for the number next_job() gave."""
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_success)
        thread.failed.connect(self._on_failure)
        thread.finished.connect(self._reap)  # a bound slot: runs on the GUI thread, after the thread ended
        self._thread = thread
        self._live.add(thread)
        thread.start(QThread.Priority.LowPriority)

    def cancel(self) -> None:
        """Stop the running job at its next check; whatever it still reports is ignored."""
        if self._thread is not None:
            self._thread.stop.set()
            self._thread = None
        self._job += 1

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait for every job, so no thread outlives the window."""
        self.cancel()
        self.wait(timeout_ms)
        self._reap()

    def wait(self, timeout_ms: int = 5000) -> None:
        """Block until every job's thread has ended; results they sent are still queued for the event loop."""
        for thread in list(self._live):
            thread.wait(timeout_ms)

    def accept(self, result: object) -> None:
        """The latest job's result, before `ready` announces it; subclasses keep what they need."""

    def _reap(self) -> None:
        """Free the threads that have ended (never one still running: that would crash).

        `finished` arrives while the thread is still winding down (its Python state is freed after it), so a
        thread that cannot be joined yet is looked at again shortly rather than kept forever."""
        for thread in list(self._live):
            if not thread.isFinished():
                continue
            if thread.wait(0):
                self._live.discard(thread)
                thread.deleteLater()
            else:
                QTimer.singleShot(REAP_RETRY_MS, self, self._reap)

    def _on_progress(self, job: int, fraction: float) -> None:
        if job == self._job:
            self.progress.emit(fraction)

    def _on_success(self, job: int, result: object) -> None:
        if job == self._job:
            self._thread = None
            self.accept(result)
            self.ready.emit(result)

    def _on_failure(self, job: int, message: str) -> None:
        if job == self._job:
            self._thread = None
            self.failed.emit(message)
