"""A sentence opens after the pause that parts it from the sentence before, not on that sentence's last words.

Where the sentence before ends in words the audio does not bear out (swapped or misheard), the aligner
gives their sound to the next sentence's first words, and puts the pause between the two sentences inside
the next one ("But the | real solution": a caption 1-2 s early, over the end of the sentence before). The
words of a sentence up to the first one the recogniser heard are said after the longest pause before that
word; those the aligner put earlier, running on from the speech before them with no pause of their own
(the aligner gave them none either), are spread after it, by their phones. A pause after which they have no
room to be said, even fast, is one inside the sentence (a phrase split): they stay.

Likewise a sentence's first words heard too few to be more than chance, and either far before the rest of
it with speech between that a pause inside a sentence cannot explain ("exacerbate. The" heard where an
insert right after that sentence opens with "We": "The sectarian." 6 s early), or on the time the sentence
before needed for its last words and then a pause ("The" heard in "it's because.", the words between
squeezed faster than anyone speaks: "The Iraqi Government" 1.1 s early), lead into the rest of the
sentence, after the longest pause within their reach of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Container, Sequence

from editor.timing.anchors import MAX_PAUSE_IN_RUN_MS, MIN_PHONE_MS, MIN_RUN, MIN_RUN_PHONES, SLOW_PHONE_MS, longest_ms
from editor.timing.gaps import FOREIGN_PAUSE_MS, Onsets

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


def open_after_the_insert(
    sentences: Sequence[range], times: Times, unheard: Container[int], phones: Sequence[int], onsets: Onsets,
    absorbed: Times,
) -> None:
    """Move each sentence's opening words that nobody heard, put running on from speech the transcript lacks
    that the aligner absorbed right before them (an insert), to after the first pause that ends that speech.

    The aligner stops absorbing an insert where its last words sound like the sentence's first ones, and
    gives them those words ("And they've" on an insert's last second, then the insert's pause, then the
    sentence: a caption 1 s early). A sentence is said after a pause, not running on from an insert; the
    words move only as far as the first word after the pause that leaves them room to be said even fast,
    and never past a word that was heard. `absorbed` (the speech absorbed before each token) now ends at
    that pause."""
    for tokens in sentences:
        first = tokens.start
        if first not in absorbed or first not in unheard or not onsets.speech_frames(*absorbed[first]).any():
            continue
        start = times[first][0]
        if onsets.quiet(max(0, start - RUN_ON_MS), start):
            continue
        limit = next((k for k in tokens if k not in unheard), tokens.stop)
        latest = times[limit][0] if limit in times else times[tokens.stop - 1][1]
        onset = next(iter(onsets.after_pauses(start, latest, FOREIGN_PAUSE_MS)), None)
        if onset is None:
            continue
        roomy = (k for k in range(first + 1, limit) if times[k][0] - onset >= sum(phones[first:k]) * MIN_PHONE_MS
                 and times[k][0] >= onset)
        following = next(roomy, None)
        if following is None:
            continue
        _spread(range(first, following), phones, onset, times[following][0], times)
        absorbed[first] = (absorbed[first][0], onset)


def lead_stray_openings_in(
    sentences: Sequence[range], times: Times, anchored: Container[int], phones: Sequence[int], onsets: Onsets,
) -> None:
    """Move each sentence's first heard words that are too few to be more than chance and too far before the
    rest of its heard words to be said with them (with speech between), or heard on the time the sentence
    before needed for its last words, to lead into the rest."""
    for number, tokens in enumerate(sentences):
        heard = [k for k in tokens if k in anchored]
        stole = number > 0 and _squeezed_before(sentences[number - 1], times, anchored, phones)
        parted = _parted(heard, times, phones, stole)
        if parted is None:
            continue
        stray, rest = heard[: parted + 1], heard[parted + 1]
        chance = heard_by_chance(stray, phones)
        said_apart = stole or onsets(times[stray[-1]][1], times[rest][0] - ONSET_SLACK_MS) is not None
        if not (chance and said_apart):
            continue
        opening = range(tokens.start, rest)
        reach = sum(phones[tokens.start: rest]) * SLOW_PHONE_MS + MAX_PAUSE_IN_RUN_MS
        search_from = max(times[tokens.start - 1][1] if tokens.start else 0, times[rest][0] - reach)
        onset = onsets.after_longest_pause(search_from, times[rest][0] + ONSET_SLACK_MS, SENTENCE_PAUSE_MS)
        if onset is not None and onset > times[stray[-1]][1]:
            _spread(opening, phones, min(onset, times[rest][0]), times[rest][0], times)


def heard_by_chance(heard: Collection[int], phones: Sequence[int]) -> bool:
    """Tokens heard too few to be more than chance: as few as a run too short to anchor on its own."""
    return len(heard) <= MIN_RUN and sum(phones[token] for token in heard) < MIN_RUN_PHONES


def _parted(heard: Sequence[int], times: Times, phones: Sequence[int], stole: bool) -> int | None:
    """Where the heard words of a sentence part (the index of the last before the gap): the first gap longer
    than the words between take to say, or, where the first heard words `stole` the sentence before's time,
    a pause right after them."""
    for n, (low, high) in enumerate(itertools.pairwise(heard)):
        gap = times[high][0] - times[low][1]
        if gap > longest_ms(sum(phones[low + 1: high])) or (stole and n == 0 and gap >= SENTENCE_PAUSE_MS):
            return n
    return None


def _squeezed_before(sentence: range, times: Times, anchored: Container[int], phones: Sequence[int]) -> bool:
    """The sentence's last words after its last heard one were put in less time than they take even said
    fast: the next sentence's first heard words took their time."""
    last_heard = next((k for k in reversed(sentence) if k in anchored), None)
    if last_heard is None or last_heard + 1 == sentence.stop:
        return False
    room = times[sentence.stop][0] - times[last_heard][1]
    return room < sum(phones[last_heard + 1: sentence.stop]) * MIN_PHONE_MS


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
