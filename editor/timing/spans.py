"""Spans between anchors: the words the recogniser did not confirm, and the audio they must lie in.

Each span becomes one small alignment job. Where a `--` gap or the file's edge falls inside a span (or a
sentence boundary, when the span has far more time than its words need), the job may absorb unheard speech
there, so the words around it keep their own length. A span with too little time for its words (a passage
cut from the programme) is not aligned: its words are unheard, and sit at one instant instead of being
stretched over speech that is not theirs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass

from editor.core.model import Word
from editor.timing.anchors import MIN_PHONE_MS, PHONE_SLACK_MS, Anchor
from editor.timing.recognize import GARBAGE, HeardWord
from editor.timing.script import Script

UNHEARD = None  # an item where speech the transcript lacks may be absorbed
# A span with this much more time than its words need may hold untranscribed speech between sentences too.
ROOM_FACTOR = 1.5
ROOM_MS = 1500
CUT_EDGE_MIN_PHONES = 5  # words heard at the edge of a cut keep their place if this long (a second look's single word)


@dataclass(frozen=True)
class Span:
    """Tokens first..last-1 (with UNHEARD slots) to place between start_ms and end_ms."""

    first: int
    last: int
    start_ms: int
    end_ms: int
    items: tuple[str | None, ...]
    needed_ms: int = 0  # the least time its words take to say

    @property
    def has_room(self) -> bool:
        """The span's audio is long enough to hold its words."""
        return self.end_ms - self.start_ms >= self.needed_ms


def plan_spans(
    script: Script, gap_before: set[int], anchors: Sequence[Anchor], duration_ms: int, phones_before: Sequence[int],
) -> list[Span]:
    """One span for each run of unanchored tokens, including before the first and after the last anchor.

    `gap_before` holds the tokens that a `--` gap precedes (see gap_boundaries); `phones_before[k]` counts
    the phones of tokens 0..k-1.
    """
    sentence_starts = set(script.sentence_starts)
    token_ms = sum(anchor.end_ms - anchor.start_ms for anchor in anchors) / max(len(anchors), 1)
    limits = [Anchor(-1, 0, 0), *anchors, Anchor(len(script.tokens), duration_ms, duration_ms)]
    spans = []
    for left, right in itertools.pairwise(limits):
        first, last = left.token + 1, right.token
        if first >= last and last not in gap_before:
            continue
        items: list[str | None] = [UNHEARD] if left.token < 0 else []
        roomy = right.start_ms - left.end_ms > ROOM_FACTOR * (last - first) * token_ms + ROOM_MS
        for index in range(first, last):
            at_sentence = roomy and index in sentence_starts and (index > first or left.token >= 0)
            if (index in gap_before or at_sentence) and items[-1:] != [UNHEARD]:
                items.append(UNHEARD)
            items.append(script.tokens[index])
        if (last in gap_before or right.token >= len(script.tokens)) and items[-1:] != [UNHEARD]:
            items.append(UNHEARD)
        needed = (phones_before[last] - phones_before[first]) * MIN_PHONE_MS - PHONE_SLACK_MS
        spans.append(Span(first, last, left.end_ms, max(left.end_ms, right.start_ms), tuple(items), needed))
    return spans


def gap_boundaries(script: Script, words: Sequence[Word]) -> set[int]:
    """Token indices that a `--` gap immediately precedes."""
    boundaries = set()
    next_token = 0
    for index, word in enumerate(words):
        tokens = script.word_tokens[index]
        if tokens:
            next_token = tokens.stop
        elif word.is_gap:
            boundaries.add(next_token)
    return boundaries


def span_times(
    span: Span, placed: list[HeardWord] | None, fill: Callable[[Span], dict[int, tuple[int, int]]],
    beside_the_cut: Callable[[Span], dict[int, tuple[int, int]]] = lambda _: {},
) -> dict[int, tuple[int, int, bool]]:
    """Token index -> (start_ms, end_ms, placed) inside the span.

    Tokens the aligner left out sit at the end of the token before them; if the whole span failed, `fill`
    puts its tokens on the span's speech (see fallback.py), or, when it has no room for them, those said
    on either side of the cut keep where they were heard (`beside_the_cut`, placed) and the rest sit where
    the cut is (unheard), at the span's start if none was heard. The others are marked as not placed.
    """
    if placed is None and not span.has_room:
        kept = beside_the_cut(span)
        cut = max((end for _, end in kept.values()), default=span.start_ms)
        return {index: (*kept[index], True) if index in kept else (cut, cut, False)
                for index in range(span.first, span.last)}
    if placed is None:
        return {index: (start, end, False) for index, (start, end) in fill(span).items()}
    times: dict[int, tuple[int, int, bool]] = {}
    index, cursor = span.first, span.start_ms
    for word in placed:
        if word.token == GARBAGE:
            continue
        while index < span.last and _token_at(span, index) != word.token:
            times[index] = (cursor, cursor, False)
            index += 1
        if index < span.last:
            times[index] = (word.start_ms, word.end_ms, True)
            cursor, index = word.end_ms, index + 1
    for rest in range(index, span.last):
        times[rest] = (cursor, cursor, False)
    return times


def heard_beside_the_cut(
    span: Span, heard: Sequence[HeardWord], phones: Sequence[int], sentence_starts: Container[int],
) -> dict[int, tuple[int, int]]:
    """Token index -> (start_ms, end_ms) of the span's first words, up to the end of their sentence, that the
    recogniser heard in order from its start (`heard`: the words heard inside it, in time order; `phones[k]`:
    token k's phones), when the span has no room for all its words: a passage cut from the programme leaves
    the words said before the cut in the audio ("... a very strong relationship." before a cut, the next
    sentence's first word searched for its pause from the span's start: 0.8 s early, on "relationship").
    Enough of them to be no chance, as a single word heard on a second look anchors (CUT_EDGE_MIN_PHONES)."""
    kept: dict[int, tuple[int, int]] = {}
    index = span.first
    for word in heard:
        if index >= span.last or index in sentence_starts or word.token != _token_at(span, index):
            break
        kept[index] = (word.start_ms, word.end_ms)
        index += 1
    return kept if sum(phones[token] for token in kept) >= CUT_EDGE_MIN_PHONES else {}


def _token_at(span: Span, index: int) -> str:
    return [item for item in span.items if item is not None][index - span.first]


def unheard_speech(span: Span, placed: list[HeardWord] | None) -> dict[int, tuple[int, int]]:
    """Token index -> (start_ms, end_ms) of the speech absorbed just before that token (a gap's audio)."""
    found: dict[int, tuple[int, int]] = {}
    index = span.first
    for word in placed or ():
        if word.token != GARBAGE:
            index += 1
        elif index in found:
            found[index] = (found[index][0], word.end_ms)
        else:
            found[index] = (word.start_ms, word.end_ms)
    return found
