"""Anchors: transcript tokens the recogniser heard, in order, at a time it measured.

A run of two or more tokens heard in transcript order is unlikely by chance, so such runs become anchors;
single matches are left to the aligner. Runs must then agree with each other: increasing in transcript
order and in time, with enough time between two runs for the words between them to be spoken. The chain
of runs holding the most tokens under those rules wins, which drops runs matched in untranscribed speech
or on a phrase the transcript repeats ("the real solution ... the real solution"). A chain may also jump
over transcript words that have no time to be spoken (a passage cut from the programme), at the price of
SKIP_PENALTY tokens: more than a run heard by chance earns, far less than the rest of a programme.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Container, Sequence
from typing import NamedTuple, TypeVar

import numpy as np

from editor.timing.recognize import HeardWord

Phones = TypeVar("Phones", int, np.ndarray)  # one count, or one per run (consistent_chain weighs runs at once)

MIN_RUN = 2
MIN_RUN_PHONES = 8
MIN_PHONE_MS = 55  # the least time a phone between two runs can take (fast speech)
PHONE_SLACK_MS = 300
PREDECESSORS = 300
MAX_PAUSE_IN_RUN_MS = 1000  # runs looked back at when chaining: keeps an hour of audio quick
SKIP_PENALTY = 6
ORDINARY_PHONE_MS = 75
SLOW_PHONE_MS, PAUSE_IN_SENTENCE_MS = 200, 2500  # slow speech, and a long pause inside a sentence (a phrase split)
REPEAT_REACH = 12  # tokens: how far away a phrase the transcript repeats may be matched instead


class Anchor(NamedTuple):
    """Transcript token number `token` was heard from start_ms to end_ms."""

    token: int
    start_ms: int
    end_ms: int


Run = list[Anchor]


def match_chunk(
    tokens: Sequence[str], first_index: int, heard: Sequence[HeardWord], breaks: Container[int] = (),
) -> list[Run]:
    """Runs of anchors from one chunk, whose recognition could only hear tokens[first_index:].

    A run never crosses a token in `breaks` (one a `--` gap precedes): the unheard words between are
    easily misheard as the next transcript word.
    """
    matcher = difflib.SequenceMatcher(None, list(tokens), [word.token for word in heard], autojunk=False)
    runs: list[Run] = []
    for block in matcher.get_matching_blocks():
        run = [
            Anchor(first_index + block.a + offset, heard[block.b + offset].start_ms, heard[block.b + offset].end_ms)
            for offset in range(block.size)
        ]
        runs.extend(part for part in _split_at_pauses(run, breaks) if len(part) >= MIN_RUN)
    return runs + [repeat for run in runs for repeat in _repeats(run, tokens, first_index, breaks)]


def _repeats(run: Run, tokens: Sequence[str], first_index: int, breaks: Container[int]) -> list[Run]:
    """The run's words heard at the same times, at each other place nearby where the transcript says them
    ("... that is not. That is not."): the matcher takes the first place, the chain picks the one that fits."""
    said = [tokens[anchor.token - first_index] for anchor in run]
    size, at = len(run), run[0].token - first_index
    places = range(max(0, at - REPEAT_REACH), min(len(tokens) - size, at + REPEAT_REACH) + 1)
    return [
        [anchor._replace(token=first_index + place + offset) for offset, anchor in enumerate(run)]
        for place in places
        if place != at and list(tokens[place: place + size]) == said
        and not any(first_index + place + offset in breaks for offset in range(1, size))
    ]


def every_match(tokens: Sequence[str], first_index: int, heard: Sequence[HeardWord]) -> list[Run]:
    """Each heard word as a one-anchor run at every place it could be in tokens[first_index:]; the chain
    picks the places that fit (for a short stretch, where matching in one order could pick the wrong one)."""
    places: dict[str, list[int]] = {}
    for offset, token in enumerate(tokens):
        places.setdefault(token, []).append(first_index + offset)
    return [[Anchor(index, word.start_ms, word.end_ms)] for word in heard for index in places.get(word.token, [])]


def _split_at_pauses(run: Run, breaks: Container[int]) -> list[Run]:
    """A run broken at gaps and where its words are far apart in time (words in a row are said close)."""
    parts: list[Run] = []
    for anchor in run:
        close = parts and anchor.start_ms - parts[-1][-1].end_ms <= MAX_PAUSE_IN_RUN_MS
        if close and anchor.token not in breaks:
            parts[-1].append(anchor)
        else:
            parts.append([anchor])
    return parts


def consistent_chain(
    runs: Sequence[Run], phones_before: Sequence[int], min_phones: int = MIN_RUN_PHONES,
    unbroken: Callable[[int, int], bool] | None = None,
) -> list[Anchor]:
    """Anchors of the chain of runs with the most tokens that is possible in both order and time.

    `phones_before[k]` counts the phones of tokens 0..k-1, to tell how long the words between runs take.
    Two short words ("that is") are heard by chance too often to anchor anything, so a run needs three
    tokens or enough phones. `unbroken(a, b)` tells that tokens a..b belong to one sentence with no `--`
    between them: runs there lie within speaking distance of each other (see _gains).

    Each run weighs its PREDECESSORS runs before it at once (numpy): one pair at a time, the hour's two chains
    took 1.9 s of this process while the workers waited (0.2 s at once).
    """
    strong = (run for run in runs if is_strong(run, phones_before, min_phones))
    ordered = sorted(strong, key=lambda run: (run[0].start_ms, run[0].token))
    arrays = _RunArrays(ordered, phones_before)
    # The best chain ending in each run: its tokens, then the least time the words between its runs lack (negated)
    best_tokens, best_lacking = arrays.size.copy(), np.zeros(len(ordered), dtype=np.int64)
    parent = [-1] * len(ordered)
    for position in range(1, len(ordered)):
        low = max(0, position - PREDECESSORS)
        follows, gains, lacking = _gains(arrays, low, position, unbroken)
        if not follows.any():
            continue
        tokens, lacks = best_tokens[low:position] + gains, best_lacking[low:position] - lacking
        top = tokens[follows].max()
        tied = follows & (tokens == top)
        least_lacking = lacks[tied].max()
        earlier = int(np.flatnonzero(tied & (lacks == least_lacking))[0])  # the first of equals, as one by one
        if (top, least_lacking) > (best_tokens[position], 0):
            best_tokens[position], best_lacking[position], parent[position] = top, least_lacking, low + earlier
    chain: list[Anchor] = []
    position = max(range(len(ordered)), key=lambda n: (best_tokens[n], best_lacking[n], -n), default=-1)
    while position >= 0:
        chain[:0] = ordered[position]
        position = parent[position]
    return chain


def longest_ms(phones: Phones) -> Phones:
    """The longest that words of this many phones take to say: slowly, with a long pause among them."""
    return phones * SLOW_PHONE_MS + PAUSE_IN_SENTENCE_MS


def is_strong(run: Run, phones_before: Sequence[int], min_phones: int = MIN_RUN_PHONES) -> bool:
    """Three tokens, or enough phones that chance is unlikely to have produced the match."""
    return len(run) >= 3 or phones_before[run[-1].token + 1] - phones_before[run[0].token] >= min_phones


class _RunArrays:
    """The runs' first and last tokens and times, and sizes, as arrays (one entry per run)."""

    def __init__(self, runs: Sequence[Run], phones_before: Sequence[int]) -> None:
        self.phones_before = np.asarray(phones_before, dtype=np.int64)
        self.first_token = np.array([run[0].token for run in runs], dtype=np.int64)
        self.first_start = np.array([run[0].start_ms for run in runs], dtype=np.int64)
        self.last_token = np.array([run[-1].token for run in runs], dtype=np.int64)
        self.last_end = np.array([run[-1].end_ms for run in runs], dtype=np.int64)
        self.size = np.array([len(run) for run in runs], dtype=np.int64)


def _gains(runs: _RunArrays, low: int, position: int, unbroken: Callable[[int, int], bool] | None = None,
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each of runs low..position-1: whether run `position` comes after it in both transcript and time, the
    tokens it then adds, and how much less time there is between the two than the words between take at an
    ordinary pace (of two chains with as many tokens, the one whose words have time to be said is right).

    A run adds all its tokens when the words between fit in the time between, less SKIP_PENALTY when they
    do not (they are taken as cut from the audio) or when both runs lie in one stretch of a sentence
    (`unbroken`) further apart than its words between take to say even slowly with a pause: speech the
    transcript lacks has a `--` or a sentence's end beside it, so one of the runs was likely heard in other
    speech (a phrase the transcript says twice, heard in an insert 6 s on: "think it's in").
    """
    earlier = slice(low, position)
    token, last_tokens = runs.first_token[position], runs.last_token[earlier]
    time_between = runs.first_start[position] - runs.last_end[earlier]
    phones_between = runs.phones_before[token] - runs.phones_before[last_tokens + 1]
    follows = (last_tokens < token) & (time_between >= -PHONE_SLACK_MS)
    far = follows & (time_between > longest_ms(phones_between))
    for index in np.flatnonzero(far):
        far[index] = unbroken is not None and unbroken(int(last_tokens[index]), int(token))
    fits = (time_between >= phones_between * MIN_PHONE_MS - PHONE_SLACK_MS) & ~far
    gains = np.where(fits, runs.size[position], runs.size[position] - SKIP_PENALTY)
    return follows, gains, np.maximum(0, phones_between * ORDINARY_PHONE_MS - time_between)
