"""YouTube's SubViewer (.sbv): `H:MM:SS.mmm,H:MM:SS.mmm`, the text lines, a blank line. Carries no styling.

YouTube shows tags literally, so the writer strips markup; a reader keeps whatever text the file has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from editor.core.model import Cue
from editor.formats.decoding import normalise_newlines
from editor.formats.errors import FormatError, FormatWarning
from editor.formats.recipe import Format, Reading, ReadOptions, Written, captions
from editor.formats.vtt_markup import strip_markup

_TIME = r"(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})"
_MAX_HOUR_DIGITS = 9  # longer runs are not times (and Python refuses ints over 4,300 digits)
TIMING_LINE = re.compile(rf"^\s*{_TIME}\s*,\s*{_TIME}\s*$")


def parse_sbv(text: str, path: Path | None = None) -> list[Cue]:
    """Every cue, or a FormatError naming the line of the first block that does not open with a timing line."""
    cues, problems = read_sbv(text, path)
    errors = [problem for problem in problems if not isinstance(problem, FormatWarning)]
    if errors:
        raise errors[0]
    return cues


def read_sbv(text: str, path: Path | None = None) -> tuple[list[Cue], list[FormatError]]:
    """The lenient reading: the good cues, and each block skipped (or cue never shown) named by its line."""
    cues: list[Cue] = []
    problems: list[FormatError] = []
    for first_line, lines in _blocks(normalise_newlines(text).lstrip("\ufeff")):
        try:
            cue = _read_cue(first_line, lines, path)
        except FormatError as problem:
            problems.append(problem)
            continue
        cues.append(cue)
        if cue.end_ms == cue.start_ms:
            message = "the cue starts and ends at the same time (it is never shown)"
            problems.append(FormatWarning(message, path, first_line))
    return cues, problems


def _read_cue(first_line: int, lines: list[str], path: Path | None) -> Cue:
    match = TIMING_LINE.match(lines[0])
    if match is None:
        expected = "expected a timing line H:MM:SS.mmm,H:MM:SS.mmm"
        raise FormatError(f"{expected}, found {lines[0].strip()!r}", path, first_line)
    times = match.groups()
    if len(times[0]) > _MAX_HOUR_DIGITS or len(times[4]) > _MAX_HOUR_DIGITS:
        raise FormatError(f"an hour has more than {_MAX_HOUR_DIGITS} digits: not a time", path, first_line)
    if any(int(part) > 59 for part in (*times[1:3], *times[5:7])):
        raise FormatError("minutes and seconds must be below 60", path, first_line)
    start, end = _ms(times[:4]), _ms(times[4:])
    if end < start:
        raise FormatError("the cue ends before it starts", path, first_line)
    return Cue(start, end, "\n".join(lines[1:]))


def format_sbv(cues: Sequence[Cue]) -> str:
    """SBV text: one block per cue, tags stripped, blank lines inside a cue removed."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        if cue.start_ms < 0 or cue.end_ms < cue.start_ms:
            raise FormatError(f"cue {number} has impossible times ({cue.start_ms} --> {cue.end_ms} ms)")
        lines = [line for line in strip_markup(cue.text).split("\n") if line.strip()]
        blocks.append(f"{_timestamp(cue.start_ms)},{_timestamp(cue.end_ms)}\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


def looks_like_sbv(text: str) -> bool:
    """The first non-blank line is an SBV timing line."""
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip():
            return bool(TIMING_LINE.match(line))
    return False


def _ms(parts: Sequence[str]) -> int:
    hours, minutes, seconds, fraction = parts
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0"))


def _timestamp(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines; a timing line also starts a block (a missing blank line merges no cues)."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        continues = blocks and blocks[-1][0] + len(blocks[-1][1]) == number
        if continues and not TIMING_LINE.match(line):
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
    return blocks


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    cues, problems = read_sbv(text, path)
    return captions(cues, path, problems)


SBV = Format("YouTube SBV", (".sbv",), looks_like_sbv, _read,
             lambda document, path, options: Written(format_sbv(document.cues)))
