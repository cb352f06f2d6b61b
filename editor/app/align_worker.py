"""Auto-sync off the GUI thread: editor.workflows.autosync's job with progress and cancel; background_job.py
drops a cancelled or replaced job's late results, so a cancelled sync can never change the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor.app.background_job import JobThread, LatestJobRunner

if TYPE_CHECKING:
    from editor.workflows.sync_scope import SyncScope

PROGRESS_STEP = 0.005  # report each half percent, not every chunk
WAIT_ON_SHUTDOWN_MS = 30_000  # generous: Cancel stops the recogniser workers at once, this process at its next check


class _AlignThread(JobThread):
    progress_step = PROGRESS_STEP

    def __init__(self, job: int, media: Path, scope: SyncScope, parent: QObject | None = None) -> None:
        super().__init__(job, parent)
        self._media, self._scope = media, scope

    def run(self) -> None:
        # imported here, not at start-up: the recogniser's modules are not loaded until a job runs
        from editor.media.audio import DecodeCancelled, MediaError
        from editor.timing.align import AlignmentCancelled
        from editor.workflows.autosync import align_scope

        try:
            result = align_scope(self._media, self._scope, progress=self.report_progress, cancelled=self.stop.is_set)
            self.succeeded.emit(self.job, result)
        except (DecodeCancelled, AlignmentCancelled):
            return
        except MediaError as error:
            self.failed.emit(self.job, f"Cannot read the media's audio: {error}")
        except Exception as error:  # a recogniser fault must end the job, not hang the dialog
            self.failed.emit(self.job, f"Auto-sync failed: {error}")


class AlignWorker(LatestJobRunner):
    """Runs one auto-sync job at a time; `ready` (an AlignResult) and `failed` only report the latest job."""

    def start(self, media_path: Path, scope: SyncScope) -> None:
        """Align `scope`'s words to the media's speech in the background, cancelling any job still running."""
        job = self.next_job()
        self.launch(_AlignThread(job, Path(media_path), scope, self))

    def shutdown(self, timeout_ms: int = WAIT_ON_SHUTDOWN_MS) -> None:
        """Cancel and wait for the job to end."""
        super().shutdown(timeout_ms)
