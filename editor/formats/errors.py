"""The one error every reader raises for bad input, so callers can show the file and line to the user."""

from __future__ import annotations

from pathlib import Path


class FormatError(ValueError):
    """Malformed or unreadable input; `line` is 1-based when known."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = str(self.path) if self.path else ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class WriteRefused(FormatError):
    """The place refused the file (a full disk, a read-only disk, a write-protected file): another may take it.
    `reason` is why, in words that fit a save and an export alike ("the disk is full (nothing was written)")."""

    def __init__(self, reason: str, path: Path | str | None = None, *, what_failed: str = "could not save") -> None:
        super().__init__(f"{what_failed}: {reason}", path)
        self.reason = reason


class ExportRefused(WriteRefused):
    """A refused export says so, with the format and the file, not "could not save" as if the project were meant:
    "could not export WebVTT to /media/card/news.vtt: the disk is full (nothing was written)"."""

    def __init__(self, reason: str, path: Path, format_name: str) -> None:
        super().__init__(reason, path, what_failed=f"could not export {format_name} to {path}")

    def __str__(self) -> str:
        return self.message  # it names the file already


class FormatWarning(FormatError):
    """Read as written but worth the user's eye (a cue shown for no time); strict reading accepts it."""
