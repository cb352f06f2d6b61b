"""Which subtitle format a file is (by extension, else by content) and reading or writing it whole.

`FORMATS` are the formats Cueline reads (in sniffing order); `WRITABLE_FORMATS` are those it exports, in the
order an Export dialog lists them, each with its label (`name`) and extensions (the first is the default).
An export applies `WriteOptions.gap_policy` to unresolved `--` runs first.

Two readings: `read_subtitles` is strict (the editor: the first malformed cue raises a FormatError naming its
line, so nothing is dropped behind the user's back); `read_subtitles_lenient` parses WebVTT the way a browser
does and returns what it skipped as warnings with line numbers (for `convert` and the conformance suite).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.gaps import GapPolicy, resolve_gaps
from editor.core.model import Cue, Document, Metadata
from editor.core.style import DEFAULT_STYLE, STYLES
from editor.formats.ass import format_substation, is_ssa, looks_like_substation, read_substation
from editor.formats.ass_style import caption_look
from editor.formats.atomic import write_text_atomic
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError, FormatWarning
from editor.formats.plain_text import format_plain_text
from editor.formats.sbv import format_sbv, looks_like_sbv, read_sbv
from editor.formats.scc import looks_like_scc, parse_scc
from editor.formats.scc_writer import export_scc
from editor.formats.srt import format_srt, read_srt
from editor.formats.ttml import format_ttml, looks_like_ttml, parse_ttml
from editor.formats.vtt import format_vtt, read_vtt

_SRT_TIMING = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->", re.MULTILINE)
_SNIFF_CHARACTERS = 4096


@dataclass(frozen=True)
class Reading:
    """A format's lenient reading of a text: cues, what it skipped (each naming its line), extra metadata."""

    cues: list[Cue]
    problems: list[FormatError] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True)
class Written:
    """A format's text for a document, and what staff should know about it (one line each, e.g. late captions)."""

    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubtitleFormat:
    """One format: its name (the label users see), its file extensions, how to recognise, read and write it."""

    name: str
    extensions: tuple[str, ...]
    read: Callable[[str, Path], Reading]
    write: Callable[[Document, WriteOptions], Written]
    looks_like: Callable[[str], bool]


@dataclass(frozen=True)
class WriteOptions:
    """How a written file is encoded (UTF-8 always; a BOM and CRLF line ends for tools that want them) and
    what becomes of unresolved `--` runs (kept by default; the caller warns and offers the choice)."""

    bom: bool = False
    crlf: bool = False
    gap_policy: GapPolicy = GapPolicy.KEEP
    picture: tuple[int, int] | None = None  # the video's frame size, for formats that place text in pixels (ASS)


def _looks_like_vtt(text: str) -> bool:
    return text.lstrip("\ufeff").startswith("WEBVTT")


def _looks_like_srt(text: str) -> bool:
    return bool(_SRT_TIMING.search(text[:_SNIFF_CHARACTERS]))


def _read_srt(text: str, path: Path) -> Reading:
    return Reading(*read_srt(text, path))


def _write_srt(document: Document, options: WriteOptions) -> Written:
    return Written(format_srt(document.cues))


def _read_vtt(text: str, path: Path) -> Reading:
    reading = read_vtt(text, path)
    preamble = reading.preamble if reading.preamble != "WEBVTT" else ""
    return Reading(reading.cues, reading.problems, Metadata(webvtt_preamble=preamble))


def _write_vtt(document: Document, options: WriteOptions) -> Written:
    return Written(format_vtt(document.cues, document.metadata.webvtt_preamble or "WEBVTT"))


def _read_substation(text: str, path: Path) -> Reading:
    cues, header, problems = read_substation(text, path)
    return Reading(cues, problems, metadata=Metadata(substation_header=header))


def _write_substation(document: Document, options: WriteOptions, *, ssa: bool) -> Written:
    """A read file's own header and styles, else the document's caption profile sized for the picture."""
    look = caption_look(STYLES.get(document.style_name, DEFAULT_STYLE), options.picture)
    return Written(format_substation(document.cues, document.metadata.substation_header, ssa=ssa, look=look))


def _looks_like_ssa(text: str) -> bool:
    return looks_like_substation(text) and is_ssa(text)


def _looks_like_ass(text: str) -> bool:
    return looks_like_substation(text) and not _looks_like_ssa(text)


def _write_scc(document: Document, options: WriteOptions) -> Written:
    export = export_scc(document.cues)
    return Written(export.text, export.notes())


def _cannot_read_plain_text(text: str, path: Path) -> Reading:
    raise FormatError("a plain transcript export has no times to read back; open it as a transcript", path)


SRT = SubtitleFormat("SubRip", (".srt",), _read_srt, _write_srt, _looks_like_srt)
VTT = SubtitleFormat("WebVTT", (".vtt",), _read_vtt, _write_vtt, _looks_like_vtt)
ASS = SubtitleFormat(
    "Advanced SubStation Alpha", (".ass",), _read_substation, lambda document, options: _write_substation(
        document, options, ssa=False), _looks_like_ass,
)
SSA = SubtitleFormat(
    "SubStation Alpha", (".ssa",), _read_substation, lambda document, options: _write_substation(
        document, options, ssa=True), _looks_like_ssa,
)
TTML = SubtitleFormat(
    "TTML (EBU-TT-D, IMSC1)", (".ttml", ".dfxp", ".xml"), lambda text, path: Reading(parse_ttml(text, path)),
    lambda document, options: Written(format_ttml(document.cues, title=document.title)), looks_like_ttml,
)
SCC = SubtitleFormat(
    "Scenarist SCC (CEA-608)", (".scc",), lambda text, path: Reading(parse_scc(text, path)),
    _write_scc, looks_like_scc,
)
SBV = SubtitleFormat(
    "YouTube SBV", (".sbv",), lambda text, path: Reading(*read_sbv(text, path)),
    lambda document, options: Written(format_sbv(document.cues)), looks_like_sbv,
)
PLAIN_TEXT = SubtitleFormat(
    "Plain transcript", (".txt",), _cannot_read_plain_text,
    lambda document, options: Written(format_plain_text(document.cues)),
    lambda text: False,
)
# Sniffing order: signatures first (WEBVTT, Scenarist_SCC, [Script Info], <tt>), then timing-line patterns.
FORMATS: tuple[SubtitleFormat, ...] = (VTT, SCC, ASS, SSA, TTML, SRT, SBV)
SUBTITLE_EXTENSIONS: frozenset[str] = frozenset(ext for fmt in FORMATS for ext in fmt.extensions)
WRITABLE_FORMATS: tuple[SubtitleFormat, ...] = (SRT, VTT, ASS, SSA, TTML, SCC, SBV, PLAIN_TEXT)
WRITABLE_EXTENSIONS: frozenset[str] = frozenset(ext for fmt in WRITABLE_FORMATS for ext in fmt.extensions)


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
    errors = [problem for problem in problems if not isinstance(problem, FormatWarning)]
    if errors:
        raise errors[0]
    return document


def read_subtitles_lenient(path: Path) -> tuple[Document, list[FormatError]]:
    """A browser's reading of WebVTT (bad cues skipped), with one warning per skipped or mangled block."""
    path = Path(path)
    text = read_text(path)
    reading = format_for_path(path, text).read(text, path)
    document = Document(cues=tuple(reading.cues), title=path.stem, metadata=reading.metadata)
    return document, reading.problems


def writable_format_for_path(path: Path) -> SubtitleFormat:
    """The export format the path's extension names; FormatError listing the extensions otherwise."""
    suffix = Path(path).suffix.lower()
    for candidate in WRITABLE_FORMATS:
        if suffix in candidate.extensions:
            return candidate
    known = ", ".join(sorted(WRITABLE_EXTENSIONS))
    raise FormatError(f"cannot tell which format to write: give the file one of {known}", path)


def write_subtitles(document: Document, path: Path, options: WriteOptions | None = None) -> tuple[str, ...]:
    """Write the document's cues in the format the path's extension names, atomically; the format's notes
    for staff (an SCC caption that appears late ...) come back to be shown."""
    path = Path(path)
    options = options or WriteOptions()
    subtitle_format = writable_format_for_path(path)
    document = document.with_cues(resolve_gaps(document.cues, options.gap_policy).cues)
    try:
        written = subtitle_format.write(document, options)
    except FormatError as error:
        raise FormatError(error.message, path, error.line) from error
    write_text_atomic(path, written.text, bom=options.bom, crlf=options.crlf)
    return written.notes

