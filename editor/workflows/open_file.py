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
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError
from editor.formats.project import is_project_path, load_project
from editor.formats.registry import SUBTITLE_EXTENSIONS, read_subtitles, read_subtitles_lenient
from editor.formats.transcript import (
    TranscriptRuntimeMalformed,
    TranscriptRuntimeMissing,
    looks_like_transcript,
    read_transcript,
)
from editor.timing.pipeline import line_up_transcript


@dataclass(frozen=True)
class Opened:
    """The file's captions; `project` is where Save writes back (None: an import, saved under a new name)."""

    document: Document
    project: Path | None
    warnings: tuple[FormatError, ...] = ()


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


def open_file(path: Path, style: CaptionStyle, *, runtime_ms: int | None = None, lenient: bool = False
              ) -> OpenOutcome:
    """Any file by its name or content; a transcript is lined up in `style` (along runtime_ms if given).

    `lenient` reads WebVTT as browsers do (bad cues skipped, each a warning) instead of refusing the file.
    """
    path = Path(path)
    try:
        if is_project_path(path):
            return Opened(load_project(path), path)
        if path.suffix.lower() in SUBTITLE_EXTENSIONS or not looks_like_transcript(read_text(path)):
            return _subtitles(path, lenient)
        return _transcript(path, style, runtime_ms)
    except (FormatError, OSError) as error:
        return _failure(error, path)


def import_transcript(path: Path, style: CaptionStyle, *, runtime_ms: int | None = None) -> OpenOutcome:
    """A transcript file only (a timed subtitle file is refused, not taken for words), lined up in `style`."""
    path = Path(path)
    try:
        return _transcript(path, style, runtime_ms)
    except (FormatError, OSError) as error:
        return _failure(error, path)


def _subtitles(path: Path, lenient: bool) -> Opened:
    if not lenient:
        return Opened(read_subtitles(path), None)
    document, problems = read_subtitles_lenient(path)
    return Opened(document, None, tuple(problems))


def _transcript(path: Path, style: CaptionStyle, runtime_ms: int | None) -> Opened:
    return Opened(line_up_transcript(read_transcript(path, runtime_ms), style), None)


def _failure(error: FormatError | OSError, path: Path) -> NeedsRuntime | MalformedRuntime | Unreadable:
    if isinstance(error, TranscriptRuntimeMissing):
        return NeedsRuntime(path)
    if isinstance(error, TranscriptRuntimeMalformed):
        return MalformedRuntime(error)
    if isinstance(error, FormatError):
        return Unreadable(error)
    return Unreadable(FormatError(error.strerror or str(error), path))

