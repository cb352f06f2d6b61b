"""A sentence the recogniser never heard, put inside speech the transcript lacks, goes beside that speech.

Between two heard sentences the aligner may absorb an insert (speech or music the transcript lacks). A short
sentence nobody heard then has no evidence of its own, and the aligner put it on whatever fitted best: the
middle or the end of the insert, running on from its words with no onset of its own (a caption 5-8 s early or
late). Such a sentence was said either before the insert, after the pause that ends the sentence before it,
or after the insert, before the pause that opens the next one. Its own speech is the stretch on that side
whose length its phones fit (at the speaker's pace): an insert is seconds long, a short sentence is not. The
stretch the aligner put it in is weighed too: it may have put the sentence late on its own speech, whose end
runs into the next sentence's with too short a pause to count as a side.
The first sentence, with only the media's start before it, goes likewise beside an intro the transcript
lacks (there the recogniser hears a short word of it by chance: "him" put "From him." 2.4 s early).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from editor.timing.chunks import FRAME_MS
from editor.timing.gaps import Onsets

Times = dict[int, tuple[int, int]]
# A pause this long parts an insert from a sentence (the edit that joined them): a sentence with speech closer
# before it runs on from that speech.
SEGMENT_PAUSE_MS = 300
INSERT_MS = 1000  # this much speech beside a sentence's own is speech the transcript lacks
SENTENCE_PAUSE_MS = 100  # speech with less quiet before the next sentence (or after the last) is that sentence's


def move_beside_inserts(
    sentences: Sequence[range], times: Times, unheard: set[int], speech_ms: dict[int, float], onsets: Onsets,
    absorbed: Times,
) -> None:
    """Each sentence (its tokens) none of whose words was heard, placed running on from speech (or at the
    media's very start, where no pause of its own can lie before it), between neighbours with a second or
    more of speech beside its own, moves to the side whose speech it fits.

    `unheard` holds the tokens heard nowhere near where they were put; `speech_ms[k]` is how long token k
    takes to say at the speaker's pace; `absorbed` (the speech the aligner absorbed before each token) is
    kept true: the insert now lies on the sentence's other side. The first sentence's side before lies at 0."""
    for number, tokens in enumerate(sentences):
        if number + 1 == len(sentences) or not set(tokens) <= unheard:
            continue
        start, end = times[tokens.start][0], times[tokens.stop - 1][1]
        before, after = times[tokens.start - 1][1] if number else 0, times[tokens.stop][0]
        needed = sum(speech_ms[token] for token in tokens)
        runs_on = onsets.speech_frames(max(0, start - SEGMENT_PAUSE_MS), start).any() or start < SEGMENT_PAUSE_MS
        if end <= start or not runs_on or _loud_ms(onsets, before, after) < needed + INSERT_MS:
            continue
        stretches = [(low, high) for low, high in _stretches(onsets, before, after)
                     if low >= before + SENTENCE_PAUSE_MS and high <= after - SENTENCE_PAUSE_MS]
        holding = [(low, high) for low, high in _stretches(onsets, before, after) if low <= start][-1:]
        if not stretches:  # no side with a pause of its own: the stretch holding it has nothing to be weighed against
            continue
        sides = stretches[:1] + stretches[-1:] + holding
        best = min(sides, key=lambda side: abs(math.log(max(_loud_ms(onsets, *side), FRAME_MS) / max(needed, 1))))
        shift = best[0] - start
        for token in tokens:
            times[token] = (times[token][0] + shift, min(times[token][1] + shift, max(best[1], end + shift)))
        new_end = times[tokens.stop - 1][1]
        absorbed.pop(tokens.start, None)
        absorbed.pop(tokens.stop, None)
        if best == stretches[0]:
            absorbed[tokens.stop] = (new_end, after)
        else:
            absorbed[tokens.start] = (before, best[0])


def _stretches(onsets: Onsets, before: int, after: int) -> list[tuple[int, int]]:
    """(start_ms, end_ms) of each stretch of speech between `before` and `after` that pauses of
    SEGMENT_PAUSE_MS part."""
    loud = np.flatnonzero(onsets.speech_frames(before, after))
    parts = np.split(loud, np.flatnonzero(np.diff(loud) > SEGMENT_PAUSE_MS // FRAME_MS) + 1) if len(loud) else []
    return [(before + int(part[0]) * FRAME_MS, before + (int(part[-1]) + 1) * FRAME_MS) for part in parts]


def _loud_ms(onsets: Onsets, start: int, end: int) -> int:
    return int(onsets.speech_frames(start, end).sum()) * FRAME_MS
