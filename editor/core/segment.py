"""Cutting timed words into caption blocks: the cheapest sequence of cues under the style's limits.

A dynamic programme weighs, for every possible cue, where it ends (sentence end best, never inside a
never-split pair), how long it stays on screen and how fast it must be read. Every word lands in exactly
one cue, in order; a cue only exceeds the line limits when a single word is longer than a line, and only
stays on screen longer than the maximum duration when it is a single word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.linebreak import break_lines
from editor.core.model import Cue, Word
from editor.core.style import CaptionStyle
from editor.core.words import break_cost

_CUE_COST = 20  # every cue costs something, so cues fill up instead of flashing by
_CUE_BREAK_WEIGHT = 2  # a poor break between cues hurts more than inside one, where both lines show at once
_PAUSE_BONUS = 12  # a silence between words is a natural place to change captions
_SHORT_COST = 80  # per missing share of the minimum duration
_FAST_COST_PER_CPS = 6  # above the target speed
_TOO_FAST_COST_PER_CPS = 40  # above the hard limit
_LONG_SILENCE_MS = 2000  # a cue should not sit on screen across a silence longer than this
_SILENCE_COST_PER_SECOND = 40


@dataclass(frozen=True, slots=True)
class _Layout:
    """Per-word facts the programme reads many times, computed once."""

    lengths: list[int]
    starts: list[int | None]
    shown_until: list[int | None]  # when a cue ending with this word clears
    pauses_before: list[int]  # silence between the previous word and this one
    boundary_costs: list[float]


def _layout(words: Sequence[Word], style: CaptionStyle) -> _Layout:
    texts = [word.text for word in words]
    boundary = [float(break_cost(texts[i], texts[i + 1] if i + 1 < len(texts) else None)) for i in range(len(texts))]
    starts, ends = [w.start_ms for w in words], [w.end_ms for w in words]
    pauses = [0] * len(words)
    for i in range(len(words) - 1):
        end, next_start = ends[i], starts[i + 1]
        if end is not None and next_start is not None:
            pauses[i + 1] = next_start - end
            if pauses[i + 1] >= style.chain_gap_ms:
                boundary[i] -= _PAUSE_BONUS
    until = [_shown_until(ends[i], starts[i + 1] if i + 1 < len(words) else None, style) for i in range(len(words))]
    return _Layout([len(text) for text in texts], starts, until, pauses, boundary)


def _shown_until(end: int | None, next_start: int | None, style: CaptionStyle) -> int | None:
    """When a cue ending at `end` will clear: chained to the next word or lingering a little."""
    if end is None or next_start is None:
        return end
    return max(end, min(next_start - style.min_gap_ms, end + style.chain_gap_ms))


def _too_long(start: int | None, until: int | None, style: CaptionStyle) -> bool:
    """Whether a cue would stay on screen past the style's maximum (the max-duration check flags it)."""
    return start is not None and until is not None and until - start > style.max_duration_ms


def _timing_cost(start: int | None, until: int | None, chars: int, silence_ms: int, style: CaptionStyle) -> float:
    if start is None or until is None:
        return 0.0
    duration = max(until - start, 1)
    cost = max(0, silence_ms - _LONG_SILENCE_MS) / 1000 * _SILENCE_COST_PER_SECOND
    if duration < style.min_duration_ms:
        cost += (style.min_duration_ms - duration) / style.min_duration_ms * _SHORT_COST
    cps = chars * 1000 / duration
    cost += max(0.0, cps - style.target_cps) * _FAST_COST_PER_CPS
    return cost + max(0.0, cps - style.max_cps) * _TOO_FAST_COST_PER_CPS


def _best_cue_ends(layout: _Layout, style: CaptionStyle) -> list[int]:
    """For each word count j, where the cheapest last cue of the first j words starts."""
    count = len(layout.lengths)
    best = [0.0] + [float("inf")] * count
    chosen_start = [0] * (count + 1)
    for first in range(count):
        lines, line_length, chars, silence = 1, layout.lengths[first], layout.lengths[first], 0
        line_break = _LineBreakTracker(layout, first, style.max_chars_per_line)
        for last in range(first, count):
            if last > first:
                length = layout.lengths[last]
                chars += 1 + length
                if line_length + 1 + length <= style.max_chars_per_line:
                    line_length += 1 + length
                else:
                    lines, line_length = lines + 1, length
                if lines > style.max_lines:
                    break
                silence = max(silence, layout.pauses_before[last])
                if _too_long(layout.starts[first], layout.shown_until[last], style):
                    break  # a split can always avoid it; one word alone may stay too long (nothing to split)
            cost = best[first] + _CUE_COST + _CUE_BREAK_WEIGHT * layout.boundary_costs[last]
            cost += _timing_cost(layout.starts[first], layout.shown_until[last], chars, silence, style)
            if lines == 2:
                cost += line_break.best_cost(last)
            if cost < best[last + 1]:
                best[last + 1], chosen_start[last + 1] = cost, first
    return chosen_start


class _LineBreakTracker:
    """The cheapest place to break a growing cue of two lines, where both lines fit, in amortised O(1).

    The top line can end at most where a greedy fill ends it (fixed for a given first word); the bottom
    line must fit, so the earliest break moves right as the cue grows: a suffix minimum answers it.
    """

    def __init__(self, layout: _Layout, first: int, max_chars: int) -> None:
        self._layout, self._first, self._max_chars = layout, first, max_chars
        self._suffix_min: list[float] = []
        self._earliest = first
        self._bottom_chars = 0

    def _prepare(self, last: int) -> None:
        top_end, top_chars = self._first, self._layout.lengths[self._first]
        while top_end + 1 < last and top_chars + 1 + self._layout.lengths[top_end + 1] <= self._max_chars:
            top_end += 1
            top_chars += 1 + self._layout.lengths[top_end]
        costs = self._layout.boundary_costs[self._first : top_end + 1]
        self._suffix_min = costs[:]
        for k in range(len(costs) - 2, -1, -1):
            self._suffix_min[k] = min(costs[k], self._suffix_min[k + 1])
        self._bottom_chars = sum(self._layout.lengths[self._first + 1 : last]) + (last - self._first - 2)

    def best_cost(self, last: int) -> float:
        """Cost of the best line break for the cue from the first word to `last` (two lines)."""
        if not self._suffix_min:
            self._prepare(last)
        self._bottom_chars += 1 + self._layout.lengths[last]
        while self._bottom_chars > self._max_chars and self._earliest - self._first + 1 < len(self._suffix_min):
            self._earliest += 1
            self._bottom_chars -= 1 + self._layout.lengths[self._earliest]
        return self._suffix_min[self._earliest - self._first]


def _make_cue(words: Sequence[Word], style: CaptionStyle) -> Cue:
    start = words[0].start_ms or 0
    end = max(words[-1].end_ms or 0, start)
    return Cue(start, end, break_lines(words, style), tuple(words))


def cut_into_cues(words: Sequence[Word], style: CaptionStyle) -> list[Cue]:
    """Timed words as caption blocks; a cue spans its first word's start to its last word's end."""
    if not words:
        return []
    chosen_start = _best_cue_ends(_layout(words, style), style)
    bounds: list[tuple[int, int]] = []
    end = len(words)
    while end > 0:
        bounds.append((chosen_start[end], end))
        end = chosen_start[end]
    return [_make_cue(words[first:stop], style) for first, stop in reversed(bounds)]


__all__ = ["break_lines", "cut_into_cues"]  # break_lines lives in linebreak.py; callers may take it from here
