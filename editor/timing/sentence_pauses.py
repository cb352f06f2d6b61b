"""A sentence opens after the pause that parts it from the sentence before, not on that sentence's last words.

Where the sentence before ends in words the audio does not bear out (swapped or misheard), the aligner
gives their sound to the next sentence's first words, and puts the pause between the two sentences inside
the next one ("But the | real solution": a caption 1-2 s early, over the end of the sentence before). The
words of a sentence up to the first one the recogniser heard are said after the longest pause before that
word; those the aligner put earlier, running on from the speech before them with no pause of their own
(the aligner gave them none either), are spread after it, by their phones. A pause after which they have no
room to be said, even fast, is one inside the sentence (a phrase split): they stay.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from editor.timing.anchors import MIN_PHONE_MS
from editor.timing.gaps import Onsets

Times = dict[int, tuple[int, int]]
SENTENCE_PAUSE_MS = 100  # the least pause between two sentences
RUN_ON_MS = 100  # a word with speech this close before it has no pause of its own
ONSET_SLACK_MS = 60  # how far an onset may lie from where the aligner put the word it starts


def open_after_the_pause(
    sentences: Sequence[range], times: Times, anchored: Container[int], phones: Sequence[int], onsets: Onsets,
) -> None:
    """Move each sentence's (its tokens') opening words that run on from the sentence before to after the
    longest pause before its first anchored word, where they have room to be said."""
    for tokens in sentences[1:]:
        first = tokens.start
        heard = next((k for k in tokens if k in anchored), None)
        if heard is None or heard == first:
            continue
        start, heard_start = times[first][0], times[heard][0]
        if start - times[first - 1][1] >= RUN_ON_MS or onsets.quiet(max(0, start - RUN_ON_MS), start):
            continue
        onset = onsets.after_longest_pause(start, heard_start + ONSET_SLACK_MS, SENTENCE_PAUSE_MS)
        if onset is None or onset <= start + ONSET_SLACK_MS:
            continue
        onset = min(onset, heard_start)
        moved = _with_room(range(first, heard), times, phones, onset, heard_start)
        if moved is not None:
            opening, end = moved
            _spread(opening, phones, onset, end, times)


def _with_room(
    opening: range, times: Times, phones: Sequence[int], onset: int, heard_start: int,
) -> tuple[list[int], int] | None:
    """The opening words to spread after the onset, and where their room ends: those put before it, up to the
    next word's start; where that leaves them too little time to be said even fast, all the words before the
    first heard one, up to it (the aligner squeezed the rest in after the pause). None if those lack the
    time too: the pause is one inside the sentence (a phrase split)."""
    early = [k for k in opening if times[k][0] < onset]
    for tokens, end in ((early, max(onset, times[early[-1] + 1][0])), (list(opening), heard_start)):
        if end - onset >= sum(phones[k] for k in tokens) * MIN_PHONE_MS:
            return tokens, end
    return None


def _spread(tokens: Sequence[int], phones: Sequence[int], start_ms: int, end_ms: int, times: Times) -> None:
    """Consecutive tokens share [start_ms, end_ms] in proportion to their phones."""
    total = max(sum(phones[token] for token in tokens), 1)
    done = 0
    for token in tokens:
        low = start_ms + (end_ms - start_ms) * done // total
        done += phones[token]
        times[token] = (low, start_ms + (end_ms - start_ms) * done // total)
