"""Audio evidence off the GUI thread: editor.workflows.find_suspects' listening job with progress and cancel,
so staff keep editing while the speech is heard (about a second of CPU per 30 s of programme)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor.app.background_job import JobThread, LatestJobRunner
from editor.core.model import Document
from editor.formats.errors import FormatError

if TYPE_CHECKING:
    from editor.timing.recording import Recording

WAIT_ON_SHUTDOWN_MS = 30_000  # cancelling takes effect between phone-recogniser jobs (a second at most)


class _ListenThread(JobThread):
    def __init__(self, job: int, media: Path, document: Document, audio: Recording | None,
                 parent: QObject | None = None) -> None:
        super().__init__(job, parent)
        self._media, self._document, self._audio = media, document, audio

    def run(self) -> None:
        # imported here, not at start-up: the recogniser's modules are not loaded until a job runs
        from editor.media.audio import DecodeCancelled
        from editor.timing.workers import AlignmentCancelled
        from editor.workflows.find_suspects import listen_for_evidence

        try:
            heard = listen_for_evidence(self._document, self._media, progress=self.report_progress,
                                        cancelled=self.stop.is_set, audio=self._audio)
            self.succeeded.emit(self.job, heard)
        except (DecodeCancelled, AlignmentCancelled):
            return
        except FormatError as error:
            self.failed.emit(self.job, f"Cannot read the media's audio: {error}")
        except Exception as error:  # a recogniser fault must end the job, not hang it
            self.failed.emit(self.job, f"Listening failed: {error}")


class EvidenceWorker(LatestJobRunner):
    """Runs one listening job at a time; `ready` (the document with evidence) only reports the latest job."""

    def start(self, media_path: Path, document: Document, audio: Recording | None = None) -> None:
        """Hear what the media says at each timed word of `document`, cancelling any job still running;
        `audio` is its audio when auto-sync has just decoded it (AlignResult.audio_of), else it is decoded."""
        self.launch(_ListenThread(self.next_job(), Path(media_path), document, audio, self))

    def shutdown(self, timeout_ms: int = WAIT_ON_SHUTDOWN_MS) -> None:
        super().shutdown(timeout_ms)
