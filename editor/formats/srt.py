"""SubRip (.srt) through pysrt: pysrt builds and prints the items; we find the blocks and their line numbers.

pysrt alone skips or zeroes what it cannot read (a "00:0x:01" time becomes 0), so every timing line is checked
here first and a bad one raises a FormatError naming its line. A missing blank line between two cues is
repaired (the timing line inside a block starts the next cue) since nothing is ambiguous about it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pysrt

from editor.core.model import Cue
from editor.formats.decoding import normalise_newlines
from editor.formats.errors import FormatError, FormatWarning
from editor.formats.recipe import Format, Reading, ReadOptions, Written, captions

_TIME = r"(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_TIMING_LINE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s(?!.*-->).*)?$")
_MAX_HOUR_DIGITS = 9  # longer runs are not times (and Python refuses ints over 4,300 digits)
_TIMING_START = re.compile(rf"^\s*{_TIME}\s*-->")  # starts a cue even if the rest is malformed
_INDEX_LINE = re.compile(r"^\s*\d+\s*$")
_PLAIN_TIME = r"([0-9]{2}):([0-9]{2}):([0-9]{2}),([0-9]{3})"
_PLAIN_TIMING_LINE = re.compile(rf"{_PLAIN_TIME} --> {_PLAIN_TIME}")


@dataclass(frozen=True)
class _Block:
    """Consecutive non-blank lines and the 1-based line number of the first."""

    first_line: int
    lines: list[str]


def parse_srt(text: str, path: object = None) -> list[Cue]:
    """Every cue of an SRT file, or a FormatError naming the line of the first malformed one."""
    cues, problems = read_srt(text, path)
    errors = [problem for problem in problems if not isinstance(problem, FormatWarning)]
    if errors:
        raise errors[0]
    return cues


def read_srt(text: str, path: object = None) -> tuple[list[Cue], list[FormatError]]:
    """The lenient reading: every good cue, and one problem naming the line of each block skipped or doubtful."""
    where = None if path is None else str(path)
    cues: list[Cue] = []
    problems: list[FormatError] = []
    for block in _blocks(normalise_newlines(text).lstrip("\ufeff")):
        plain = _plain_cue(block.lines)
        if plain is None:
            _read_parts(block, where, cues, problems)
        else:
            cues.append(plain)
    return cues, problems


def _read_parts(block: _Block, where: str | None, cues: list[Cue], problems: list[FormatError]) -> None:
    """Any other block, through pysrt after our checks: each cue it holds, or a problem naming its line."""
    for part in _split_block(block):
        try:
            cue = _read_cue(part, where, after_cue=bool(cues))
        except FormatError as problem:
            problems.append(problem)
            continue
        cues.append(cue)
        if cue.end_ms == cue.start_ms:
            problems.append(FormatWarning("the cue starts and ends at the same time (it is never shown)", where,
                                          part.first_line + _timing_row(part, where, True)))


def _plain_cue(lines: list[str]) -> Cue | None:
    """Most blocks read directly, exactly as pysrt reads them (10,000 cues in a third of the time): a number,
    a strict `00:00:01,000 --> 00:00:02,500` line, text with no timing line in it, ending after it starts."""
    if len(lines) < 2 or not _INDEX_LINE.match(lines[0]):
        return None
    match = _PLAIN_TIMING_LINE.fullmatch(lines[1].rstrip())
    text = "\n".join(line.rstrip() for line in lines[2:])
    if match is None or "-->" in text:
        return None
    start_ms, end_ms = _plain_ms(*match.groups()[:4]), _plain_ms(*match.groups()[4:])
    return Cue(start_ms=start_ms, end_ms=end_ms, text=text) if end_ms > start_ms else None


def _plain_ms(hours: str, minutes: str, seconds: str, millis: str) -> int:
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def format_srt(cues: Sequence[Cue]) -> str:
    """SRT text numbered from 1, "\\n" line ends, a blank line after every cue (as pysrt writes it)."""
    items = []
    for number, cue in enumerate(cues, start=1):
        _check_times(number, cue)
        text = "\n".join(line for line in cue.text.split("\n") if line.strip())
        start, end = pysrt.SubRipTime.from_ordinal(cue.start_ms), pysrt.SubRipTime.from_ordinal(cue.end_ms)
        items.append(str(pysrt.SubRipItem(number, start, end, text)) + "\n")
    return "".join(items)


def _check_times(number: int, cue: Cue) -> None:
    """SRT has no rule on end versus start, so a converted file keeps what it had; negative times can't be written."""
    if cue.start_ms < 0 or cue.end_ms < 0:
        raise FormatError(f"cue {number} has a time before zero ({cue.start_ms} --> {cue.end_ms} ms)")


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    first_line = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                first_line = number
            current.append(line)
        elif current:
            blocks.append(_Block(first_line, current))
            current = []
    if current:
        blocks.append(_Block(first_line, current))
    return blocks


def _split_block(block: _Block) -> list[_Block]:
    """Each timing line (with the cue number just above it) starts a part; text before the first is a part too."""
    lines = block.lines
    starts: list[int] = []
    previous_timing = -1
    for row, line in enumerate(lines):
        if _TIMING_START.match(line):
            numbered = row - 1 > previous_timing and _INDEX_LINE.match(lines[row - 1])
            starts.append(row - 1 if numbered else row)
            previous_timing = row
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    ends = [*starts[1:], len(lines)]
    return [_Block(block.first_line + begin, lines[begin:end]) for begin, end in zip(starts, ends, strict=True)]


def _read_cue(block: _Block, where: str | None, after_cue: bool) -> Cue:
    lines = block.lines
    timing_row = _timing_row(block, where, after_cue)
    _check_timing_line(lines[timing_row], where, block.first_line + timing_row)
    item_lines = [_pad_fractions(line) if row == timing_row else line for row, line in enumerate(lines)]
    try:
        item = pysrt.SubRipItem.from_lines(item_lines)
    except (pysrt.Error, ValueError, IndexError) as error:
        raise FormatError(f"unreadable cue ({error or type(error).__name__})", where, block.first_line) from None
    cue = Cue(start_ms=item.start.ordinal, end_ms=item.end.ordinal, text=item.text)
    if cue.end_ms < cue.start_ms:
        raise FormatError("the cue ends before it starts", where, block.first_line + timing_row)
    return cue


def _check_timing_line(line: str, where: str | None, number: int) -> None:
    match = _TIMING_LINE.match(line)
    if match is None:
        message = f"bad timing line {line.strip()!r} (expected HH:MM:SS,mmm --> HH:MM:SS,mmm)"
        raise FormatError(message, where, number)
    if max(len(match.group(1)), len(match.group(5))) > _MAX_HOUR_DIGITS:
        raise FormatError(f"bad timing line: an hour has more than {_MAX_HOUR_DIGITS} digits", where, number)


def _timing_row(block: _Block, where: str | None, after_cue: bool) -> int:
    """Where the timing line is: first, or second after a cue number; else the block is not a cue."""
    lines = block.lines
    if "-->" in lines[0]:
        return 0
    if _INDEX_LINE.match(lines[0]) and len(lines) > 1:
        return 1
    raise FormatError(_missing_timing_message(lines, after_cue), where, block.first_line)


def _missing_timing_message(lines: list[str], after_cue: bool) -> str:
    if len(lines) == 1 and _INDEX_LINE.match(lines[0]):
        return f"cue {lines[0].strip()} has no timing line (is the file cut short?)"
    hint = " (is there a blank line inside the cue above?)" if after_cue else ""
    found = lines[0].strip()
    return f"expected a cue number and a timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm), found {found!r}{hint}"


def _pad_fractions(timing_line: str) -> str:
    """"00:00:01,5" means half a second: pad the fraction to three digits before pysrt reads it as ms."""
    return re.sub(r"([,.])(\d{1,2})(?!\d)", lambda m: m.group(1) + m.group(2).ljust(3, "0"), timing_line)


_SRT_SNIFF = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->", re.MULTILINE)


def looks_like_srt(text: str) -> bool:
    """A timing line (`00:00:01,000 -->`) near the start."""
    return bool(_SRT_SNIFF.search(text[:4096]))


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    cues, problems = read_srt(text, path)
    return captions(cues, path, problems)


SRT = Format("SubRip", (".srt",), looks_like_srt, _read,
             lambda document, path, options: Written(format_srt(document.cues)))
