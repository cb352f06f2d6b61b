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
    """The place refused the file (a full disk, a read-only disk, a write-protected file): another may take it."""


class FormatWarning(FormatError):
    """Read as written but worth the user's eye (a cue shown for no time); strict reading accepts it."""
