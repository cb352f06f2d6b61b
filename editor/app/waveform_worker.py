"""Waveform peaks computed off the GUI thread, with progress and cancel, so a long file never freezes the UI.

Starting a new job cancels the one running; a late result from a cancelled job is dropped, so the
timeline never shows the waveform of media that is no longer open.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from editor.media.audio import DecodeCancelled, MediaError
from editor.media.waveform import Peaks, load_or_compute_peaks

PROGRESS_STEP = 0.01  # report each whole percent, not every chunk


class _PeaksThread(QThread):
    progressed = Signal(int, float)  # job, fraction
    succeeded = Signal(int, object)  # job, Peaks
    failed = Signal(int, str)  # job, message

    def __init__(self, job: int, media: Path, cache: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job, self._media, self._cache = job, media, cache
        self.stop = threading.Event()
        self._reported = -1.0

    def run(self) -> None:
        try:
            peaks = load_or_compute_peaks(
                self._media, self._cache, progress=self._progress, cancelled=self.stop.is_set
            )
        except DecodeCancelled:
            return
        except MediaError as error:
            self.failed.emit(self.job, f"No waveform: {error}")
            return
        self.succeeded.emit(self.job, peaks)

    def _progress(self, fraction: float) -> None:
        if fraction - self._reported >= PROGRESS_STEP or fraction >= 1.0:
            self._reported = fraction
            self.progressed.emit(self.job, fraction)


class WaveformWorker(QObject):
    """Computes (or loads from the cache beside the project) the peaks of one media file at a time."""

    progress = Signal(float)  # 0.0 .. 1.0
    ready = Signal(object)  # Peaks, for TimelineView.set_peaks
    failed = Signal(str)  # a message for the status bar

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._thread: _PeaksThread | None = None
        self._live: set[_PeaksThread] = set()  # cancelled threads still winding down, kept until they end
        self.peaks: Peaks | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, media_path: Path, cache_path: Path | None = None) -> None:
        """Compute the peaks of `media_path` in the background, cancelling any job still running."""
        self.cancel()
        self._job += 1
        self.peaks = None
        thread = _PeaksThread(self._job, Path(media_path), cache_path, self)
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_success)
        thread.failed.connect(self._on_failure)
        thread.finished.connect(self._reap)  # a bound slot: runs on the GUI thread, after the thread ended
        self._thread = thread
        self._live.add(thread)
        thread.start(QThread.Priority.LowPriority)

    def cancel(self) -> None:
        """Stop the running job at its next chunk (a few hundred ms at most); its result is ignored."""
        if self._thread is not None:
            self._thread.stop.set()
            self._thread = None
        self._job += 1

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait for every job, so no thread outlives the window."""
        self.cancel()
        for thread in list(self._live):
            thread.wait(timeout_ms)
        self._reap()

    def _reap(self) -> None:
        """Free the threads that have ended (never one still running: that would crash)."""
        for thread in list(self._live):
            if thread.isFinished() and thread.wait(0):
                self._live.discard(thread)
                thread.deleteLater()

    def _on_progress(self, job: int, fraction: float) -> None:
        if job == self._job:
            self.progress.emit(fraction)

    def _on_success(self, job: int, peaks: Peaks) -> None:
        if job == self._job:
            self.peaks = peaks
            self._thread = None
            self.ready.emit(peaks)

    def _on_failure(self, job: int, message: str) -> None:
        if job == self._job:
            self._thread = None
            self.failed.emit(message)
