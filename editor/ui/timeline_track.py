"""What the timeline derives from a document once per change, so painting a frame only looks things up."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate

import numpy as np

from editor.core.model import Cue, Document, Word
from editor.core.style import CaptionStyle, characters_per_second

LOW_CONFIDENCE = 0.5  # below this, auto-sync was guessing: the captioner should listen again
_GAP_RUN = re.compile(r"-{2,}")


class MarkKind(Enum):
    GAP = "gap"  # a `--` run: speech the transcriber could not hear
    UNSURE = "unsure"  # a word auto-sync placed with low confidence


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch inside a cue as fractions of its duration, so it follows the cue during a drag preview."""

    begin: float
    end: float
    kind: MarkKind


class CueTrack:
    """The cues in time order with their marks and rule flags; answers "which cues touch this time span"."""

    def __init__(self, document: Document, style: CaptionStyle, previous: CueTrack | None = None) -> None:
        """`previous` lends what it worked out for cues that are still the same objects (an edit keeps most)."""
        self.cues = document.cues
        self.style = style
        self.total_ms = max([document.runtime_ms or 0, *(cue.end_ms for cue in self.cues)])
        self.order = sorted(range(len(self.cues)), key=lambda i: self.cues[i].start_ms)
        self._starts = [self.cues[i].start_ms for i in self.order]
        self._reach = list(accumulate((self.cues[i].end_ms for i in self.order), max))
        self._position = {index: position for position, index in enumerate(self.order)}
        self._order_array = np.array(self.order, dtype=np.int64)
        self._start_array = np.array(self._starts, dtype=np.float64)
        self._end_array = np.array([self.cues[i].end_ms for i in self.order], dtype=np.float64)
        self.marks: list[tuple[Mark, ...]] = []
        self.flagged: list[bool] = []
        self._derive_per_cue(previous)

    def _derive_per_cue(self, previous: CueTrack | None) -> None:
        known = {id(cue): k for k, cue in enumerate(previous.cues)} if previous is not None else {}
        same_style = previous is not None and previous.style == self.style
        for cue in self.cues:
            k = known.get(id(cue))
            if previous is not None and k is not None and previous.cues[k] is cue:
                self.marks.append(previous.marks[k])
                self.flagged.append(previous.flagged[k] if same_style else breaks_rule(cue, self.style))
            else:
                self.marks.append(marks_of(cue))
                self.flagged.append(breaks_rule(cue, self.style))

    def __len__(self) -> int:
        return len(self.cues)

    def visible(self, first_ms: float, last_ms: float) -> list[int]:
        """Indices of cues overlapping [first_ms, last_ms], in time order, without scanning the rest."""
        begin, end = self._window(first_ms, last_ms)
        return [i for i in self.order[begin:end] if self.cues[i].end_ms >= first_ms]

    def visible_arrays(self, first_ms: float, last_ms: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Indices, starts and ends of the cues that may touch the span, for painting thousands at once."""
        begin, end = self._window(first_ms, last_ms)
        return self._order_array[begin:end], self._start_array[begin:end], self._end_array[begin:end]

    def _window(self, first_ms: float, last_ms: float) -> tuple[int, int]:
        return bisect.bisect_left(self._reach, first_ms), bisect.bisect_right(self._starts, last_ms)

    def neighbours(self, index: int) -> tuple[Cue | None, Cue | None]:
        """The cues just before and after `index` in time, which a drag must not run into."""
        position = self._position[index]
        before = self.cues[self.order[position - 1]] if position > 0 else None
        after = self.cues[self.order[position + 1]] if position + 1 < len(self.order) else None
        return before, after


def breaks_rule(cue: Cue, style: CaptionStyle) -> bool:
    """A cheap first look at the style's limits, enough to tint a block; the checks panel says which rule."""
    lines = cue.lines
    return (
        cue.duration_ms < style.min_duration_ms
        or cue.duration_ms > style.max_duration_ms
        or characters_per_second(cue) > style.max_cps
        or len(lines) > style.max_lines
        or any(len(line) > style.max_chars_per_line for line in lines)
    )


def marks_of(cue: Cue) -> tuple[Mark, ...]:
    """Gap runs and unsure words, timed by the words when they carry times, else placed by text position."""
    if cue.words and all(word.is_timed for word in cue.words):
        return _marks_from_timed_words(cue)
    if cue.words:
        return _marks_from_word_positions(cue.words)
    return _marks_from_text(cue.text)


def _marks_from_timed_words(cue: Cue) -> tuple[Mark, ...]:
    duration = max(1, cue.duration_ms)
    marks = []
    for word in cue.words:
        kind = _kind_of(word)
        if kind is not None:
            begin = (word.start_ms or 0) - cue.start_ms
            end = (word.end_ms or 0) - cue.start_ms
            marks.append(Mark(_unit(begin / duration), _unit(end / duration), kind))
    return tuple(marks)


def _marks_from_word_positions(words: tuple[Word, ...]) -> tuple[Mark, ...]:
    total = max(1, sum(len(word.text) + 1 for word in words) - 1)
    marks, offset = [], 0
    for word in words:
        kind = _kind_of(word)
        if kind is not None:
            marks.append(Mark(offset / total, _unit((offset + len(word.text)) / total), kind))
        offset += len(word.text) + 1
    return tuple(marks)


def _marks_from_text(text: str) -> tuple[Mark, ...]:
    total = max(1, len(text))
    return tuple(Mark(m.start() / total, m.end() / total, MarkKind.GAP) for m in _GAP_RUN.finditer(text))


def _kind_of(word: Word) -> MarkKind | None:
    if word.is_gap:
        return MarkKind.GAP
    if word.confidence is not None and word.confidence < LOW_CONFIDENCE:
        return MarkKind.UNSURE
    return None


def _unit(value: float) -> float:
    return max(0.0, min(1.0, value))
