"""Scenarist SCC writing: CEA-608 pop-on captions on channel 1 at 29.97 fps, drop-frame timecode.

Per caption: erase non-displayed memory, resume caption loading, then for each row a preamble address code
(rows at the bottom, the last on row 15; each line centred with an indent and a tab offset) and its
characters, sent while the previous caption is up (the first one from frame 0, before its time); at the
caption's first frame, on its own line, "end of caption" swaps it onto the screen; at its end "erase displayed
memory" clears it (left out when the next caption replaces it within two frames).

Timing: a caption appears on the first frame that starts at or after its cue's time, never earlier. One byte
pair goes out per frame and a caption can only load once the one before it is shown, so a caption whose text
cannot be sent in that time first drops its tab offsets (centred to within 3 columns) and, if still short of
time, appears late, on the first frame the line allows: every such caption is reported with its cue number
and delay.

Layout: 32 columns, at most two rows. A cue whose lines do not fit is re-cut with the `cea608` style (its
lines broken again, else split into captions sharing its time where its words fall), never wrapped blindly.
No styling or position is carried; markup is stripped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.fit_lines import fit_to_lines
from editor.core.model import Cue
from editor.core.style import STYLES
from editor.core.wording import counted
from editor.formats import cea608
from editor.formats.cea608 import MISC, UnwritableCharacter
from editor.formats.errors import FormatError
from editor.formats.scc_timecode import format_drop_frame, frame_at_or_after, frame_of_ms, ms_of_frame
from editor.formats.vtt_markup import strip_markup

HEADER = "Scenarist_SCC V1.0"
MAX_ROWS = 4  # what a pop-on caption can hold; only a single word longer than a row needs more than two
CEA608_STYLE = STYLES["cea608"]
_ERASE_LOADING = [(MISC, cea608.ERASE_NON_DISPLAYED_MEMORY)] * 2 + [(MISC, cea608.RESUME_CAPTION_LOADING)] * 2
_SHOW = [(MISC, cea608.END_OF_CAPTION)] * 2
_CLEAR = [(MISC, cea608.ERASE_DISPLAYED_MEMORY)] * 2

Pair = tuple[int, int]
_Slots = dict[int, tuple[Pair, str]]  # frame -> (pair, which line it belongs to)


@dataclass(frozen=True, slots=True)
class LateCaption:
    """A caption shown after its cue's time because CEA-608 could not send its text sooner."""

    cue_number: int  # 1-based, in the document's order
    delay_ms: int
    part: int = 1  # which of the captions a re-cut cue became
    parts: int = 1
    first_in_file: bool = False  # nothing can be sent before 00:00:00;00

    def __str__(self) -> str:
        which = f"cue {self.cue_number}" + (f", caption {self.part} of {self.parts}" if self.parts > 1 else "")
        why = "nothing can be sent before 00:00:00;00" if self.first_in_file else "too little time after the one before"
        return f"{which}: {self.delay_ms / 1000:.3f} s late ({why})"


@dataclass(frozen=True, slots=True)
class SccExport:
    """The file's text, the captions that appear late, and how many cues were re-cut to fit 32 columns."""

    text: str
    late: tuple[LateCaption, ...]
    recut_cues: int
    captions: int  # what the file holds: a re-cut cue may become several

    def notes(self) -> tuple[str, ...]:
        """What staff should know about this export, one line each."""
        recut = (f"{counted(self.recut_cues, 'cue')} re-cut with the CEA-608 style (32 columns, 2 rows): "
                 f"the file holds {counted(self.captions, 'caption')}",) if self.recut_cues else ()
        return recut + tuple(str(caption) for caption in self.late)


@dataclass(frozen=True, slots=True)
class _Caption:
    cue_number: int
    part: int
    parts: int
    start_ms: int
    end_ms: int
    rows: list[str]


def export_scc(cues: Sequence[Cue]) -> SccExport:
    """The SCC file for the cues, with a report of what could not be shown on time."""
    captions, recut = _captions(cues)
    slots: _Slots = {}
    late: list[LateCaption] = []
    first_free, previous_end = 0, None
    for index, caption in enumerate(captions):
        load = _load_pairs(caption.rows)
        wanted = frame_at_or_after(caption.start_ms)
        if previous_end is not None and previous_end + 2 <= wanted:
            _place(slots, previous_end, _CLEAR, f"clear{index}")
        start = _first_start_with_room(slots, first_free, wanted, len(load))
        if start > wanted:  # late: without tab offsets it centres to within 3 columns but goes out sooner
            load = _load_pairs(caption.rows, exact_centre=False)
            start = _first_start_with_room(slots, first_free, wanted, len(load))
        _place_before(slots, start, load, f"load{index}")
        _place(slots, start, _SHOW, f"show{index}")
        if start > wanted:
            delay = ms_of_frame(start) - caption.start_ms
            late.append(LateCaption(caption.cue_number, delay, caption.part, caption.parts, index == 0))
        first_free = start + len(_SHOW)
        previous_end = max(frame_of_ms(caption.end_ms), first_free)
    if previous_end is not None:
        _place(slots, previous_end, _CLEAR, "clear-last")
    text = HEADER + "\n\n" + "".join(line + "\n\n" for line in _lines(slots))
    return SccExport(text, tuple(late), recut, len(captions))


def _captions(cues: Sequence[Cue]) -> tuple[list[_Caption], int]:
    """The cues as screen text that fits 32 columns and 2 rows, in time order; how many cues were re-cut."""
    captions: list[_Caption] = []
    recut = 0
    for number, cue in sorted(enumerate(cues, start=1), key=lambda numbered: numbered[1].start_ms):
        on_screen = cue.with_text(_screen_text(cue, number))
        fitted = fit_to_lines(on_screen, CEA608_STYLE)
        recut += fitted != [on_screen]
        parts = [part for part in fitted if part.text.strip()]
        captions += [_Caption(number, index, len(parts), part.start_ms, part.end_ms, _screen_rows(part.text, number))
                     for index, part in enumerate(parts, start=1)]
    return captions, recut


def _screen_text(cue: Cue, number: int) -> str:
    """The cue's words as CEA-608 can show them, lines trimmed and empty lines dropped."""
    try:
        text = cea608.screen_text(strip_markup(cue.text))
    except UnwritableCharacter as error:
        raise FormatError(f"cue {number}: the character {error.args[0]!r} cannot be shown in CEA-608 captions") \
            from None
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _screen_rows(text: str, number: int) -> list[str]:
    """The caption's rows; only a word longer than a row is cut (CEA-608 cannot show it otherwise)."""
    rows = [row for line in text.split("\n") for row in textwrap.wrap(line, cea608.COLUMNS, break_on_hyphens=False)]
    if len(rows) > MAX_ROWS:
        raise FormatError(f"cue {number} needs {len(rows)} rows of 32 columns; CEA-608 shows at most {MAX_ROWS}")
    return rows


def _load_pairs(rows: Sequence[str], *, exact_centre: bool = True) -> list[Pair]:
    """Everything that loads the caption's rows into non-displayed memory; each row centred exactly with a tab
    offset after its indent, or (two pairs a row fewer) at the indent alone."""
    pairs = list(_ERASE_LOADING)
    for row, line in enumerate(rows, start=cea608.ROWS - len(rows) + 1):
        column = (cea608.COLUMNS - len(line)) // 2
        pairs += [cea608.preamble(row, column)] * 2
        if column % 4 and exact_centre:
            pairs += [(cea608.TAB, 0x20 + column % 4)] * 2
        pairs += cea608.character_pairs(line)
    return pairs


def _place(slots: _Slots, frame: int, pairs: Sequence[Pair], line: str) -> None:
    for offset, pair in enumerate(pairs):
        slots[frame + offset] = (pair, line)


def _first_start_with_room(slots: _Slots, first_free: int, start: int, needed: int) -> int:
    """The caption's frame, or later when fewer free frames than pairs lie between the last caption and it."""
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
