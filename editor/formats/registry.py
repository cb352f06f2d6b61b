"""Which subtitle format a file is (by extension, else by content) and reading or writing it whole.

Two readings: `read_subtitles` is strict (the editor: the first malformed cue raises a FormatError naming its
line, so nothing is dropped behind the user's back); `read_subtitles_lenient` parses WebVTT the way a browser
does and returns what it skipped as warnings with line numbers (for `convert` and the conformance suite).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.model import Cue, Document
from editor.formats.atomic import write_text_atomic
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError
from editor.formats.srt import format_srt, parse_srt
from editor.formats.vtt import format_vtt, parse_vtt, read_vtt

_SRT_TIMING = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->", re.MULTILINE)
_SNIFF_CHARACTERS = 4096


@dataclass(frozen=True)
class SubtitleFormat:
    """One format: its name, its file extensions, and its text reader and writer."""

    name: str
    extensions: tuple[str, ...]
    parse: Callable[[str, object], list[Cue]]
    format: Callable[[Sequence[Cue]], str]
    looks_like: Callable[[str], bool]


@dataclass(frozen=True)
class WriteOptions:
    """How a written file is encoded: UTF-8 always; a BOM and CRLF line ends for tools that want them."""

    bom: bool = False
    crlf: bool = False


def _looks_like_vtt(text: str) -> bool:
    return text.lstrip("\ufeff").startswith("WEBVTT")


def _looks_like_srt(text: str) -> bool:
    return bool(_SRT_TIMING.search(text[:_SNIFF_CHARACTERS]))


SRT = SubtitleFormat("SubRip", (".srt",), parse_srt, format_srt, _looks_like_srt)
VTT = SubtitleFormat("WebVTT", (".vtt",), parse_vtt, format_vtt, _looks_like_vtt)
FORMATS: tuple[SubtitleFormat, ...] = (VTT, SRT)  # sniffing order: the WEBVTT signature is the surer sign
SUBTITLE_EXTENSIONS: frozenset[str] = frozenset(ext for fmt in FORMATS for ext in fmt.extensions)


def format_for_path(path: Path, text: str | None = None) -> SubtitleFormat:
    """The format by extension; for another extension, by the file's content (text if already read)."""
    path = Path(path)
    suffix = path.suffix.lower()
    for candidate in FORMATS:
        if suffix in candidate.extensions:
            return candidate
    if text is None and path.exists():
        text = read_text(path)
    for candidate in FORMATS if text is not None else ():
        if candidate.looks_like(text or ""):
            return candidate
    known = ", ".join(sorted(SUBTITLE_EXTENSIONS))
    raise FormatError(f"not a subtitle format Cueline knows (use {known})", path)


def read_subtitles(path: Path) -> Document:
    """The editor's reading: every cue, or a FormatError naming the file and the line of the first bad cue."""
    path = Path(path)
    text = read_text(path)
    subtitle_format = format_for_path(path, text)
    return _document(subtitle_format.parse(text, path), path)


def read_subtitles_lenient(path: Path) -> tuple[Document, list[FormatError]]:
    """A browser's reading of WebVTT (bad cues skipped), with one warning per skipped or mangled block."""
    path = Path(path)
    text = read_text(path)
    subtitle_format = format_for_path(path, text)
    if subtitle_format is VTT:
        reading = read_vtt(text, path)
        return _document(reading.cues, path), reading.problems
    return _document(subtitle_format.parse(text, path), path), []


def write_subtitles(document: Document, path: Path, options: WriteOptions | None = None) -> None:
    """Write the document's cues in the format the path's extension names, atomically."""
    path = Path(path)
    options = options or WriteOptions()
    subtitle_format = format_for_path(path) if path.suffix.lower() in SUBTITLE_EXTENSIONS else None
    if subtitle_format is None:
        known = ", ".join(sorted(SUBTITLE_EXTENSIONS))
        raise FormatError(f"cannot tell which format to write: give the file one of {known}", path)
    try:
        text = subtitle_format.format(document.cues)
    except FormatError as error:
        raise FormatError(error.message, path, error.line) from error
    write_text_atomic(path, text, bom=options.bom, crlf=options.crlf)


def _document(cues: list[Cue], path: Path) -> Document:
    return Document(cues=tuple(cues), title=path.stem)
