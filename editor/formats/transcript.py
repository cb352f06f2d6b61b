"""Transcript files (.txt): decoded like any text file Cueline reads, parsed by core.transcript into words that
the timing pipeline lines up. Written, a `.txt` is the plain transcript of the captions (plain_text.py), so a
transcript export can be imported again."""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.transcript import (
    RuntimeMalformedError,
    RuntimeMissingError,
    TranscriptError,
    find_header,
    parse_transcript,
)
from editor.formats.errors import FormatError
from editor.formats.plain_text import format_plain_text
from editor.formats.recipe import Format, Reading, ReadOptions, Written

_SUBTITLE_TIMING = re.compile(r"-->")


class TranscriptRuntimeMissing(FormatError):
    """The transcript states no runtime and none was given: ask for one."""


class TranscriptRuntimeMalformed(FormatError):
    """The header's runtime line cannot be read; the error names the file and that line."""


def _format_error(error: TranscriptError, path: Path) -> FormatError:
    """The same fault as a FormatError naming the file, keeping the runtime faults apart."""
    kind = {RuntimeMissingError: TranscriptRuntimeMissing, RuntimeMalformedError: TranscriptRuntimeMalformed}
    return kind.get(type(error), FormatError)(error.message, path, error.line)


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    """The transcript's words and header; errors name the file and line (a missing runtime its own kind)."""
    try:
        return Reading(parse_transcript(text, options.runtime_ms))
    except TranscriptError as error:
        raise _format_error(error, path) from None


def looks_like_transcript(text: str) -> bool:
    """True for running text (with or without the news-site header), false for timed subtitles."""
    if find_header(text):
        return True
    head = text.lstrip("\ufeff")[:4096]
    return bool(head.strip()) and not head.startswith("WEBVTT") and not _SUBTITLE_TIMING.search(head)


TRANSCRIPT = Format("Plain transcript", (".txt",), looks_like_transcript, _read,
                    lambda document, path, options: Written(format_plain_text(document.cues)))
