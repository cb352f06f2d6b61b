"""Scenarist SCC (.scc): CEA-608 pop-on captions on channel 1 at 29.97 fps, drop-frame timecode.

Writing, per cue: erase non-displayed memory, resume caption loading, then for each row a preamble address
code (rows at the bottom, the last on row 15; each line centred with an indent and a tab offset) and its
characters, sent ahead of time while the previous caption is still up; at the cue's first frame, on its own
line, "end of caption" swaps the loaded caption onto the screen; at its end "erase displayed memory" clears
it (left out when the next caption replaces it within two frames). One byte pair goes out per frame, so a
caption whose text cannot be sent between the previous caption's appearance and its own start appears late,
on the first frame the line allows. Each line of text holds at most 32 columns: longer lines are re-wrapped,
and a cue needing more than 4 rows is refused. No styling or position is carried; markup is stripped.

Reading takes pop-on captions (the timing of "end of caption" and "erase displayed memory", frame by frame
within a line); roll-up and paint-on captions are refused with the line that starts them.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from editor.core.model import Cue
from editor.formats import cea608
from editor.formats.cea608 import MISC, UnwritableCharacter
from editor.formats.errors import FormatError
from editor.formats.scc_reader import decode_scc
from editor.formats.scc_timecode import format_drop_frame, frame_of_ms
from editor.formats.vtt_markup import strip_markup

HEADER = "Scenarist_SCC V1.0"
MAX_ROWS = 4
_SIGNATURE = re.compile(r"^\s*Scenarist_SCC V1\.0")
_ERASE_LOADING = [(MISC, cea608.ERASE_NON_DISPLAYED_MEMORY)] * 2 + [(MISC, cea608.RESUME_CAPTION_LOADING)] * 2
_SHOW = [(MISC, cea608.END_OF_CAPTION)] * 2
_CLEAR = [(MISC, cea608.ERASE_DISPLAYED_MEMORY)] * 2

Pair = tuple[int, int]
_Slots = dict[int, tuple[Pair, str]]  # frame -> (pair, which line it belongs to)


def looks_like_scc(text: str) -> bool:
    """SCC files open with their signature line."""
    return bool(_SIGNATURE.match(text.lstrip("\ufeff")))


def parse_scc(text: str, path: Path | None = None) -> list[Cue]:
    """The pop-on captions of channel 1 as cues; FormatError names the line of anything it cannot read."""
    return decode_scc(text, path)


def format_scc(cues: Sequence[Cue]) -> str:
    """The SCC file: header, then one line per run of byte pairs, each at the timecode of its first frame."""
    slots: _Slots = {}
    first_free = 0
    previous_end: int | None = None
    for number, cue in enumerate(sorted(cues, key=lambda c: c.start_ms), start=1):
        load = _load_pairs(cue, number)
        if not load:
            continue
        start = frame_of_ms(cue.start_ms)
        if previous_end is not None and previous_end + 2 <= start:
            _place(slots, previous_end, _CLEAR, f"clear{number}")
        start = _first_start_with_room(slots, first_free, start, len(load))
        _place_before(slots, start, load, f"load{number}")
        _place(slots, start, _SHOW, f"show{number}")
        first_free = start + len(_SHOW)
        previous_end = max(frame_of_ms(cue.end_ms), first_free)
    if previous_end is not None:
        _place(slots, previous_end, _CLEAR, "clear-last")
    return HEADER + "\n\n" + "".join(line + "\n\n" for line in _lines(slots))


def _load_pairs(cue: Cue, number: int) -> list[Pair]:
    """Everything that loads the cue's caption into non-displayed memory; empty for a cue with no text."""
    rows = _screen_rows(cue, number)
    if not rows:
        return []
    pairs = list(_ERASE_LOADING)
    for row, line in enumerate(rows, start=cea608.ROWS - len(rows) + 1):
        column = (cea608.COLUMNS - len(line)) // 2
        pairs += [cea608.preamble(row, column)] * 2
        if column % 4:
            pairs += [(cea608.TAB, 0x20 + column % 4)] * 2
        pairs += cea608.character_pairs(line)
    return pairs


def _screen_rows(cue: Cue, number: int) -> list[str]:
    try:
        text = cea608.screen_text(strip_markup(cue.text))
    except UnwritableCharacter as error:
        raise FormatError(f"cue {number}: the character {error.args[0]!r} cannot be shown in CEA-608 captions") \
            from None
    rows: list[str] = []
    for line in (line.strip() for line in text.split("\n")):
        if line:
            rows += textwrap.wrap(line, cea608.COLUMNS, break_on_hyphens=False) if len(line) > cea608.COLUMNS \
                else [line]
    if len(rows) > MAX_ROWS:
        raise FormatError(f"cue {number} needs {len(rows)} rows of 32 columns; CEA-608 shows at most {MAX_ROWS} "
                          "(re-cut with the CEA-608 style)")
    return rows


def _place(slots: _Slots, frame: int, pairs: Sequence[Pair], line: str) -> None:
    for offset, pair in enumerate(pairs):
        slots[frame + offset] = (pair, line)


def _first_start_with_room(slots: _Slots, first_free: int, start: int, needed: int) -> int:
    """The cue's start, or later when fewer free frames than pairs lie between the last caption and it."""
    start = max(start, first_free)
    free = sum(1 for frame in range(first_free, start) if frame not in slots)
    while free < needed or start in slots or start + 1 in slots:
        if start not in slots:
            free += 1
        start += 1
    return start


def _place_before(slots: _Slots, start: int, pairs: Sequence[Pair], line: str) -> None:
    """The pairs in the free frames just before start (around an erase already placed there)."""
    frames: list[int] = []
    frame = start - 1
    while len(frames) < len(pairs):
        if frame not in slots:
            frames.append(frame)
        frame -= 1
    for frame, pair in zip(reversed(frames), pairs, strict=True):
        slots[frame] = (pair, line)


def _lines(slots: _Slots) -> list[str]:
    """Consecutive frames of one purpose share a line; a new purpose or a skipped frame starts the next."""
    lines: list[str] = []
    previous: tuple[int, str] | None = None
    for frame in sorted(slots):
        pair, purpose = slots[frame]
        if previous is None or previous != (frame - 1, purpose):
            lines.append(format_drop_frame(frame) + "\t" + cea608.word(*pair))
        else:
            lines[-1] += " " + cea608.word(*pair)
        previous = (frame, purpose)
    return lines
