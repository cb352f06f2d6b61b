"""Atomic saves: a crash or a full disk mid-save leaves the old file intact, never half a file."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import secrets
import time
from collections.abc import Iterable
from pathlib import Path

from editor.formats.errors import FormatError, WriteRefused

TEMPORARY_SUFFIX = ".tmp"
STALE_AFTER_S = 60.0  # older than any save takes: an interrupted save's leftover
_TEMPORARY_NAME = re.compile(r"[0-9a-f]{8}\.tmp")
_ANY_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")
_UTF_BOMS = {"utf-8": "\ufeff", "utf-8-sig": "", "utf-16": "", "utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}


def write_text_atomic(
    path: Path, text: str, *, encoding: str = "utf-8", bom: bool = False, crlf: bool = False
) -> None:
    """Write text ("\\n" line ends) through a temporary file beside the target, fsync, then rename over it."""
    path = Path(path)
    data = encode_text(text, path, encoding=encoding, bom=bom, crlf=crlf)
    write_bytes_atomic(path, data)


def encode_text(text: str, path: Path | None, *, encoding: str, bom: bool, crlf: bool) -> bytes:
    """The bytes of a text file; a FormatError naming the line if a character has no form in the encoding."""
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    if bom:
        text = _UTF_BOMS.get(encoding.lower().replace("_", "-"), "") + text
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        line = text[: error.start].count("\n") + 1
        bad = error.object[error.start]
        raise FormatError(f"the character {bad!r} cannot be written in {encoding}", path, line) from error
    except LookupError as error:
        raise FormatError(f"unknown text encoding {encoding!r}", path) from error


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace path's content with data in one step; the target keeps its permissions.

    A symlink is written through (its target gets the new content, the link stays a link); a file the user
    write-protected is refused, not replaced behind their back."""
    path = _through_symlinks(Path(path))
    _refuse_write_protected(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    try:
        _write_and_sync(temporary, data, _existing_mode(path))
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise WriteRefused(_refusal_reason(error, path), path) from error
    _sync_folder(path.parent)
    remove_stale_temporaries(path)


def remove_stale_temporaries(path: Path, older_than_s: float = STALE_AFTER_S) -> int:
    """Delete the temporary files interrupted saves of path left beside it (a kill between write and rename);
    a recent one may be another editor's save in progress and stays. Returns how many went."""
    path = Path(path)
    candidates = path.parent.glob(f".{glob.escape(path.name)}.*{TEMPORARY_SUFFIX}")
    return _remove_old((c for c in candidates if _TEMPORARY_NAME.fullmatch(c.name[len(path.name) + 2 :])), older_than_s)


def remove_stale_temporaries_in(folder: Path, older_than_s: float = STALE_AFTER_S) -> int:
    """The same for every file in a folder Cueline alone writes to (the recovery folder)."""
    candidates = Path(folder).glob(f".*{TEMPORARY_SUFFIX}")
    return _remove_old((c for c in candidates if _ANY_TEMPORARY.fullmatch(c.name)), older_than_s)


def _remove_old(candidates: Iterable[Path], older_than_s: float) -> int:
    removed = 0
    now = time.time()
    for candidate in candidates:
        try:
            if now - candidate.lstat().st_mtime > older_than_s:
                candidate.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _through_symlinks(path: Path) -> Path:
    """The file a symlink points at (followed to the end), so the rename replaces the target, not the link."""
    return path.resolve() if path.is_symlink() else path


def _refuse_write_protected(path: Path) -> None:
    """No write permission bit is the user's "do not touch", even for an administrator who could."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & 0o222:
        raise WriteRefused("the file is write-protected (the previous version is unchanged)", path)
    if not os.access(path, os.W_OK):  # not the user's mark: say what stands in the way
        refusal = errno.EROFS if _on_read_only_disk(path) else errno.EACCES
        raise WriteRefused(_refusal_reason(OSError(refusal, os.strerror(refusal)), path), path)


def _on_read_only_disk(path: Path) -> bool:
    """A disk mounted read-only (a DVD, a locked card, a network share) refuses every write, whatever the bits."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs
        return False


def _remove_quietly(temporary: Path) -> None:
    """Clean-up after a failed save must not hide why it failed (on a read-only disk, unlink fails too)."""
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)


def _write_and_sync(temporary: Path, data: bytes, mode: int | None) -> None:
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if mode is not None:
            os.fchmod(descriptor, mode)
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _existing_mode(path: Path) -> int | None:
    """An existing file's permission bits; None for a new file, which gets 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems refuse to open a folder, which is harmless."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _refusal_reason(error: OSError, path: Path) -> str:
    kept = "the previous version of the file is unchanged" if path.exists() else "nothing was written"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({kept})"
    if error.errno == errno.EROFS:
        return f"the disk or folder is read-only ({kept})"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "no permission to write here"
    if error.errno == errno.ENOENT and path.parent.is_dir():  # /proc, /sys: folders that refuse new files so
        return f"no file can be written in {path.parent} (a system folder); choose another folder"
    if error.errno == errno.ENOENT:
        return "the folder does not exist"
    return error.strerror or str(error)
