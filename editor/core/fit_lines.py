"""A cue made to fit narrower lines than it was cut for, inside its own time.

An export whose format holds fewer characters a line than the project's style (CEA-608's 32 columns for a
42-character streaming project) re-cuts each cue that does not fit with the narrower style: first by breaking
its lines again, else into several captions that share the cue's time where its words fall. A line is never
wrapped blindly (three rows, single words on their own row).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from editor.core.edits import timed_words
from editor.core.model import Cue
from editor.core.segment import break_lines, cut_into_cues
from editor.core.style import CaptionStyle


def fits_lines(text: str, style: CaptionStyle) -> bool:
    """Whether the text's lines keep the style's line count and line length."""
    lines = text.split("\n")
    return len(lines) <= style.max_lines and all(len(line) <= style.max_chars_per_line for line in lines)


def fit_to_lines(cue: Cue, style: CaptionStyle) -> list[Cue]:
    """The cue as it is if it fits, re-broken if that fits, else cut into captions that share its time."""
    if fits_lines(cue.text, style):
        return [cue]
    rebroken = break_lines(cue.text, style)
    if fits_lines(rebroken, style):
        return [cue.with_text(rebroken)]
    return _share_time(cue, cut_into_cues(timed_words([cue]), style), style)


def _share_time(cue: Cue, parts: Sequence[Cue], style: CaptionStyle) -> list[Cue]:
    """Each part from where its words start until the next part takes over; the first and last keep the cue's
    own start and end, so nothing else on the timeline moves."""
    starts = [cue.start_ms] + [part.start_ms for part in parts[1:]]
    ends = [max(start + 1, next_start - style.min_gap_ms) for start, next_start in pairwise(starts)]
    ends.append(cue.end_ms)
    return [part.with_times(start, max(end, start + 1)) for part, start, end in zip(parts, starts, ends, strict=True)]
