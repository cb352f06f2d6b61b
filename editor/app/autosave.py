"""Recovery files: unsaved work written aside every minute and every tenth edit, offered back after a crash.

The document is immutable, so a snapshot is written on a worker thread and typing never waits for it.
A recovery file is a project file (same format as a save) named after the file the work came from, so
opening that file again finds it; work that never had a file uses one "untitled" slot.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from editor.app.session import Session
from editor.core.model import Document
from editor.formats.project import PROJECT_EXTENSION, load_project, save_project

EDITS_BETWEEN_SAVES = 10
UNTITLED = "untitled"


def recovery_dir() -> Path:
    """Where recovery files live: the application's data folder (a test folder in test mode)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def recovery_path(origin: Path | None, folder: Path | None = None) -> Path:
    """The recovery file for work opened from `origin` (None: never saved)."""
    key = hashlib.sha1(str(origin.resolve()).encode()).hexdigest()[:16] if origin else UNTITLED
    return (folder or recovery_dir()) / f"{key}{PROJECT_EXTENSION}"


@dataclass(frozen=True)
class Recovery:
    """A recovery file that is newer than the file it protects."""

    path: Path
    origin: Path | None
    saved_at: datetime

    def load(self) -> Document:
        return load_project(self.path)


def find_recovery(origin: Path | None, folder: Path | None = None) -> Recovery | None:
    """The recovery file for `origin` if it holds work newer than the file on disk."""
    candidate = recovery_path(origin, folder)
    if not candidate.exists():
        return None
    recovered_at = candidate.stat().st_mtime
    if origin is not None and origin.exists() and origin.stat().st_mtime > recovered_at:  # a tie offers it
        return None
    return Recovery(candidate, origin, datetime.fromtimestamp(recovered_at))


class Autosave(QObject):
    """Writes the session's document to its recovery file while it has unsaved changes."""

    def __init__(self, session: Session, interval_ms: int, folder: Path | None = None) -> None:
        super().__init__(session)
        self._session = session
        self.folder = folder or recovery_dir()
        self._origin: Path | None = None
        self._edits_since_save = 0
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()
        writer = self._writer
        self.destroyed.connect(lambda: writer.shutdown(wait=True))
        session.undo_stack.indexChanged.connect(self._on_edit)
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def path(self) -> Path:
        """This work's recovery file."""
        return recovery_path(self._origin, self.folder)

    def set_origin(self, origin: Path | None) -> None:
        """The work now belongs to another file (open, save as); the caller dealt with the old one's file."""
        self.wait()
        self._origin = origin
        self._edits_since_save = 0

    def write_now(self) -> None:
        """Start writing the recovery file (on the worker thread) if there is unsaved work."""
        if not self._session.is_modified:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._pending = self._writer.submit(save_project, self._session.document, self.path)
        self._edits_since_save = 0

    def wait(self) -> None:
        """Block until the last recovery file started is on disk (its errors are not the user's concern)."""
        if self._pending is not None:
            self._pending.exception()
            self._pending = None

    def discard(self) -> None:
        """Forget the recovery file: the work was saved or deliberately thrown away."""
        self.wait()
        self.path.unlink(missing_ok=True)
        self._edits_since_save = 0

    def _on_edit(self) -> None:
        self._edits_since_save += 1
        if self._edits_since_save >= EDITS_BETWEEN_SAVES:
            self.write_now()

    def _on_timer(self) -> None:
        if self._edits_since_save:
            self.write_now()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
