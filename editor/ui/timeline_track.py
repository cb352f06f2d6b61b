"""What the timeline derives from a document once per change, so painting a frame only looks things up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

import numpy as np

from editor.checks import low_confidence, suspect_words, unheard_words, unresolved_gap
from editor.checks.ignoring import IgnoredIndex
from editor.checks.issue import Issue
from editor.checks.registry import breaks_a_cue_rule
from editor.checks.word_problems import word_problems
from editor.core.cue_spans import span_time
from editor.core.edits import diff_cues
from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle

_UNKNOWN = object()  # a cue's value not worked out yet
T = TypeVar("T")


class MarkKind(Enum):
    GAP = "gap"  # a `--` run: speech the transcriber could not hear
    UNSURE = "unsure"  # a word auto-sync placed with low confidence
    UNHEARD = "unheard"  # a word auto-sync found no audio for


# The kind of strip each word-level check's problems get (checks/word_problems.py lists them per cue).
KIND_OF_RULE = {
    unresolved_gap.NAME: MarkKind.GAP,
    low_confidence.NAME: MarkKind.UNSURE,
    suspect_words.NAME: MarkKind.UNSURE,
    unheard_words.NAME: MarkKind.UNHEARD,
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch inside a cue as fractions of its duration, so it follows the cue during a drag preview."""

    begin: float
    end: float
    kind: MarkKind


@dataclass(frozen=True, slots=True)
class TrackSplice:
    """Cues `start` up to `old_stop` of the previous track became `start` up to `new_stop` of this one."""

    start: int
    old_stop: int
    new_stop: int

    @property
    def keeps_count(self) -> bool:
        return self.old_stop == self.new_stop


class PerCue(Sequence[T], Generic[T]):
    """A value for each cue, worked out when first read and then kept: painting reads only the cues on screen,
    so opening 10,000 cues does not run the rules on all of them before the window is ready."""

    def __init__(self, cues: tuple[Cue, ...], work_out: Callable[[Cue], T], known: list[object]) -> None:
        self._cues, self._work_out, self.known = cues, work_out, known

    def __len__(self) -> int:
        return len(self.known)

    def __getitem__(self, index: int) -> T:  # type: ignore[override]
        value = self.known[index]
        if value is _UNKNOWN:
            value = self.known[index] = self._work_out(self._cues[index])
        return value  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


class CueTrack:
    """The cues in time order with their marks and rule flags; answers "which cues touch this time span".

    Built from a `previous` track that judges alike (style, glossary, ignores), only the cues between the first
    and last one that are not the same objects as before are worked out again (a typed character: one cue); the
    rest is copied and re-sorted with numpy, so an edit costs well under a millisecond on 10,000 cues.
    """

    def __init__(self, document: Document, style: CaptionStyle, previous: CueTrack | None = None) -> None:
        """`previous` lends what it worked out for cues that are still the same objects (an edit keeps most)."""
        self.cues = document.cues
        self.style = style
        self.ignored = frozenset(document.ignored)
        self.glossary = document.glossary
        self._ignored_index = IgnoredIndex.of(self.ignored)
        self.doubt_limit = document.doubt_limit
        self.splice: TrackSplice | None = None  # how this track differs from `previous`, when it was spliced
        if previous is not None and previous._judges_alike(self):
            self._splice_from(previous)
        else:
            self._build_all()
        self._arrange(document.runtime_ms or 0)

    def _build_all(self) -> None:
        self._starts_by_cue = _times_of(self.cues, "start_ms")
        self._ends_by_cue = _times_of(self.cues, "end_ms")
        self.marks: PerCue[tuple[Mark, ...]] = PerCue(self.cues, self._marks_of, [_UNKNOWN] * len(self.cues))
        self.flagged: PerCue[bool] = PerCue(self.cues, self._breaks_rule, [_UNKNOWN] * len(self.cues))

    def _splice_from(self, previous: CueTrack) -> None:
        """Copy `previous` around the changed stretch; inside it, reuse cues that only moved."""
        change = diff_cues(previous.cues, self.cues)
        start = change.start
        old_stop, new_stop = start + len(change.removed), start + len(change.inserted)
        self.splice = TrackSplice(start, old_stop, new_stop)
        middle = self.cues[start:new_stop]
        known = {id(cue): k for k, cue in enumerate(previous.cues[start:old_stop], start)}
        marks, flagged = [], []
        for cue in middle:
            k = _same_object(known, previous.cues, cue)
            marks.append(previous.marks.known[k] if k is not None else _UNKNOWN)
            flagged.append(previous.flagged.known[k] if k is not None else _UNKNOWN)
        old_marks, old_flagged = previous.marks.known, previous.flagged.known
        self.marks = PerCue(self.cues, self._marks_of, old_marks[:start] + marks + old_marks[old_stop:])
        self.flagged = PerCue(self.cues, self._breaks_rule, old_flagged[:start] + flagged + old_flagged[old_stop:])
        self._starts_by_cue = _spliced(previous._starts_by_cue, start, old_stop, _times_of(middle, "start_ms"))
        self._ends_by_cue = _spliced(previous._ends_by_cue, start, old_stop, _times_of(middle, "end_ms"))

    def _breaks_rule(self, cue: Cue) -> bool:
        return breaks_a_cue_rule(cue, self.style, self._ignored_index)

    def _marks_of(self, cue: Cue) -> tuple[Mark, ...]:
        return marks_of(cue, word_problems(cue, self.glossary, self.style, self._ignored_index,
                                           self.doubt_limit))

    def _judges_alike(self, other: CueTrack) -> bool:
        """Whether a cue's marks and flags are the same in both tracks (then they are copied, not worked out)."""
        return (self.style, self.ignored, self.glossary, self.doubt_limit) == \
            (other.style, other.ignored, other.glossary, other.doubt_limit)

    def _arrange(self, runtime_ms: int) -> None:
        """Time order (ties by index, as a stable sort gives) and the running latest end used to find cues."""
        self._order_array = np.argsort(self._starts_by_cue, kind="stable")
        self._start_array = self._starts_by_cue[self._order_array].astype(np.float64)
        self._end_array = self._ends_by_cue[self._order_array].astype(np.float64)
        self._reach = np.maximum.accumulate(self._end_array) if len(self.cues) else self._end_array
        self.total_ms = max(runtime_ms, int(self._ends_by_cue.max()) if len(self.cues) else 0)

    def __len__(self) -> int:
        return len(self.cues)

    def time_order(self) -> list[int]:
        """Cue indices sorted by start time, ties by index."""
        order: list[int] = self._order_array.tolist()
        return order

    def visible(self, first_ms: float, last_ms: float) -> list[int]:
        """Indices of cues overlapping [first_ms, last_ms], in time order, without scanning the rest."""
        begin, end = self._window(first_ms, last_ms)
        touching: list[int] = self._order_array[begin:end][self._end_array[begin:end] >= first_ms].tolist()
        return touching

    def visible_arrays(self, first_ms: float, last_ms: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Indices, starts and ends of the cues that may touch the span, for painting thousands at once."""
        begin, end = self._window(first_ms, last_ms)
        return self._order_array[begin:end], self._start_array[begin:end], self._end_array[begin:end]

    def _window(self, first_ms: float, last_ms: float) -> tuple[int, int]:
        begin = np.searchsorted(self._reach, first_ms, side="left")
        return int(begin), int(np.searchsorted(self._start_array, last_ms, side="right"))

    def neighbours(self, index: int) -> tuple[Cue | None, Cue | None]:
        """The cues just before and after `index` in time, which a drag must not run into."""
        order = self._order_array
        position = int(np.flatnonzero(order == index)[0])
        before = self.cues[order[position - 1]] if position > 0 else None
        after = self.cues[order[position + 1]] if position + 1 < len(order) else None
        return before, after


def _same_object(known: dict[int, int], old: tuple[Cue, ...], cue: Cue) -> int | None:
    """Where `cue` itself sat in `old` (an id alone could belong to a cue since freed), else None."""
    k = known.get(id(cue))
    return k if k is not None and old[k] is cue else None


def _times_of(cues: tuple[Cue, ...], field: str) -> np.ndarray:
    return np.fromiter((getattr(cue, field) for cue in cues), dtype=np.int64, count=len(cues))


def _spliced(values: np.ndarray, start: int, stop: int, inserted: np.ndarray) -> np.ndarray:
    return np.concatenate((values[:start], inserted, values[stop:]))


def marks_of(cue: Cue, problems: Sequence[Issue]) -> tuple[Mark, ...]:
    """A strip for each of the cue's word problems (checks/word_problems.py), timed by its words when they carry
    times, else placed by its characters in the text."""
    timed = bool(cue.words) and all(word.is_timed for word in cue.words)
    duration, length = max(1, cue.duration_ms), max(1, len(cue.text))
    marks = []
    for issue in problems:
        if issue.span is None or issue.rule not in KIND_OF_RULE:
            continue
        if timed:
            start_ms, end_ms = span_time(cue, issue.span.start, issue.span.end)
            begin, end = (start_ms - cue.start_ms) / duration, (end_ms - cue.start_ms) / duration
        else:
            begin, end = issue.span.start / length, issue.span.end / length
        marks.append(Mark(_unit(begin), _unit(end), KIND_OF_RULE[issue.rule]))
    return tuple(marks)


def _unit(value: float) -> float:
    return max(0.0, min(1.0, value))
