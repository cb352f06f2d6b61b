"""Auto-sync: give every transcript word a start, an end and a confidence from the programme's audio.

Three steps, each robust to what garbled transcripts do. (1) Recognise the audio chunk by chunk, each chunk
able to hear only the transcript text expected near it, and keep runs of words heard in transcript order as
anchors: anchors come from the audio itself, so they never drift. (2) Place the words between two anchors
with a grammar of exactly those words, where `--` gaps and the edges of the file (and sentence boundaries,
where there is time to spare) may absorb speech the transcript lacks, so neighbours are not stretched over
it; spans whose words do not fit get a second look with their own words only. (3) Score each word by how
much of it the recogniser heard where it was placed: misheard words come out low.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np

from editor.core.model import LOW_CONFIDENCE, Word
from editor.timing.acoustic.listen import Hearing, ListenJob, hear_chunk, init_listener
from editor.timing.anchors import Anchor, consistent_chain, every_match, is_strong, longest_ms, match_chunk
from editor.timing.assemble import timed_words
from editor.timing.chunks import chunk_bounds
from editor.timing.confidence import HeardTimeline, placed_support
from editor.timing.gaps import Onsets
from editor.timing.recognize import (
    GARBAGE,
    ChunkJob,
    HeardWord,
    SpanJob,
    align_span,
    dictionary_text,
    load_dictionary,
    recognize_chunk,
)
from editor.timing.recording import Recording, recording_of
from editor.timing.script import Script, make_script, script_pronunciations
from editor.timing.sentence_edges import sentence_edges
from editor.timing.spans import Span, gap_boundaries, plan_spans, span_times
from editor.timing.speech_likeness import music_frames
from editor.timing.word_onsets import Rises
from editor.timing.workers import MAX_WORKERS, AlignmentCancelled, Progress, Workers

__all__ = ["SAMPLE_RATE", "Alignment", "AlignmentCancelled", "align_recording", "align_words"]

SAMPLE_RATE = 16_000
PARALLEL_FROM_MS = 90_000  # shorter audio is aligned in this process: starting workers would cost more
WINDOW_MARGIN_TOKENS = 160  # how far (in tokens) the text a chunk may hear reaches beyond its estimate
LISTENED_SHARE, RECOGNITION_SHARE, PLACING_SHARE = 0.6, 0.75, 0.9  # where each stage ends on the progress bar
# nats a frame our own aligner's words must gain over the free phone loop for a chunk to keep its hearing; below,
# recognition hears the chunk (as before the own aligner). Some voices fit the model poorly: their words score
# barely above the loop and the path leaves transcript speech to gaps. Tune half, per chunk (sentence openings
# heard within 150 ms of their start): flite rms or kal16 alone 0.57-0.99 (24 of 38 openings, t-mix-shorts),
# slt or awb alone 1.17-2.45 (35 of 37); espeak-ng en-us+f3 0.78-1.64, 4 of 39 chunks below 0.9 (t-espeak-18dB)
FIT_MIN = 0.9
REFINE_MIN_TOKENS = 3  # a span whose words did not fit gets a second look if it is this long...
REFINE_MIN_MS = 1500  # ...and lasts this long
REFINE_MIN_PHONES = 5  # a single word heard on a second look anchors if it is this long (and within reach)
MISPLACED_MIN_PHONES = 6  # a run the first pass heard in a span, placed elsewhere, anchors if it is this long

Placed = list[HeardWord] | None
Job = TypeVar("Job")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Alignment:
    """Every input word timed (gaps included); the audio spans of `--` gaps; whether speech was found; the
    wall seconds each stage took (to see where the time goes)."""

    words: list[Word]
    gap_spans: list[tuple[int, int]]
    speech_found: bool
    stages: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class _Task:
    """One alignment: the audio, the transcript as tokens, and the workers that run recogniser jobs."""

    audio: Recording
    script: Script
    pronunciations: dict[str, list[str]]
    phones_before: list[int]  # phones of tokens 0..k-1
    breaks: set[int]  # tokens a `--` gap precedes
    workers: Workers
    progress: Callable[[float], None] | None
    clock: _Stopwatch

    @property
    def duration_ms(self) -> int:
        return self.audio.duration_ms

    def run(self, work: Callable[[Job], Result], count: int, make_job: Callable[[int], Job], low: float,
            high: float) -> list[Result]:
        """Results of recogniser jobs in order; the jobs are made as workers free up."""
        return self.workers.run(work, count, make_job, Progress(self.progress, low, high, count))

    def unbroken(self, first: int, last: int) -> bool:
        """Tokens first..last belong to one sentence with no `--` gap among them."""
        starts = self.script.sentence_starts
        same = bisect.bisect_right(starts, first) == bisect.bisect_right(starts, last)
        return same and not any(token in self.breaks for token in range(first + 1, last + 1))

    def pcm(self, start_ms: int, end_ms: int) -> bytes:
        return self.audio.pcm_bytes(start_ms, end_ms)

    def plan(self, anchors: list[Anchor]) -> list[Span]:
        return plan_spans(self.script, self.breaks, anchors, self.duration_ms, self.phones_before)

    def place(self, spans: list[Span], low: float, high: float) -> dict[Span, Placed]:
        """Each span's words placed in its audio; None for a span without room for them (not tried)."""
        roomy = [span for span in spans if span.has_room]
        placed = self.run(align_span, len(roomy), lambda n: self._span_job(roomy[n]), low, high)
        found: dict[Span, Placed] = dict.fromkeys(spans)
        found.update(zip(roomy, placed, strict=True))
        return found

    def _span_job(self, span: Span) -> SpanJob:
        return SpanJob(self.pcm(span.start_ms, span.end_ms), span.start_ms, span.items)


def align_words(
    words: Sequence[Word], samples: np.ndarray, sample_rate: int, *,
    progress: Callable[[float], None] | None = None, cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> Alignment:
    """Words timed from float samples in memory (see align_recording)."""
    return align_recording(words, recording_of(_at_recogniser_rate(samples, sample_rate)), progress=progress,
                           cancelled=cancelled, workers=workers)


def align_recording(
    words: Sequence[Word], audio: Recording, *, progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None, workers: int | None = None,
) -> Alignment:
    """Words timed from the audio; with no speech heard the words come back unchanged.

    `workers` is the number of recogniser processes (0: all in this process; None: as many as pay off);
    the result is the same whatever it is.
    """
    clock = _Stopwatch()
    dictionary = load_dictionary()
    script = make_script(words, dictionary)
    if not script.tokens or len(audio.pcm) < SAMPLE_RATE // 10:
        return Alignment(list(words), [], speech_found=False)
    pronunciations = script_pronunciations(script, dictionary)
    phone_counts = [len(pronunciations[token][0].split()) for token in script.tokens]
    if workers is None:
        workers = MAX_WORKERS if audio.duration_ms >= PARALLEL_FROM_MS else 0
    clock.lap("prepare")
    # One pool per stage, each holding only what its jobs use: our own aligner (numba and its model) in one
    # process hearing on threads (its loops let go of the GIL), then recogniser processes to place. Both in
    # every worker took 621 MB with two workers on a 12:45 programme.
    with Workers(pronunciations, cancelled, workers, init_listener, threads=True) as listeners:
        task = _Task(audio, script, pronunciations, [0, *itertools.accumulate(phone_counts)],
                     gap_boundaries(script, words), listeners, progress, clock)
        chunks = _chunks(task)
        hearings = _listen(task, chunks)
        clock.lap("listen")
    with Workers(dictionary_text(pronunciations), cancelled, workers) as recognisers:
        task = replace(task, workers=recognisers)
        anchors, heard = _hear_anchors(task, chunks, hearings)
        if not _speech_heard(anchors, script):
            return Alignment(list(words), [], speech_found=False, stages=clock.laps)
        anchors, placements = _place_between(task, anchors, heard)
    if progress is not None:
        progress(1.0)
    onsets = Onsets(audio.energy, music_frames(audio.pcm, len(audio.energy)))
    timed, gap_spans = timed_words(words, script, pronunciations, anchors, placements, heard, onsets,
                                   Rises(audio.emphasised))
    clock.lap("assemble")
    return Alignment(timed, gap_spans, speech_found=True, stages=clock.laps)


class _Stopwatch:
    """Wall seconds of each stage, in order."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = round(now - self._last, 3)
        self._last = now


@dataclass(frozen=True)
class _Chunk:
    """A stretch of the audio heard on its own, and the transcript tokens first..last-1 it may say."""

    start_ms: int
    end_ms: int
    first: int
    last: int


def _chunks(task: _Task) -> list[_Chunk]:
    return [_Chunk(start, end, *_window(task.script, start, end, task.duration_ms))
            for start, end in chunk_bounds(task.audio.energy, task.duration_ms)]


def _listen(task: _Task, chunks: list[_Chunk]) -> list[Hearing]:
    """Every chunk heard by our own aligner against the transcript text near it."""

    def listen_job(index: int) -> ListenJob:
        chunk = chunks[index]
        opening = tuple(token - chunk.first for token in task.script.sentence_starts
                        if chunk.first <= token < chunk.last)
        return ListenJob(task.pcm(chunk.start_ms, chunk.end_ms), chunk.start_ms,
                         task.script.tokens[chunk.first: chunk.last], opening)

    return task.run(hear_chunk, len(chunks), listen_job, 0.0, LISTENED_SHARE)


def _hear_anchors(task: _Task, chunks: list[_Chunk], hearings: list[Hearing]) -> tuple[list[Anchor], list[HeardWord]]:
    """What each chunk says: as our own aligner heard it where the transcript's words fit its speech, else as
    recognition hears it (see FIT_MIN); the consistent runs heard anchor."""
    poor = [index for index, hearing in enumerate(hearings) if hearing.fit < FIT_MIN]

    def recognise_job(index: int) -> ChunkJob:
        chunk = chunks[poor[index]]
        return ChunkJob(task.pcm(chunk.start_ms, chunk.end_ms), chunk.start_ms,
                        tuple(task.script.sentences_between(chunk.first, chunk.last)))

    heard_by_chunk = [hearing.words for hearing in hearings]
    recognised = task.run(recognize_chunk, len(poor), recognise_job, LISTENED_SHARE, RECOGNITION_SHARE)
    for index, words in zip(poor, recognised, strict=True):
        heard_by_chunk[index] = words
    task.clock.lap("recognise")
    onsets, openings = Onsets(task.audio.energy), set(task.script.sentence_starts)
    runs = []
    for index, (chunk, heard) in enumerate(zip(chunks, heard_by_chunk, strict=True)):
        found = match_chunk(task.script.tokens[chunk.first: chunk.last], chunk.first, heard, task.breaks)
        runs += found if index in poor else sentence_edges(found, heard, openings, onsets)
    chain = consistent_chain(runs, task.phones_before, unbroken=task.unbroken)
    task.clock.lap("chain")
    return chain, [word for words in heard_by_chunk for word in words if word.token != GARBAGE]


def _place_between(
    task: _Task, anchors: list[Anchor], heard: list[HeardWord],
) -> tuple[list[Anchor], list[tuple[Span, Placed]]]:
    """Place the words between anchors; spans that do not fit get a second look with their own words, and
    words the first pass heard in a span but the aligner put elsewhere anchor where they were heard."""
    spans = task.plan(anchors)
    done = task.place(spans, RECOGNITION_SHARE, PLACING_SHARE)
    task.clock.lap("place")
    failed = [span for span, outcome in done.items() if outcome is None and _worth_a_second_look(span)]
    misplaced = _heard_elsewhere(task, done, heard)
    if not failed and not misplaced:
        return anchors, list(done.items())
    anchors = _second_look(task, failed, anchors, misplaced)
    task.clock.lap("second look")
    spans = task.plan(anchors)
    done.update(task.place([span for span in spans if span not in done], (PLACING_SHARE + 1) / 2, 1.0))
    task.clock.lap("place again")
    return anchors, [(span, done[span]) for span in spans]


def _heard_elsewhere(task: _Task, done: dict[Span, Placed], heard: list[HeardWord]) -> list[list[Anchor]]:
    """Runs of a placed span's words that the first pass heard in order inside the span, too short to anchor
    on their own, whose first word the aligner put on sound it was not heard in, while the words it put on
    the run's sound instead were not heard there either (a misheard word may take the next sentence's first
    words for its audio)."""
    starts = [word.start_ms for word in heard]
    timeline = HeardTimeline(heard)
    found = []
    for span, placed in done.items():
        if placed is None:
            continue
        inside = heard[bisect.bisect_left(starts, span.start_ms): bisect.bisect_left(starts, span.end_ms)]
        times = span_times(span, placed, lambda _: {})
        runs = match_chunk(task.script.tokens[span.first: span.last], span.first, inside, task.breaks)
        found += [
            part for run in runs for part in _by_sentence(run, task.script.sentence_starts)
            if is_strong(part, task.phones_before, MISPLACED_MIN_PHONES) and _within_reach(task, span, part)
            and _placed_apart(part, times) and not _rival_heard(task, part, times, timeline)
            and not _said_again_there(task, part, times)
        ]
    return found


def _placed_apart(run: list[Anchor], times: dict[int, tuple[int, int, bool]]) -> bool:
    """The aligner put the run's first word where it was not heard: none of its placed sound is heard sound."""
    first = run[0]
    placed_start, placed_end, _ = times[first.token]
    return placed_end <= first.start_ms or placed_start >= first.end_ms


def _rival_heard(task: _Task, run: list[Anchor], times: dict[int, tuple[int, int, bool]], timeline: HeardTimeline,
                 ) -> bool:
    """A word the aligner put on the run's sound was heard there too, without the run ("Iraqis" where "Iraq
    is even" was heard, the run being "is even"): the run is then a reading of that word's sound."""
    low, high = run[0].start_ms, run[-1].end_ms
    own = {anchor.start_ms for anchor in run}
    return any(
        placed_support(task.script.tokens[token], start, end, timeline, task.pronunciations, own) >= LOW_CONFIDENCE
        for token, (start, end, was_placed) in times.items()
        if was_placed and start < high and end > low and not run[0].token <= token <= run[-1].token
    )


def _said_again_there(task: _Task, run: list[Anchor], times: dict[int, tuple[int, int, bool]]) -> bool:
    """The aligner put the run's words, where the transcript says them again, on the run's sound ("... from
    the -- that is not. That is not."): the run is as much a hearing of that copy as of its own, so it is no
    sign that the aligner misplaced them (anchoring the first copy on the second's sound put the second 1.5 s
    late)."""
    low, high = run[0].start_ms, run[-1].end_ms
    there = [task.script.tokens[token] for token, (start, end, was_placed) in sorted(times.items())
             if was_placed and start < high and end > low and not run[0].token <= token <= run[-1].token]
    said = [task.script.tokens[anchor.token] for anchor in run]
    return any(there[offset: offset + len(said)] == said for offset in range(len(there)))


def _by_sentence(run: list[Anchor], sentence_starts: Sequence[int]) -> list[list[Anchor]]:
    """A run cut where a sentence starts: its parts are judged one by one (the end of a sentence after a
    misheard word may have no time left for it)."""
    parts: list[list[Anchor]] = []
    for anchor in run:
        if parts and anchor.token not in sentence_starts:
            parts[-1].append(anchor)
        else:
            parts.append([anchor])
    return parts


def _worth_a_second_look(span: Span) -> bool:
    return span.last - span.first >= REFINE_MIN_TOKENS and span.end_ms - span.start_ms >= REFINE_MIN_MS


def _second_look(
    task: _Task, failed: list[Span], anchors: list[Anchor], misplaced: list[list[Anchor]],
) -> list[Anchor]:
    """Anchors plus the misplaced runs and words heard in failed spans when only the span's own words could
    be heard; there even a single long word heard in order anchors."""

    def own_words_job(index: int) -> ChunkJob:
        span = failed[index]
        return ChunkJob(task.pcm(span.start_ms, span.end_ms), span.start_ms,
                        tuple(task.script.sentences_between(span.first, span.last)))

    heard = task.run(recognize_chunk, len(failed), own_words_job, PLACING_SHARE, (PLACING_SHARE + 1) / 2)
    extra = misplaced + [
        run for span, words in zip(failed, heard, strict=True)
        for run in every_match(task.script.tokens[span.first: span.last], span.first, words)
        if is_strong(run, task.phones_before, REFINE_MIN_PHONES) and _within_reach(task, span, run)
    ]
    return consistent_chain([[anchor] for anchor in anchors] + extra, task.phones_before, min_phones=0)


def _within_reach(task: _Task, span: Span, run: list[Anchor]) -> bool:
    """A word heard on a second look lies within speaking distance of the anchors that bound its span where
    they belong to its own sentence: with a vocabulary of a few words, the recogniser hears one of them in
    any speech, so a word heard far from its sentence's other words is likely heard in speech the transcript
    lacks (an insert)."""
    sentence_of = functools.partial(bisect.bisect_right, task.script.sentence_starts)
    first, last = run[0], run[-1]
    far_from_left = (span.first > 0 and sentence_of(span.first - 1) == sentence_of(first.token)
                     and first.start_ms - span.start_ms > _longest_ms(task, span.first, first.token))
    far_from_right = (span.last < len(task.script.tokens) and sentence_of(span.last) == sentence_of(last.token)
                      and span.end_ms - last.end_ms > _longest_ms(task, last.token + 1, span.last))
    return not (far_from_left or far_from_right)


def _longest_ms(task: _Task, first: int, last: int) -> int:
    """The longest that tokens first..last-1 take to say, with a pause inside the sentence."""
    return longest_ms(task.phones_before[last] - task.phones_before[first])


def _at_recogniser_rate(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Mono float samples at 16 kHz (the acoustic model's rate)."""
    mono = samples.mean(axis=1) if samples.ndim > 1 else samples
    if sample_rate == SAMPLE_RATE:
        return np.asarray(mono, dtype=np.float32)
    count = int(len(mono) * SAMPLE_RATE / sample_rate)
    positions = np.arange(count) * (sample_rate / SAMPLE_RATE)
    return np.asarray(np.interp(positions, np.arange(len(mono)), mono), dtype=np.float32)


def _window(script: Script, start_ms: int, end_ms: int, duration_ms: int) -> tuple[int, int]:
    """Tokens a chunk may hear: its share of the transcript by time, widened on both sides."""
    count = len(script.tokens)
    margin = WINDOW_MARGIN_TOKENS + count // 50
    first = max(0, count * start_ms // duration_ms - margin)
    last = min(count, -(-count * end_ms // duration_ms) + margin)
    return first, last


def _speech_heard(anchors: Sequence[Anchor], script: Script) -> bool:
    """Speech of this transcript was heard: enough anchors that chance cannot explain them."""
    return len(anchors) >= max(2, len(script.tokens) // 20)
