"""Plain-text transcripts: the news-site layout (title, summary, runtime/date, body) or a bare body.

The transcript becomes words first; `--` runs stay as gap words so unheard speech keeps its place and
stays visible until staff resolve it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.core.model import Word
from editor.core.timecode import TimecodeError, parse_runtime

_RUNTIME_LINE = re.compile(r"^\s*(?P<runtime>(?:\d+:)?\d{1,2}:\d{2})\s*(?:\|\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4}))?\s*$")
_BODY_INTRO = re.compile(r"^\s*Transcript for\b", re.IGNORECASE)
_GAP_RUN = re.compile(r"(-{2,})")
_HEADER_LINES = 12  # the header sits at the top; a runtime-like line further down is body text


class TranscriptError(ValueError):
    """A transcript Cueline cannot line up; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class RuntimeMissingError(TranscriptError):
    """Neither the header nor the caller gives a runtime: the caller must ask for one."""


class RuntimeMalformedError(TranscriptError):
    """The header's runtime line cannot be read: a different fault from a missing one, so it names its line."""


@dataclass(frozen=True, slots=True)
class Transcript:
    """What a transcript file says: its header fields and its words in order (untimed)."""

    title: str
    summary: str
    date: str
    runtime_ms: int | None
    words: tuple[Word, ...]


def tokenize(body: str) -> list[str]:
    """Whitespace-separated tokens, with `--` runs split off any word they touch."""
    tokens: list[str] = []
    for chunk in body.split():
        if "--" in chunk:
            tokens.extend(part for part in _GAP_RUN.split(chunk) if part)
        else:
            tokens.append(chunk)
    return tokens


def _shared_words(tokens: list[str]) -> tuple[Word, ...]:
    """A Word per token, one instance per distinct text (Word is frozen, and building one is the slow part)."""
    made = {token: Word(token) for token in dict.fromkeys(tokens)}
    return tuple(map(made.__getitem__, tokens))


def _find_runtime_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:_HEADER_LINES]):
        if _RUNTIME_LINE.match(line):
            return index
    return None


def _find_body_intro(lines: list[str], after: int) -> int | None:
    for index in range(after, min(len(lines), after + _HEADER_LINES)):
        if _BODY_INTRO.match(lines[index]):
            return index
    return None


def _header_runtime(line: str, line_number: int) -> tuple[int, str]:
    match = _RUNTIME_LINE.match(line)
    assert match is not None
    try:
        runtime_ms = parse_runtime(match["runtime"])
    except TimecodeError as error:
        raise RuntimeMalformedError(f"bad runtime in the header: {error}", line_number) from None
    return runtime_ms, match["date"] or ""


def find_header(text: str) -> bool:
    """True when the text starts with the news-site header (a runtime line or a `Transcript for` line)."""
    lines = text.lstrip("\ufeff").splitlines()
    return _find_runtime_line(lines) is not None or _find_body_intro(lines, 0) is not None


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where the header ends and what it says."""

    header: list[str]  # non-blank header lines before the runtime line: title, then summary
    body: str
    runtime_ms: int | None
    date: str


def _split_header(lines: list[str], explicit_runtime: bool) -> _Layout:
    runtime_index = _find_runtime_line(lines)
    intro_index = _find_body_intro(lines, 0 if runtime_index is None else runtime_index)
    header_end = max(index for index in (runtime_index, intro_index, -1) if index is not None)
    runtime_ms, date = None, ""
    if runtime_index is not None:
        try:
            runtime_ms, date = _header_runtime(lines[runtime_index], runtime_index + 1)
        except RuntimeMalformedError:
            if not explicit_runtime:  # an explicit runtime makes a broken header runtime harmless
                raise
    header = lines[: runtime_index if runtime_index is not None else header_end + 1]
    header = [line.strip() for line in header if line.strip() and not _BODY_INTRO.match(line)]
    return _Layout(header, "\n".join(lines[header_end + 1 :]), runtime_ms, date)


def parse_transcript(text: str, runtime_ms: int | None = None) -> Transcript:
    """Words and header of a transcript; an explicit runtime overrides the header's."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = _split_header(lines, explicit_runtime=runtime_ms is not None)
    words = _shared_words(tokenize(layout.body))
    if not words:
        raise TranscriptError("the transcript has no words", len(lines))
    runtime_ms = runtime_ms if runtime_ms is not None else layout.runtime_ms
    if runtime_ms is None:
        raise RuntimeMissingError("no runtime: the header has no `MM:SS | MM/DD/YY` line; give the runtime")
    if runtime_ms <= 0:
        raise TranscriptError(f"a runtime must be longer than zero, not {runtime_ms} ms")
    title = layout.header[0] if layout.header else ""
    return Transcript(title, " ".join(layout.header[1:]), layout.date, runtime_ms, words)
