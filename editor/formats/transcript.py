"""Transcript files: decoded like any text file Cueline reads, parsed by core.transcript."""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.transcript import (
    RuntimeMalformedError,
    RuntimeMissingError,
    Transcript,
    TranscriptError,
    find_header,
    parse_transcript,
)
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError

_SUBTITLE_TIMING = re.compile(r"-->")


class TranscriptRuntimeMissing(FormatError):
    """The transcript states no runtime and none was given: ask for one."""


class TranscriptRuntimeMalformed(FormatError):
    """The header's runtime line cannot be read; the error names the file and that line."""


def _format_error(error: TranscriptError, path: Path) -> FormatError:
    """The same fault as a FormatError naming the file, keeping the runtime faults apart."""
    kind = {RuntimeMissingError: TranscriptRuntimeMissing, RuntimeMalformedError: TranscriptRuntimeMalformed}
    return kind.get(type(error), FormatError)(error.message, path, error.line)


def read_transcript(path: Path, runtime_ms: int | None = None) -> Transcript:
    """The transcript in a file, whatever its encoding; errors name the file and line."""
    text = read_text(path)
    if not looks_like_transcript(text):
        raise FormatError("this is a timed subtitle file, not a transcript (convert it instead)", path, 1)
    try:
        return parse_transcript(text, runtime_ms)
    except TranscriptError as error:
        raise _format_error(error, path) from None


def looks_like_transcript(text: str) -> bool:
    """True for running text (with or without the news-site header), false for timed subtitles."""
    if find_header(text):
        return True
    head = text.lstrip("\ufeff")[:4096]
    return bool(head.strip()) and not head.startswith("WEBVTT") and not _SUBTITLE_TIMING.search(head)
