"""Waveform peaks computed off the GUI thread, with progress and cancel, so a long file never freezes the UI.

Starting a new job cancels the one running; a late result from a cancelled job is dropped, so the
timeline never shows the waveform of media that is no longer open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from editor.app.background_job import JobThread, LatestJobRunner
from editor.media.audio import DecodeCancelled, MediaError
from editor.media.waveform import Peaks, load_or_compute_peaks


class _PeaksThread(JobThread):
    def __init__(self, job: int, media: Path, cache: Path | None, parent: QObject | None = None) -> None:
        super().__init__(job, parent)
        self._media, self._cache = media, cache

    def run(self) -> None:
        try:
            peaks = load_or_compute_peaks(
                self._media, self._cache, progress=self.report_progress, cancelled=self.stop.is_set
            )
        except DecodeCancelled:
            return
        except MediaError as error:
            self.failed.emit(self.job, f"No waveform: {error}")
            return
        self.succeeded.emit(self.job, peaks)


class WaveformWorker(LatestJobRunner):
    """Computes (or loads from the cache beside the project) the peaks of one media file at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.peaks: Peaks | None = None

    def start(self, media_path: Path, cache_path: Path | None = None) -> None:
        """Compute the peaks of `media_path` in the background, cancelling any job still running."""
        job = self.next_job()
        self.peaks = None
        self.launch(_PeaksThread(job, Path(media_path), cache_path, self))

    def accept(self, result: object) -> None:
        assert isinstance(result, Peaks)
        self.peaks = result
