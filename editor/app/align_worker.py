"""Auto-sync off the GUI thread: decode the media's audio, then align the words to it, with progress and
cancel (the same pattern as waveform_worker.py).

Results come back through queued signals tagged with their job number; starting a new job or cancelling
makes the running job's late results stale, and stale results are dropped, so a cancelled sync can never
change the document.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from editor.app.sync_scope import SyncScope, audio_of, shifted
from editor.media.audio import DecodeCancelled, MediaError, decode_audio
from editor.timing.align import SAMPLE_RATE, Alignment, AlignmentCancelled, align_words

DECODE_SHARE = 0.1  # decoding is quick next to recognition: the first tenth of the progress bar
PROGRESS_STEP = 0.005  # report each half percent, not every chunk
WAIT_ON_SHUTDOWN_MS = 30_000  # cancelling takes effect between recogniser jobs (a few seconds at most)
TURN_POLL_SECONDS = 0.05
# The recogniser keeps one decoder per process (editor.timing.recognize), so two alignments in two threads
# would share it: a job replacing a cancelled one still winding down waits for its turn.
_ALIGNING = threading.Lock()


@dataclass(frozen=True)
class AlignResult:
    """What a finished job hands back: the alignment in programme time and the media's running time."""

    scope: SyncScope
    alignment: Alignment
    media_ms: int


class _AlignThread(QThread):
    progressed = Signal(int, float)  # job, fraction
    succeeded = Signal(int, object)  # job, AlignResult
    failed = Signal(int, str)  # job, message

    def __init__(self, job: int, media: Path, scope: SyncScope, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job, self._media, self._scope = job, media, scope
        self.stop = threading.Event()
        self._reported = -1.0

    def run(self) -> None:
        try:
            self.succeeded.emit(self.job, self._align())
        except (DecodeCancelled, AlignmentCancelled):
            return
        except MediaError as error:
            self.failed.emit(self.job, f"Cannot read the media's audio: {error}")
        except Exception as error:  # a recogniser fault must end the job, not hang the dialog
            self.failed.emit(self.job, f"Auto-sync failed: {error}")

    def _align(self) -> AlignResult:
        samples = decode_audio(self._media, SAMPLE_RATE, progress=self._decode_progress, cancelled=self.stop.is_set)
        clip = audio_of(self._scope, samples, SAMPLE_RATE)
        with self._turn_to_align():
            alignment = align_words(self._scope.words, clip, SAMPLE_RATE, progress=self._align_progress,
                                    cancelled=self.stop.is_set)
        return AlignResult(self._scope, shifted(alignment, self._scope.start_ms), len(samples) * 1000 // SAMPLE_RATE)

    @contextmanager
    def _turn_to_align(self) -> Iterator[None]:
        """Hold the process's one alignment slot; give up if cancelled while waiting for it."""
        while not _ALIGNING.acquire(timeout=TURN_POLL_SECONDS):
            if self.stop.is_set():
                raise AlignmentCancelled
        try:
            yield
        finally:
            _ALIGNING.release()

    def _decode_progress(self, fraction: float) -> None:
        self._report(fraction * DECODE_SHARE)

    def _align_progress(self, fraction: float) -> None:
        self._report(DECODE_SHARE + fraction * (1 - DECODE_SHARE))

    def _report(self, fraction: float) -> None:
        if fraction - self._reported >= PROGRESS_STEP or fraction >= 1.0:
            self._reported = fraction
            self.progressed.emit(self.job, fraction)


class AlignWorker(QObject):
    """Runs one auto-sync job at a time; `ready`, `failed` only ever report the latest job."""

    progress = Signal(float)  # 0.0 .. 1.0
    ready = Signal(object)  # AlignResult
    failed = Signal(str)  # a message for the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._thread: _AlignThread | None = None
        self._live: set[_AlignThread] = set()  # cancelled threads still winding down, kept until they end

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def idle(self) -> bool:
        """No thread left, not even a cancelled one winding down."""
        return not self._live

    def start(self, media_path: Path, scope: SyncScope) -> None:
        """Align `scope`'s words to the media's speech in the background, cancelling any job still running."""
        self.cancel()
        self._job += 1
        thread = _AlignThread(self._job, Path(media_path), scope, self)
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

    def shutdown(self, timeout_ms: int = WAIT_ON_SHUTDOWN_MS) -> None:
        """Cancel and wait for every job, so no thread outlives the window."""
        self.cancel()
        self.wait(timeout_ms)
        self._reap()

    def wait(self, timeout_ms: int = WAIT_ON_SHUTDOWN_MS) -> None:
        """Block until every job's thread has ended; results they sent are still queued for the event loop."""
        for thread in list(self._live):
            thread.wait(timeout_ms)

    def _reap(self) -> None:
        """Free the threads that have ended (never one still running: that would crash)."""
        for thread in list(self._live):
            if thread.isFinished() and thread.wait(0):
                self._live.discard(thread)
                thread.deleteLater()

    def _on_progress(self, job: int, fraction: float) -> None:
        if job == self._job:
            self.progress.emit(fraction)

    def _on_success(self, job: int, result: AlignResult) -> None:
        if job == self._job:
            self._thread = None
            self.ready.emit(result)

    def _on_failure(self, job: int, message: str) -> None:
        if job == self._job:
            self._thread = None
            self.failed.emit(message)
