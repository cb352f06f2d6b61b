"""Open any file Cueline reads: a project, a subtitle file, or a transcript lined up along its runtime.

Each way it can go is its own result type, so the window and the command line decide what to say or ask
from the type (a transcript without a runtime asks for one; a broken runtime line is named with its file and
line), never from an error's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.core.transcript import Transcript
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError
from editor.formats.project import PROJECT
from editor.formats.recipe import Reading, ReadOptions
from editor.formats.registry import read_file
from editor.formats.transcript import TranscriptRuntimeMalformed, TranscriptRuntimeMissing
from editor.timing.pipeline import line_up_transcript


@dataclass(frozen=True)
class Opened:
    """The file's captions; `project` is where Save writes back (None: an import, saved under a new name)."""

    document: Document
    project: Path | None
    warnings: tuple[FormatError, ...] = ()
    lined_up: bool = False  # a transcript cut into cues here: the file has no cue numbers of its own


@dataclass(frozen=True)
class NeedsRuntime:
    """A transcript that states no runtime: open it again with the programme's runtime."""

    path: Path

    def __str__(self) -> str:
        return f"{self.path}: no runtime: the header has no `MM:SS | MM/DD/YY` line; give the programme's runtime"


@dataclass(frozen=True)
class MalformedRuntime:
    """The transcript header's runtime line cannot be read; `error` names the file and the line."""

    error: FormatError

    def __str__(self) -> str:
        return str(self.error)


@dataclass(frozen=True)
class Unreadable:
    """The file cannot be opened; `error` names the file and, when known, the line."""

    error: FormatError

    def __str__(self) -> str:
        return str(self.error)


OpenOutcome = Opened | NeedsRuntime | MalformedRuntime | Unreadable
EMPTY_FILE = ("the file is empty: there are no captions in it. A file cut short while it was copied or saved looks "
              "like this: copy or export it again, then open the new copy")
_BLANK_CHECK_BYTES = 4096  # a file with no cues and more than this is not blank; reading it again is not needed


def open_file(path: Path, style: CaptionStyle, *, runtime_ms: int | None = None, lenient: bool = False
              ) -> OpenOutcome:
    """Any file by its name or content; a transcript is lined up in `style` (along runtime_ms if given).

    `lenient` reads WebVTT as browsers do (bad cues skipped, each a warning) instead of refusing the file.
    """
    path = Path(path)
    try:
        reading = read_file(path, ReadOptions(strict=not lenient, runtime_ms=runtime_ms))
    except (FormatError, OSError) as error:
        return _failure(error, path)
    if isinstance(reading.content, Transcript):
        return Opened(line_up_transcript(reading.content, style), None, lined_up=True)
    if not reading.content.cues and _is_blank(path):
        return Unreadable(FormatError(EMPTY_FILE, path))
    project = path if path.suffix.lower() in PROJECT.suffixes else None  # Save writes back to a project only
    return Opened(reading.content, project, reading.problems)


def import_transcript(path: Path, style: CaptionStyle, *, runtime_ms: int | None = None) -> OpenOutcome:
    """A transcript file only (a timed subtitle file is refused, not taken for words), lined up in `style`."""
    path = Path(path)
    try:
        reading = read_file(path, ReadOptions(runtime_ms=runtime_ms))
        return Opened(line_up_transcript(_transcript(reading, path), style), None, lined_up=True)
    except (FormatError, OSError) as error:
        return _failure(error, path)


def _transcript(reading: Reading, path: Path) -> Transcript:
    """The words of a transcript; a timed caption file is refused rather than taken for words."""
    if not isinstance(reading.content, Transcript):
        raise FormatError("this is a timed subtitle file, not a transcript (convert it instead)", path, 1)
    return reading.content


def _is_blank(path: Path) -> bool:
    """A 0-byte file, or one of blank lines only: an SRT reader finds no cues in it and no fault either."""
    return path.stat().st_size <= _BLANK_CHECK_BYTES and not read_text(path).strip()


def _failure(error: FormatError | OSError, path: Path) -> NeedsRuntime | MalformedRuntime | Unreadable:
    if isinstance(error, TranscriptRuntimeMissing):
        return NeedsRuntime(path)
    if isinstance(error, TranscriptRuntimeMalformed):
        return MalformedRuntime(error)
    if isinstance(error, FormatError):
        return Unreadable(error)
    return Unreadable(FormatError(error.strerror or str(error), path))

