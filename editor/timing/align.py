"""Auto-sync: give every transcript word a start, an end and a confidence from the programme's audio.

Three steps, each robust to what garbled transcripts do. (1) Recognise the audio chunk by chunk, each chunk
able to hear only the transcript text expected near it, and keep runs of words heard in transcript order as
anchors: anchors come from the audio itself, so they never drift. (2) Place the words between two anchors
with a grammar of exactly those words, where `--` gaps, sentence boundaries and the edges of the file may
absorb speech the transcript lacks (so neighbours are not stretched over it). (3) Score each word by how much
of it the recogniser heard where it was placed: misheard words come out low.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from editor.core.model import Word
from editor.timing.anchors import Anchor, consistent_chain, is_strong, match_chunk
from editor.timing.chunks import chunk_bounds, frame_energy
from editor.timing.confidence import HEARD, UNPLACED, overlapping, phones_heard
from editor.timing.gaps import Onsets, place_untimed
from editor.timing.recognize import (
    ChunkJob,
    HeardWord,
    SpanJob,
    align_span,
    dictionary_text,
    load_dictionary,
    pcm_bytes,
    recognize_chunk,
)
from editor.timing.script import Script, make_script, script_pronunciations
from editor.timing.spans import Span, gap_boundaries, plan_spans, span_times, unheard_speech
from editor.timing.workers import AlignmentCancelled, Progress, run_jobs

__all__ = ["Alignment", "AlignmentCancelled", "align_words"]

SAMPLE_RATE = 16_000
PARALLEL_FROM_MS = 90_000  # shorter audio is aligned in this process: starting workers would cost more
WINDOW_MARGIN_TOKENS = 160  # how far (in tokens) the text a chunk may hear reaches beyond its estimate
RECOGNITION_SHARE = 0.75  # of the progress bar
REFINE_SHARE = 0.9
REFINE_MIN_TOKENS = 3  # a failed span this long (and this many ms) gets a second look
REFINE_MIN_MS = 1500
QUIET_START_MS = 80  # a sentence's first word that starts with this much quiet starts too early
SENTENCE_PAUSE_MS = 100
MIN_WORD_MS = 100
ONSET_SLACK_MS = 60
REFINE_MIN_PHONES = 5  # a single word heard on a second look anchors if it is this long


@dataclass(frozen=True)
class Alignment:
    """Every input word timed (gaps included); the audio spans of `--` gaps; whether speech was found."""

    words: list[Word]
    gap_spans: list[tuple[int, int]]
    speech_found: bool


def align_words(
    words: Sequence[Word], samples: np.ndarray, sample_rate: int, *,
    progress: Callable[[float], None] | None = None, cancelled: Callable[[], bool] | None = None,
) -> Alignment:
    """Words timed from the audio; with no speech heard the words come back unchanged."""
    audio = _at_recogniser_rate(samples, sample_rate)
    duration_ms = len(audio) * 1000 // SAMPLE_RATE
    dictionary = load_dictionary()
    script = make_script(words, dictionary)
    if not script.tokens or duration_ms < 100:
        return Alignment(list(words), [], speech_found=False)
    pronunciations = script_pronunciations(script, dictionary)
    vocabulary = dictionary_text(pronunciations)
    parallel = duration_ms >= PARALLEL_FROM_MS
    bounds = chunk_bounds(audio, SAMPLE_RATE)
    windows = [_window(script, start, end, duration_ms) for start, end in bounds]
    chunk_jobs = [
        ChunkJob(pcm_bytes(_slice(audio, start, end)), start, tuple(script.sentences_between(*window)))
        for (start, end), window in zip(bounds, windows, strict=True)
    ]
    stage = Progress(progress, 0.0, RECOGNITION_SHARE, len(chunk_jobs))
    heard_by_chunk = run_jobs(recognize_chunk, chunk_jobs, vocabulary, stage, cancelled, parallel)
    breaks = gap_boundaries(script, words)
    found = [
        run for (first, last), heard in zip(windows, heard_by_chunk, strict=True)
        for run in match_chunk(script.tokens[first:last], first, heard, breaks)
    ]
    phone_counts = [len(pronunciations[token][0].split()) for token in script.tokens]
    phones_before = [0, *itertools.accumulate(phone_counts)]
    anchors = consistent_chain(found, phones_before)
    if not _speech_heard(anchors, script):
        return Alignment(list(words), [], speech_found=False)
    spans = plan_spans(script, breaks, anchors, duration_ms)
    stage = Progress(progress, RECOGNITION_SHARE, REFINE_SHARE, len(spans))
    placed = run_jobs(align_span, [_span_job(audio, span) for span in spans], vocabulary, stage, cancelled, parallel)
    failed = [span for span, outcome in zip(spans, placed, strict=True) if outcome is None and _worth_refining(span)]
    if failed:
        stage = Progress(progress, REFINE_SHARE, 1.0, 2 * len(failed))
        anchors, spans, placed = _refine(script, audio, failed, anchors, spans, placed, breaks, phones_before, (
            vocabulary, stage, cancelled, parallel), duration_ms)
    if progress is not None:
        progress(1.0)
    heard_all = [word for heard in heard_by_chunk for word in heard]
    onsets = Onsets(frame_energy(audio, SAMPLE_RATE))
    return _assemble(words, script, pronunciations, anchors, spans, placed, heard_all, onsets)


def _span_job(audio: np.ndarray, span: Span) -> SpanJob:
    return SpanJob(pcm_bytes(_slice(audio, span.start_ms, span.end_ms)), span.start_ms, span.items)


def _worth_refining(span: Span) -> bool:
    return span.last - span.first >= REFINE_MIN_TOKENS and span.end_ms - span.start_ms >= REFINE_MIN_MS


def _refine(
    script: Script, audio: np.ndarray, failed: list[Span], anchors: list[Anchor], spans: list[Span],
    placed: list[list[HeardWord] | None], breaks: set[int], phones_before: list[int],
    running: tuple[str, Progress, Callable[[], bool] | None, bool], duration_ms: int,
) -> tuple[list[Anchor], list[Span], list[list[HeardWord] | None]]:
    """A second look at spans whose words did not fit: recognise each against its own words only, where
    even single words heard in order can anchor, then place the words between those new anchors."""
    vocabulary, stage, cancelled, parallel = running
    jobs = [
        ChunkJob(pcm_bytes(_slice(audio, span.start_ms, span.end_ms)), span.start_ms,
                 tuple(script.sentences_between(span.first, span.last)))
        for span in failed
    ]
    heard = run_jobs(recognize_chunk, jobs, vocabulary, stage, cancelled, parallel)
    extra = [
        run for span, words in zip(failed, heard, strict=True)
        for run in match_chunk(script.tokens[span.first: span.last], span.first, words, breaks, min_run=1)
        if is_strong(run, phones_before, REFINE_MIN_PHONES)
    ]
    refined = consistent_chain([[anchor] for anchor in anchors] + extra, phones_before, min_phones=0)
    done = dict(zip(spans, placed, strict=True))
    new_spans = plan_spans(script, breaks, refined, duration_ms)
    todo = [span for span in new_spans if span not in done]
    results = run_jobs(align_span, [_span_job(audio, span) for span in todo], vocabulary, stage, cancelled, parallel)
    done.update(zip(todo, results, strict=True))
    return refined, new_spans, [done[span] for span in new_spans]


def _at_recogniser_rate(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Mono float samples at 16 kHz (the acoustic model's rate)."""
    mono = samples.mean(axis=1) if samples.ndim > 1 else samples
    if sample_rate == SAMPLE_RATE:
        return np.asarray(mono, dtype=np.float32)
    count = int(len(mono) * SAMPLE_RATE / sample_rate)
    positions = np.arange(count) * (sample_rate / SAMPLE_RATE)
    return np.asarray(np.interp(positions, np.arange(len(mono)), mono), dtype=np.float32)


def _slice(audio: np.ndarray, start_ms: int, end_ms: int) -> np.ndarray:
    return np.asarray(audio[start_ms * SAMPLE_RATE // 1000: end_ms * SAMPLE_RATE // 1000])


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


def _assemble(
    words: Sequence[Word], script: Script, pronunciations: dict[str, list[str]], anchors: Sequence[Anchor],
    spans: Sequence[Span], placed: Sequence[list[HeardWord] | None], heard: Sequence[HeardWord], onsets: Onsets,
) -> Alignment:
    """Token times and confidences folded back onto the document's words."""
    times: dict[int, tuple[int, int]] = {anchor.token: (anchor.start_ms, anchor.end_ms) for anchor in anchors}
    confidence: dict[int, float] = dict.fromkeys(times, HEARD)
    unheard: dict[int, tuple[int, int]] = {}
    for span, outcome in zip(spans, placed, strict=True):
        unheard.update(unheard_speech(span, outcome))
        for index, (start, end, was_placed) in span_times(span, outcome).items():
            times[index] = (start, end)
            phones = pronunciations[script.tokens[index]][0].split()
            heard_phones = [
                phone for word in overlapping(heard, start, end)
                for phone in pronunciations.get(word.token, [""])[0].split()
            ]
            confidence[index] = phones_heard(phones, heard_phones) if was_placed else UNPLACED
    _start_sentences_at_speech(script, times, {anchor.token for anchor in anchors}, onsets)
    timed = [_timed_word(word, script.word_tokens[n], times, confidence) for n, word in enumerate(words)]
    boundaries = [tokens.start for tokens in script.word_tokens] + [len(script.tokens)]
    result, gap_spans = place_untimed(words, timed, boundaries, unheard, onsets)
    return Alignment(result, gap_spans, speech_found=True)


def _start_sentences_at_speech(
    script: Script, times: dict[int, tuple[int, int]], anchored: set[int], onsets: Onsets,
) -> None:
    """A sentence's first word starts where speech resumes after the longest pause before the next word.

    Only suspects move (an anchored word was timed by the recogniser): a word starting in quiet, one
    squeezed shorter than a word can be said, and one after an unconfirmed word, since a misheard word
    before a sentence lends the aligner audio to put the sentence's first word in.
    """
    for index in script.sentence_starts:
        if index in anchored or index + 1 not in times or index - 1 not in times:
            continue
        start, end = times[index]
        squeezed = end - start < MIN_WORD_MS
        if not (squeezed or index - 1 not in anchored or onsets.quiet(start, start + QUIET_START_MS)):
            continue
        next_start = times[index + 1][0]
        onset = onsets.after_longest_pause(times[index - 1][1], next_start + ONSET_SLACK_MS, SENTENCE_PAUSE_MS)
        if onset is not None:
            onset = min(onset, next_start)
            times[index] = (onset, max(min(end, next_start), onset))


def _timed_word(
    word: Word, tokens: range, times: dict[int, tuple[int, int]], confidence: dict[int, float],
) -> Word | None:
    """A word spans its tokens; its confidence is theirs on average. None for a word without tokens."""
    if not tokens:
        return None
    start = min(times[token][0] for token in tokens)
    end = max(times[token][1] for token in tokens)
    score = sum(confidence[token] for token in tokens) / len(tokens)
    return Word(word.text, start, end, round(score, 3))
