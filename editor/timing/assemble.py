"""Fold token times back onto the document's words: confidences, sentence starts, and gaps.

Alignment works on tokens; the document has words ("40" is one word, "forty" one token; "--" a word
without tokens). Each word spans its tokens and averages their confidence; words without tokens take the
unheard speech where they stand (see gaps.py).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np

from editor.core.model import LOW_CONFIDENCE, Word
from editor.timing.anchors import MAX_PAUSE_IN_RUN_MS, Anchor
from editor.timing.beside_inserts import move_beside_inserts
from editor.timing.chunks import FRAME_MS
from editor.timing.confidence import HEARD, UNPLACED, HeardTimeline, placed_support
from editor.timing.fallback import fill_failed_span
from editor.timing.gaps import FOREIGN_PAUSE_MS, FOREIGN_SPEECH_MS, PHRASE_PAUSE_MS, Onsets, place_untimed
from editor.timing.recognize import GARBAGE, HeardWord
from editor.timing.script import Script
from editor.timing.sentence_pauses import (
    heard_by_chance,
    lead_stray_openings_in,
    open_after_the_insert,
    open_after_the_pause,
)
from editor.timing.spans import Span, heard_beside_the_cut, span_times, unheard_speech
from editor.timing.word_onsets import Rises

QUIET_START_MS = 80  # a sentence's first word that starts with this much quiet starts too early
MIN_WORD_MS = 100  # a sentence's first word placed shorter than this was squeezed in by the aligner
SENTENCE_PAUSE_MS = 100  # the least pause before a sentence that its first word may be moved after
ONSET_SLACK_MS = 60
SHORT_WORD_PHONES = 2
SHORT_WORD_FLOOR = LOW_CONFIDENCE
DEFAULT_PHONE_MS = 60.0  # the pace (speech frames per phone) when nothing was heard to measure it by

Times = dict[int, tuple[int, int]]


def timed_words(
    words: Sequence[Word], script: Script, pronunciations: dict[str, list[str]], anchors: Sequence[Anchor],
    placements: Sequence[tuple[Span, list[HeardWord] | None]], heard: Sequence[HeardWord], onsets: Onsets,
    rises: Rises,
) -> tuple[list[Word], list[tuple[int, int]]]:
    """Every word timed with a confidence, and the audio spans of the `--` gaps."""
    times: Times = {anchor.token: (anchor.start_ms, anchor.end_ms) for anchor in anchors}
    confidence: dict[int, float] = dict.fromkeys(times, HEARD)
    unheard: Times = {}
    timeline = HeardTimeline(heard)
    phones = [len(pronunciations[token][0].split()) for token in script.tokens]
    phone_ms = _phone_ms(anchors, phones, onsets)
    after_gap = {token for token, word in enumerate(script.owner) if word > 0 and words[word - 1].is_gap}
    sentence_starts = set(script.sentence_starts)
    sentence_ends = {start - 1 for start in sentence_starts}
    unsupported: set[int] = set()

    def fill(span: Span) -> Times:
        times, gap_speech = fill_failed_span(span.items, span.first, (span.start_ms, span.end_ms),
                                             phones[span.first: span.last], phone_ms, onsets, after_gap, sentence_ends)
        unheard.update(gap_speech)
        return times

    def beside_the_cut(span: Span) -> Times:
        return heard_beside_the_cut(span, timeline.overlapping(span.start_ms, span.end_ms), phones, sentence_starts)

    for span, placed in placements:
        outcome = None if _unheard_at_the_start(span, placed, timeline, pronunciations, onsets) else placed
        unheard.update(unheard_speech(span, outcome))
        for index, (start, end, was_placed) in span_times(span, outcome, fill, beside_the_cut).items():
            times[index] = (start, end)
            token = script.tokens[index]
            score = placed_support(token, start, end, timeline, pronunciations) if was_placed else UNPLACED
            if score < LOW_CONFIDENCE:
                unsupported.add(index)
            no_audio = not was_placed and start == end  # unheard: no floor for short words either
            confidence[index] = score if no_audio else _floored(script.tokens[index], score, pronunciations)
    anchored = {anchor.token for anchor in anchors}
    _lead_into_the_next_sentence(script, times, anchored, after_gap, unheard, onsets)
    bounds = [*script.sentence_starts, len(script.tokens)]
    sentences = [range(first, following) for first, following in itertools.pairwise(bounds)]
    speech_ms = {token: count * phone_ms for token, count in enumerate(phones)}
    # A sentence with a `--` in it is the gap's to place (gaps.py): its words after the gap count as heard here.
    unheard_here = unsupported - after_gap
    if heard_by_chance(anchored.intersection(sentences[0]), phones):  # an intro the transcript lacks is heard as
        unheard_here |= set(sentences[0])  # any words by chance, and a short first sentence's few anchor by it
    move_beside_inserts(sentences, times, unheard_here, speech_ms, onsets, unheard)
    open_after_the_insert(sentences, times, unheard_here, phones, onsets, unheard)
    open_after_the_pause(sentences, times, anchored, phones, onsets)
    lead_stray_openings_in(sentences, times, anchored, phones, onsets)
    _start_sentences_at_speech(script, times, anchored, onsets, unheard, speech_ms, after_gap)
    _start_where_heard(times, rises)
    timed = [_timed_word(word, script.word_tokens[n], times, confidence) for n, word in enumerate(words)]
    boundaries = [tokens.start for tokens in script.word_tokens] + [len(script.tokens)]
    return place_untimed(words, timed, boundaries, unheard, onsets)


def _unheard_at_the_start(
    span: Span, placed: Sequence[HeardWord] | None, heard: HeardTimeline, pronunciations: dict[str, list[str]],
    onsets: Onsets,
) -> bool:
    """The aligner put the words before the first anchor at the start of the media, on sound the
    recogniser heard none of them in (an untranscribed intro it did not absorb), far before that anchor with
    speech between: they go on the speech just before the anchor instead, as a failed span's words do."""
    said = [word for word in placed or [] if word.token != GARBAGE]
    if span.first > 0 or not said:
        return False
    far = span.end_ms - said[-1].end_ms > MAX_PAUSE_IN_RUN_MS
    unheard = all(placed_support(word.token, word.start_ms, word.end_ms, heard, pronunciations) < LOW_CONFIDENCE
                  for word in said)
    return far and unheard and onsets(said[-1].end_ms, span.end_ms - ONSET_SLACK_MS) is not None


def _phone_ms(anchors: Sequence[Anchor], phones: Sequence[int], onsets: Onsets) -> float:
    """The speaker's pace: milliseconds of speech frames per phone over the words the recogniser heard (the
    quiet frames inside words do not count, as the fallback counts only speech frames)."""
    spoken = sum(phones[anchor.token] for anchor in anchors)
    loud = sum(int(onsets.speech_frames(anchor.start_ms, anchor.end_ms).sum()) for anchor in anchors)
    return loud * FRAME_MS / spoken if spoken and loud else DEFAULT_PHONE_MS


def _floored(token: str, score: float, pronunciations: dict[str, list[str]]) -> float:
    """Short words ("the", "a", "to") are swallowed by fast speech and skipped by the recogniser whether
    or not they were said, so missing evidence cannot tell against them: they are never flagged alone."""
    if len(pronunciations[token][0].split()) <= SHORT_WORD_PHONES:
        return max(score, SHORT_WORD_FLOOR)
    return score


def _start_sentences_at_speech(
    script: Script, times: Times, anchored: set[int], onsets: Onsets, absorbed: Times, speech_ms: dict[int, float],
    after_gap: set[int],
) -> None:
    """A sentence's first word starts where speech resumes after the longest pause before the next word.

    Only suspects move (an anchored word was timed by the recogniser): a word starting in quiet, one
    squeezed shorter than a word can be said, one after an unconfirmed word, since a misheard word before a
    sentence lends the aligner audio to put the sentence's first word in, and one stranded far before the
    next word (see _stranded): that one starts after the longest pause shortly before the next word. The
    longest pause may be one inside the sentence (a phrase split after its first word): a word after an
    unconfirmed one that the aligner put where speech resumes after a pause only starts at that onset, and
    the pause after the word before counts whole, from where its speech stops (the aligner may end that word
    inside the pause, on a soft last sound under the noise: "deserves. | Secretary | Kerry", 1.0 s late). It
    never moves across speech the transcript lacks that the aligner absorbed beside it (`absorbed`: the
    unheard speech before each token): that is an insert, not the sentence's own speech; nor onto or across
    the speech of a `--` right after it, whatever its length: the gap's words were said after it ("ABC's --
    Mark Clark": in noise the search ran on to a pause among them, 1.3 s late). Where the noise lets no onset
    through, a word squeezed in before the pause that parts the sentences leads into the next word (see
    _pause_misplaced). A one-word sentence goes on the stretch of speech its length fits (see
    _fitting_onset), absorbed or not (the aligner may have absorbed its own speech with an insert's), and
    shares it with its `--` if it opens with one. A word the aligner put after a pause of its own (not running on
    from the word before) never moves past all of its sound: a longer pause after it is one inside its sentence
    ("them. | But | we need": the phrase split after "But" taken for the pause before it, 0.6 s late).
    """
    starts = set(script.sentence_starts)
    foreign = _foreign_speech(absorbed, onsets)
    for index in script.sentence_starts:
        if index in anchored or index + 1 not in times or index - 1 not in times:
            continue
        start, end = times[index]
        gap_after = index + 1 in after_gap  # the speech absorbed there is the gap's words, said after this one
        next_start = min(times[index + 1][0], (absorbed if gap_after else foreign).get(index + 1, times[index + 1])[0])
        squeezed = end - start < MIN_WORD_MS
        stranded = _stranded(script, index, (end, next_start), onsets)
        own_onset = None if index - 1 in anchored else _onset_at(onsets, start)
        after_unconfirmed = index - 1 not in anchored and own_onset is None
        if not (stranded or squeezed or after_unconfirmed or onsets.quiet(start, start + QUIET_START_MS)):
            if own_onset is not None:
                times[index] = (own_onset, max(end, own_onset))
            continue
        if index + 1 in starts:  # a one-word sentence ("Two.") is said before the pause that opens the next
            next_start = times[index + 1][0]  # on whichever stretch its length fits, absorbed or not
            said_by = next_start - MIN_WORD_MS - SENTENCE_PAUSE_MS
            onset = _fitting_onset(onsets, (times[index - 1][1], said_by), speech_ms[index])
            if onset is not None and index in after_gap:
                _after_its_gap(index, onset, said_by, times, absorbed, onsets, speech_ms[index])
                continue
        else:
            search_from = max(onsets.quiet_since(*times[index - 1]),  # the whole pause after the word before
                              next_start - MAX_PAUSE_IN_RUN_MS if stranded else 0,
                              _after_foreign(foreign.get(index), onsets))
            search_to = next_start if gap_after else next_start + ONSET_SLACK_MS  # not the gap's own onset
            onset = onsets.after_longest_pause(search_from, search_to, SENTENCE_PAUSE_MS)
        if onset is None and squeezed and _pause_misplaced(times, index, next_start, speech_ms[index], onsets):
            onset = next_start - round(speech_ms[index])
        if onset is not None and onset > end and not (squeezed or stranded) and _own_pause(times, index):
            continue  # a pause after all its sound, where the aligner gave it a pause of its own, is its sentence's
        if onset is not None:
            onset = min(onset, next_start)
            times[index] = (onset, max(min(end, next_start), onset))


def _own_pause(times: Times, index: int) -> bool:
    """The aligner put token `index` after a pause of its own, apart from the word before."""
    return times[index][0] - times[index - 1][1] >= SENTENCE_PAUSE_MS


def _onset_at(onsets: Onsets, start: int) -> int | None:
    """The onset after a pause of SENTENCE_PAUSE_MS or more that `start` lies at (within ONSET_SLACK_MS)."""
    onset = onsets.after_longest_pause(max(0, start - ONSET_SLACK_MS - SENTENCE_PAUSE_MS), start + ONSET_SLACK_MS,
                                       SENTENCE_PAUSE_MS)
    return onset if onset is not None and abs(onset - start) <= ONSET_SLACK_MS else None


def _after_its_gap(
    index: int, onset: int, latest: int, times: Times, absorbed: Times, onsets: Onsets, said_ms: float,
) -> None:
    """A one-word sentence opening with `--` ("-- for.") shares its stretch of speech from `onset` with the
    gap: the gap's unheard words open it, the word ends it."""
    stretch_end = min(onsets.pause_after(onset, latest, PHRASE_PAUSE_MS), latest)
    word_start = min(max(onset, stretch_end - round(said_ms)), stretch_end)
    absorbed[index] = (onset, word_start)
    times[index] = (word_start, max(stretch_end, word_start))


def _fitting_onset(onsets: Onsets, between: tuple[int, int], said_ms: float) -> int | None:
    """Where a one-word sentence starts between the sentences around it: at the start of the stretch of
    speech (parted from others by pauses of PHRASE_PAUSE_MS) its length fits best, the later of two that fit
    alike; with no such pause, after the last shorter one. Its own short stretch, not the last of an insert
    said between it and the next sentence ("Two." then an insert: the last onset before the next sentence
    put it 4.8 s late)."""
    low, high = between
    found = onsets.after_pauses(low, high, PHRASE_PAUSE_MS)
    if not found:
        return onsets.last_after_pause(low, high, SENTENCE_PAUSE_MS)

    def misfit(onset: int) -> float:
        stretch_end = onsets.pause_after(onset, high + MAX_PAUSE_IN_RUN_MS, PHRASE_PAUSE_MS)
        loud_ms = int(onsets.speech_frames(onset, stretch_end).sum()) * FRAME_MS
        return abs(math.log(max(loud_ms, FRAME_MS) / max(said_ms, FRAME_MS)))

    return min(reversed(found), key=misfit, default=None)


def _pause_misplaced(times: Times, index: int, next_start: int, said_ms: float, onsets: Onsets) -> bool:
    """A sentence's first word (`index`) put with no pause after the sentence before, and before a quiet gap
    ahead of its own next word that holds both the word (`said_ms` at the speaker's pace) and a pause before
    it: the pause between the sentences is that gap (the noise let no onset through), and the word leads
    into the next one."""
    start, end = times[index]
    runs_on = start - times[index - 1][1] < SENTENCE_PAUSE_MS
    return runs_on and next_start - end >= said_ms + SENTENCE_PAUSE_MS and onsets.quiet(end, next_start)


def _start_where_heard(times: Times, rises: Rises) -> None:
    """Each token said after a pause starts where its sound rises out of that pause (see word_onsets.py),
    keeping a frame of its own."""
    previous_end = 0
    for index in sorted(times):
        start, end = times[index]
        if start < end:
            times[index] = (min(rises.start_after_pause(start, previous_end), max(start, end - FRAME_MS)), end)
        previous_end = max(previous_end, end)


def _lead_into_the_next_sentence(
    script: Script, times: Times, anchored: set[int], after_gap: set[int], absorbed: Times, onsets: Onsets,
) -> None:
    """A sentence opening with `--` that the aligner put between two stretches of speech the transcript lacks
    (on a word an insert says too) moves, unheard, to end where speech last stops before the next sentence:
    a `--` that opens a sentence stands for words said after such speech, leading into the sentence's own
    (see gaps._gap_speech), so the sentence sits at one end of the stretch, never inside it."""
    foreign = _foreign_speech(absorbed, onsets)
    bounds = [*script.sentence_starts, len(script.tokens)]
    for first, following in itertools.pairwise(bounds):
        own = range(first, following)
        if first not in after_gap or first not in foreign or following not in foreign or anchored.intersection(own):
            continue
        stretch_start, stretch_end = foreign[following]
        loud = np.flatnonzero(onsets.speech_frames(stretch_start, stretch_end))
        speech_end = stretch_start + (int(loud[-1]) + 1) * FRAME_MS if len(loud) else stretch_start
        shift = speech_end - times[following - 1][1]
        if shift <= 0:
            continue
        for token in own:
            times[token] = (times[token][0] + shift, times[token][1] + shift)
        absorbed[first] = (absorbed[first][0], times[first][0])
        absorbed[following] = (speech_end, stretch_end)


def _foreign_speech(absorbed: Times, onsets: Onsets) -> Times:
    """The unheard stretches with too much speech in them to be a misheard word or two: speech the
    transcript lacks (an insert)."""
    return {
        token: (start, end) for token, (start, end) in absorbed.items()
        if int(onsets.speech_frames(start, end).sum()) * FRAME_MS >= FOREIGN_SPEECH_MS
    }


def _after_foreign(stretch: tuple[int, int] | None, onsets: Onsets) -> int:
    """Where a sentence's first word may start at the earliest after foreign speech absorbed before it: the
    pause that ends that speech (the aligner may have absorbed the sentence's first sounds too), else the
    stretch's end."""
    if stretch is None:
        return 0
    resumes = onsets.last_after_pause(*stretch, FOREIGN_PAUSE_MS)
    return stretch[1] if resumes is None else resumes - FOREIGN_PAUSE_MS


def _stranded(script: Script, index: int, between: tuple[int, int], onsets: Onsets) -> bool:
    """Token `index` was put at the start of speech the transcript lacks: it ends far before the next word,
    speech starts again between them, and no `--` there stands for it (a quiet stretch is a pause of the
    sentence's own speaker, as after a one-word sentence or a phrase split)."""
    end, next_start = between
    no_gap_between = script.owner[index + 1] - script.owner[index] <= 1
    far = next_start - end > MAX_PAUSE_IN_RUN_MS
    return no_gap_between and far and onsets(end, next_start - ONSET_SLACK_MS) is not None


def _timed_word(word: Word, tokens: range, times: Times, confidence: dict[int, float]) -> Word | None:
    """A word spans its tokens; its confidence is theirs on average. None for a word without tokens."""
    if not tokens:
        return None
    start = min(times[token][0] for token in tokens)
    end = max(times[token][1] for token in tokens)
    score = sum(confidence[token] for token in tokens) / len(tokens)
    return Word(word.text, start, end, round(score, 3))
