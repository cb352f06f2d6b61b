"""Recovery files: unsaved work written aside after every change, offered back after a crash, so a crash
(kill -9, a power cut) loses only what was typed in the last fraction of a second, while its copy was on its way.

The document is immutable, so a snapshot is written on a worker thread and typing never waits for it. A write
starts shortly after a change (AFTER_CHANGE_MS), never beside another: changes made while one is on its way go
in the next, which starts after a rest in proportion to the write (REST_PER_WRITE). Killed while typing into the
12:45 sample at a key every 80 ms on a busy machine, the editor lost 1-2 keys (it lost up to 9, or 2 s).

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
import time
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

UNTITLED = "untitled"
RESULT_POLL_MS = 20  # how soon a finished write is noticed, and the next one may start
# After a write, the writer rests this many times its CPU time: it takes a seventh of a core at most, however big
# the document (10,000 cues: about 17 ms of CPU a write), so typing is not slowed.
REST_PER_WRITE = 6
# A write starting at once ran beside the keystroke's own work (table, timeline, checks) and slowed it: typing
# into 10,000 cues, median 50 -> 58-70 ms a key under load; with this delay 48-50 ms, as without any write.
AFTER_CHANGE_MS = 50


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
    cpu_seconds: float = 0.0  # the writing thread's own CPU time (waits for the disk and the GIL are not work)


def _write_first_that_works(document: Document, locations: list[Path]) -> _Written:
    """Runs on the worker thread: each location in turn until one takes the file."""
    started = time.thread_time()
    refusals: list[str] = []
    for location in locations:
        try:
            location.parent.mkdir(parents=True, exist_ok=True)
            write_file(document, location, file_format=PROJECT)
        except (FormatError, OSError) as error:
            refusals.append(f"{location.parent}: {_reason(error)}")
            continue
        return _Written(location, tuple(refusals), time.thread_time() - started)
    return _Written(None, tuple(refusals), time.thread_time() - started)


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
    """Writes the session's document to its recovery file after every change while it has unsaved changes;
    a write that failed is tried again every `interval_ms` (the disk may have room again)."""

    trouble = Signal(str)  # what the user must know about recovery writes now ("" once all is well again)

    def __init__(self, session: Session, interval_ms: int, folder: Path | None = None,
                 fallback: Path | None = None) -> None:
        super().__init__(session)
        self._session = session
        self.folder = folder or recovery_dir()
        self.fallback = fallback or fallback_dir()
        self.trouble_text = ""
        self._origin: Path | None = None
        self._unwritten = False  # a change no write started since has taken
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[_Written] | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(interval_ms)
        self._retry.timeout.connect(self._retry_after_trouble)
        self._retry.start()
        self._result_poll = QTimer(self)  # results are read on the GUI thread: no signal leaves the worker
        self._result_poll.setInterval(RESULT_POLL_MS)
        self._result_poll.timeout.connect(self._collect_result)
        self._spacing = QTimer(self)  # after a write, as long again before the next: see the module's docstring
        self._spacing.setSingleShot(True)
        self._spacing.timeout.connect(self._write_if_changed)
        writer = self._writer
        self.destroyed.connect(lambda: writer.shutdown(wait=True))
        session.cues_spliced.connect(self._on_change)  # every edit, each typed character, undo and redo
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
        self._unwritten = False
        if origin is not None:
            remove_stale_temporaries(origin)

    def write_now(self) -> None:
        """Start writing the recovery file (on the worker thread) if there is unsaved work."""
        if not self._session.is_modified:
            return
        self.wait()  # one write at a time, in order: the last one started holds the newest work
        self._pending = self._writer.submit(_write_first_that_works, self._session.document, self.locations)
        self._result_poll.start()
        self._unwritten = False

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
        self._unwritten = False
        self._set_trouble("")

    def _collect_result(self) -> None:
        if self._pending is None or not self._pending.done():
            return
        self._result_poll.stop()
        error = self._pending.exception()
        written = _Written(None, (f"{type(error).__name__}: {error}",)) if error else self._pending.result()
        self._pending = None
        self._set_trouble(trouble_message(written))
        if self._unwritten:
            self._spacing.start(round(written.cpu_seconds * 1000 * REST_PER_WRITE))

    def _set_trouble(self, message: str) -> None:
        if message != self.trouble_text:
            self.trouble_text = message
            self.trouble.emit(message)

    def _on_change(self) -> None:
        """Write once the event that made the change is done: an edit is announced before the undo stack counts
        it (the work would not look modified yet), and a burst of changes goes in one write."""
        self._unwritten = True
        if self._pending is None and not self._spacing.isActive():
            self._spacing.start(AFTER_CHANGE_MS)

    def _write_if_changed(self) -> None:
        if self._unwritten:
            self.write_now()

    def _retry_after_trouble(self) -> None:
        if self.trouble_text and self._pending is None:
            self.write_now()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
