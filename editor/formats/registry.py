"""Which subtitle format a file is (by extension, else by content) and reading or writing it whole.

Two readings: `read_subtitles` is strict (the editor: the first malformed cue raises a FormatError naming its
line, so nothing is dropped behind the user's back); `read_subtitles_lenient` parses WebVTT the way a browser
does and returns what it skipped as warnings with line numbers (for `convert` and the conformance suite).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.model import Cue, Document
from editor.formats.atomic import write_text_atomic
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError
from editor.formats.srt import format_srt, parse_srt
from editor.formats.vtt import format_vtt, read_vtt

_SRT_TIMING = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->", re.MULTILINE)
_SNIFF_CHARACTERS = 4096
WEBVTT_PREAMBLE = "webvtt_preamble"  # Document.metadata key: header, STYLE and REGION blocks of a read .vtt


@dataclass(frozen=True)
class Reading:
    """A format's lenient reading of a text: cues, what it skipped (each naming its line), extra metadata."""

    cues: list[Cue]
    problems: list[FormatError] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SubtitleFormat:
    """One format: its name, its file extensions, how to recognise, read and write it."""

    name: str
    extensions: tuple[str, ...]
    read: Callable[[str, Path], Reading]
    write: Callable[[Document], str]
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


def _read_srt(text: str, path: Path) -> Reading:
    return Reading(parse_srt(text, path))


def _write_srt(document: Document) -> str:
    return format_srt(document.cues)


def _read_vtt(text: str, path: Path) -> Reading:
    reading = read_vtt(text, path)
    metadata = {WEBVTT_PREAMBLE: reading.preamble} if reading.preamble != "WEBVTT" else {}
    return Reading(reading.cues, reading.problems, metadata)


def _write_vtt(document: Document) -> str:
    return format_vtt(document.cues, document.metadata.get(WEBVTT_PREAMBLE, "WEBVTT"))


SRT = SubtitleFormat("SubRip", (".srt",), _read_srt, _write_srt, _looks_like_srt)
VTT = SubtitleFormat("WebVTT", (".vtt",), _read_vtt, _write_vtt, _looks_like_vtt)
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
    document, problems = read_subtitles_lenient(path)
    if problems:
        raise problems[0]
    return document


def read_subtitles_lenient(path: Path) -> tuple[Document, list[FormatError]]:
    """A browser's reading of WebVTT (bad cues skipped), with one warning per skipped or mangled block."""
    path = Path(path)
    text = read_text(path)
    reading = format_for_path(path, text).read(text, path)
    document = Document(cues=tuple(reading.cues), title=path.stem, metadata=reading.metadata)
    return document, reading.problems


def write_subtitles(document: Document, path: Path, options: WriteOptions | None = None) -> None:
    """Write the document's cues in the format the path's extension names, atomically."""
    path = Path(path)
    options = options or WriteOptions()
    subtitle_format = format_for_path(path) if path.suffix.lower() in SUBTITLE_EXTENSIONS else None
    if subtitle_format is None:
        known = ", ".join(sorted(SUBTITLE_EXTENSIONS))
        raise FormatError(f"cannot tell which format to write: give the file one of {known}", path)
    try:
        text = subtitle_format.write(document)
    except FormatError as error:
        raise FormatError(error.message, path, error.line) from error
    write_text_atomic(path, text, bom=options.bom, crlf=options.crlf)

