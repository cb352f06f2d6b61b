"""Auto-sync off the GUI thread: decode the media's audio, then align the words to it, with progress and
cancel; background_job.py drops a cancelled or replaced job's late results, so a cancelled sync can never
change the document.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from editor.app.background_job import JobThread, LatestJobRunner
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


class _AlignThread(JobThread):
    progress_step = PROGRESS_STEP

    def __init__(self, job: int, media: Path, scope: SyncScope, parent: QObject | None = None) -> None:
        super().__init__(job, parent)
        self._media, self._scope = media, scope

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
        self.report_progress(fraction * DECODE_SHARE)

    def _align_progress(self, fraction: float) -> None:
        self.report_progress(DECODE_SHARE + fraction * (1 - DECODE_SHARE))


class AlignWorker(LatestJobRunner):
    """Runs one auto-sync job at a time; `ready` (an AlignResult) and `failed` only report the latest job."""

    def start(self, media_path: Path, scope: SyncScope) -> None:
        """Align `scope`'s words to the media's speech in the background, cancelling any job still running."""
        job = self.next_job()
        self.launch(_AlignThread(job, Path(media_path), scope, self))

    def shutdown(self, timeout_ms: int = WAIT_ON_SHUTDOWN_MS) -> None:
        """Cancel and wait for the job; cancelling takes effect between recogniser jobs."""
        super().shutdown(timeout_ms)
