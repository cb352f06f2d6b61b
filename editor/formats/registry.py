"""Every file format Cueline reads and writes, in one list, and the one dispatcher that picks a file's format
and reads or writes it whole. Each format declares itself in its own module (recipe.py says how).

Which format a file is: the one its suffix names; for another suffix, the first format in `FORMATS` that
recognises the content. A transcript is plain running text, so it is the last resort: a `.txt` another format
recognises (SRT, SCC, ASS ...) is read as that format.
"""

from __future__ import annotations

from pathlib import Path

from editor.core.gaps import GapPolicy, resolve_gaps
from editor.core.model import Document
from editor.formats.ass import ASS, SSA
from editor.formats.atomic import write_text_atomic
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError, FormatWarning
from editor.formats.project import PROJECT
from editor.formats.recipe import Format, Reading, ReadOptions, WriteOptions, Written
from editor.formats.sbv import SBV
from editor.formats.scc import SCC
from editor.formats.srt import SRT
from editor.formats.transcript import TRANSCRIPT
from editor.formats.ttml import TTML
from editor.formats.vtt import VTT

# Sniffing order: signatures first (the project's JSON, WEBVTT, Scenarist_SCC, [Script Info], <tt>), then
# timing-line patterns, then running text.
FORMATS: tuple[Format, ...] = (PROJECT, VTT, SCC, ASS, SSA, TTML, SRT, SBV, TRANSCRIPT)
# What an export offers, in the order a user looks for it (a project is saved, not exported).
EXPORT_FORMATS: tuple[Format, ...] = (SRT, VTT, ASS, SSA, TTML, SCC, SBV, TRANSCRIPT)
_KNOWN_SUFFIXES = ", ".join(suffix for fmt in FORMATS for suffix in fmt.suffixes)


def format_for_path(path: Path, text: str | None = None) -> Format:
    """The file's format by its suffix and, for a `.txt` or an unknown suffix, by its content if given."""
    suffix = Path(path).suffix.lower()
    named = next((fmt for fmt in FORMATS if suffix in fmt.suffixes), None)
    if named is not None and (named is not TRANSCRIPT or text is None):
        return named
    if text is None:
        raise FormatError(f"cannot tell which format to write: give the file one of {_KNOWN_SUFFIXES}", path)
    recognised = next((fmt for fmt in FORMATS if fmt is not TRANSCRIPT and fmt.sniff(text)), None)
    if recognised is not None:
        return recognised
    if named is TRANSCRIPT or TRANSCRIPT.sniff(text):
        return TRANSCRIPT
    raise FormatError(f"not a file format Cueline knows (it reads {_KNOWN_SUFFIXES})", path)


# Video and audio staff may pick by mistake as the document: told so, not "a binary file".
MEDIA_SUFFIXES = frozenset(".mp4 .m4v .mov .mkv .webm .avi .mpg .mpeg .mxf .mp3 .m4a .aac .wav .flac .ogg".split())


def read_file(path: Path, options: ReadOptions | None = None) -> Reading:
    """What the file holds, in any encoding. Strict (the default): the first problem a reader met refuses the
    file with its line; lenient: the rest is kept and the problems come back as warnings."""
    path = Path(path)
    options = options or ReadOptions()
    if path.suffix.lower() in MEDIA_SUFFIXES:
        raise FormatError("this is the programme's media, not captions or a transcript: give it as the media "
                          "(Media ▸ Open media… in the editor, --media on the command line)", path)
    text = read_text(path)
    reading = format_for_path(path, text).read(text, path, options)
    errors = [problem for problem in reading.problems if not isinstance(problem, FormatWarning)]
    if options.strict and errors:
        raise errors[0]
    return reading


def write_file(document: Document, path: Path, options: WriteOptions | None = None, *,
               file_format: Format | None = None) -> Written:
    """Write the document in `file_format` (by default the one the path's suffix names), atomically, after
    applying the gap policy (a project keeps its `--` runs); the format's notes for staff come back."""
    path = Path(path)
    options = options or WriteOptions()
    target = file_format or format_for_path(path)
    policy = GapPolicy.KEEP if target.working_copy else options.gap_policy
    document = document.with_cues(resolve_gaps(document.cues, policy).cues)
    try:
        written = target.write(document, path, options)
    except FormatError as error:
        raise FormatError(error.message, path, error.line) from error
    write_text_atomic(path, written.text, bom=options.bom, crlf=options.crlf)
    return written
