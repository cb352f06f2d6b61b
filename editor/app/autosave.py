"""Recovery files: unsaved work written aside once editing pauses for QUIET_MS, and every minute and every
tenth edit while it does not, offered back after a crash (what was typed just before a crash survives).

The document is immutable, so a snapshot is written on a worker thread and typing never waits for it.
A recovery file is a project file (same format as a save) named after the file the work came from, so
opening that file again finds it; work that never had a file uses one "untitled" slot.

A recovery write never fails in silence: when the usual folder cannot take it (a full disk, a folder gone),
it goes beside the work's own file, else to the temporary folder, and `trouble` says so until the usual
folder works again; finding a recovery file looks in all three places, and in the folder versions before
December 2026 wrote to.
"""

from __future__ import annotations

import contextlib
import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from editor.app.session import Session
from editor.app.settings import APPLICATION
from editor.core.model import Document
from editor.formats.atomic import remove_stale_temporaries, remove_stale_temporaries_in
from editor.formats.errors import FormatError
from editor.formats.project import PROJECT, PROJECT_EXTENSION
from editor.formats.registry import read_file, write_file

EDITS_BETWEEN_SAVES = 10
QUIET_MS = 2000  # a pause in editing this long writes the recovery file: one typing run is one edit
UNTITLED = "untitled"
RESULT_POLL_MS = 100


def recovery_dir() -> Path:
    """Where recovery files live: Cueline's folder in the user's data folder (~/.local/share/Cueline/recovery
    on Linux; a test folder in test mode). Not Qt's AppDataLocation: it names the organisation and then the
    application, both Cueline (~/.local/share/Cueline/Cueline)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / APPLICATION / "recovery"


def earlier_recovery_dir() -> Path:
    """Where versions before December 2026 wrote recovery files (AppDataLocation): work left there is found."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "recovery"


def fallback_dir() -> Path:
    """The last place a recovery file can go: the system's temporary folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)) / "cueline-recovery"


def recovery_path(origin: Path | None, folder: Path | None = None) -> Path:
    """The recovery file for work opened from `origin` (None: never saved)."""
    key = hashlib.sha1(str(origin.resolve()).encode()).hexdigest()[:16] if origin else UNTITLED
    return (folder or recovery_dir()) / f"{key}{PROJECT_EXTENSION}"


def recovery_locations(origin: Path | None, folder: Path | None = None, fallback: Path | None = None) -> list[Path]:
    """Where this work's recovery file may be, in the order writes try them: the recovery folder, a hidden
    file beside the work's own file, the temporary folder."""
    beside = [origin.parent / f".{origin.name}.recovery{PROJECT_EXTENSION}"] if origin else []
    return [recovery_path(origin, folder), *beside, recovery_path(origin, fallback or fallback_dir())]


def places_to_look(origin: Path | None, folder: Path | None = None, fallback: Path | None = None) -> list[Path]:
    """Where a copy of this work may be: where writes go, and where earlier versions wrote."""
    earlier = recovery_path(origin, earlier_recovery_dir())
    written = recovery_locations(origin, folder, fallback)
    return written if earlier in written else [*written, earlier]


@dataclass(frozen=True)
class Recovery:
    """A recovery file that is newer than the file it protects."""

    path: Path
    origin: Path | None
    saved_at: datetime
    locations: tuple[Path, ...] = ()  # everywhere a copy of this work may be (the declined ones go too)

    def load(self) -> Document:
        return read_file(self.path).document

    def discard(self) -> None:
        """The user declined it: remove it and any older copy elsewhere, so none is offered again."""
        for location in {self.path, *self.locations}:
            with contextlib.suppress(OSError):
                location.unlink(missing_ok=True)


def find_recovery(origin: Path | None, folder: Path | None = None, fallback: Path | None = None) -> Recovery | None:
    """The newest recovery file for `origin` if it holds work newer than the file on disk."""
    locations = places_to_look(origin, folder, fallback)
    found = [(path.stat().st_mtime, path) for path in locations if path.exists()]
    if not found:
        return None
    recovered_at, candidate = max(found)
    if origin is not None and origin.exists() and origin.stat().st_mtime > recovered_at:  # a tie offers it
        return None
    return Recovery(candidate, origin, datetime.fromtimestamp(recovered_at), tuple(locations))


@dataclass(frozen=True)
class _Written:
    """Where a recovery write went (None: nowhere) and why the places before it refused."""

    path: Path | None
    refusals: tuple[str, ...]


def _write_first_that_works(document: Document, locations: list[Path]) -> _Written:
    """Runs on the worker thread: each location in turn until one takes the file."""
    refusals: list[str] = []
    for location in locations:
        try:
            location.parent.mkdir(parents=True, exist_ok=True)
            write_file(document, location, file_format=PROJECT)
        except (FormatError, OSError) as error:
            refusals.append(f"{location.parent}: {_reason(error)}")
            continue
        return _Written(location, tuple(refusals))
    return _Written(None, tuple(refusals))


def _reason(error: Exception) -> str:
    """The system's words for why a folder refused ("No space left on device"), else our message."""
    cause = error.__cause__ if isinstance(error.__cause__, OSError) else error
    return (cause.strerror if isinstance(cause, OSError) else None) or str(getattr(error, "message", error))


def trouble_message(written: _Written) -> str:
    """What the user must know about a recovery write; empty when it went where it always goes."""
    if written.path is not None and not written.refusals:
        return ""
    reasons = "; ".join(written.refusals)
    if written.path is None:
        return f"Unsaved work cannot be protected: no recovery copy could be written ({reasons}). Save now."
    return f"Recovery copies go to {written.path.parent} because the usual folder failed ({reasons})."


class Autosave(QObject):
    """Writes the session's document to its recovery file while it has unsaved changes."""

    trouble = Signal(str)  # what the user must know about recovery writes now ("" once all is well again)

    def __init__(self, session: Session, interval_ms: int, folder: Path | None = None,
                 fallback: Path | None = None) -> None:
        super().__init__(session)
        self._session = session
        self.folder = folder or recovery_dir()
        self.fallback = fallback or fallback_dir()
        self.trouble_text = ""
        self._origin: Path | None = None
        self._edits_since_save = 0
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[_Written] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()
        self._result_poll = QTimer(self)  # results are read on the GUI thread: no signal leaves the worker
        self._result_poll.setInterval(RESULT_POLL_MS)
        self._result_poll.timeout.connect(self._collect_result)
        self._quiet = QTimer(self)  # restarted by every change, typing included: fires once editing pauses
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.write_now)
        session.cues_spliced.connect(self._quiet.start)
        writer = self._writer
        self.destroyed.connect(lambda: writer.shutdown(wait=True))
        session.undo_stack.indexChanged.connect(self._on_edit)
        session.undo_stack.cleanChanged.connect(self._on_clean_changed)
        remove_stale_temporaries_in(self.folder)

    @property
    def path(self) -> Path:
        """This work's recovery file in the recovery folder."""
        return recovery_path(self._origin, self.folder)

    @property
    def locations(self) -> list[Path]:
        """Every place this work's recovery file may be written, in the order writes try them."""
        return recovery_locations(self._origin, self.folder, self.fallback)

    def set_origin(self, origin: Path | None) -> None:
        """The work now belongs to another file (open, save as); the caller dealt with the old one's file."""
        self.wait()
        self._origin = origin
        self._edits_since_save = 0
        if origin is not None:
            remove_stale_temporaries(origin)

    def write_now(self) -> None:
        """Start writing the recovery file (on the worker thread) if there is unsaved work."""
        if not self._session.is_modified:
            return
        self._pending = self._writer.submit(_write_first_that_works, self._session.document, self.locations)
        self._result_poll.start()
        self._edits_since_save = 0

    def wait(self) -> None:
        """Block until the last recovery file started is on disk, and report where it went."""
        if self._pending is not None:
            self._pending.exception()
            self._collect_result()

    def discard(self) -> None:
        """Forget the recovery file: the work was saved or deliberately thrown away."""
        self.wait()
        for location in places_to_look(self._origin, self.folder, self.fallback):
            with contextlib.suppress(OSError):
                location.unlink(missing_ok=True)
        self._edits_since_save = 0
        self._set_trouble("")

    def _collect_result(self) -> None:
        if self._pending is None or not self._pending.done():
            return
        self._result_poll.stop()
        error = self._pending.exception()
        written = _Written(None, (f"{type(error).__name__}: {error}",)) if error else self._pending.result()
        self._pending = None
        self._set_trouble(trouble_message(written))

    def _set_trouble(self, message: str) -> None:
        if message != self.trouble_text:
            self.trouble_text = message
            self.trouble.emit(message)

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
