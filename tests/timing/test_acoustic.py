"""Our own acoustic scorer and aligner (editor.timing.acoustic) on speech synthesised in the test."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pocketsphinx
import pytest
from spoken import RATE, Speech, speak

from editor.core.model import Word
from editor.timing.acoustic.listen import Hearing, ListenJob, hear_chunk, init_listener
from editor.timing.acoustic.listener import Listener
from editor.timing.align import align_words
from editor.timing.recognize import GARBAGE, HeardWord, load_dictionary, pcm_bytes
from editor.timing.workers import Progress, Workers

SAID = "the parliament convened on the first of july", "nobody expected the president to agree so quickly"


@pytest.fixture(scope="module")
def speech(speech_folder: Path) -> Speech:
    """Two sentences over a faint noise floor, as any recording has (digital silence between phrases lets the
    silence model take short words at a chunk's edge: a known weakness, see listener.py)."""
    said = speak([0.6, SAID[0], 0.5, SAID[1], 0.6], speech_folder)
    noise = np.random.default_rng(7).normal(0, 0.002, len(said.samples)).astype(np.float32)
    return Speech(said.samples + noise, said.phrases)


def listener_for(words: list[str]) -> Listener:
    dictionary = load_dictionary()
    return Listener({word: dictionary[word] for word in set(words)})


def heard_words(listener: Listener, job: ListenJob) -> list[HeardWord]:
    """The transcript words heard, without the speech absorbed between them."""
    return [word for word in listener.hear(job) if word.token != GARBAGE]


def pocketsphinx_alignment(samples: np.ndarray, words: list[str]) -> list[HeardWord]:
    """Pocketsphinx's own forced alignment of the words, for comparison."""
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL", cmn="batch")
    decoder.set_align_text(" ".join(words))
    decoder.start_utt()
    decoder.process_raw(pcm_bytes(samples), full_utt=True)
    decoder.end_utt()
    segments = [(str(segment.word).split("(")[0], segment) for segment in decoder.seg()]
    return [HeardWord(word, segment.start_frame * 10, (segment.end_frame + 1) * 10)
            for word, segment in segments if word in words]


def first_sentence(speech: Speech) -> np.ndarray:
    return speech.samples[: (speech.phrase(SAID[0])[1] + 300) * RATE // 1000]


def test_words_start_where_pocketsphinx_aligns_them(speech: Speech) -> None:
    words = SAID[0].split()
    ours = heard_words(listener_for(words), ListenJob(pcm_bytes(speech.samples), 0, tuple(words)))
    theirs = pocketsphinx_alignment(first_sentence(speech), words)
    assert [word.token for word in theirs] == words
    assert [word.token for word in ours[: len(words)]] == words
    gaps = [abs(mine.start_ms - other.start_ms) for mine, other in zip(ours, theirs, strict=False)]
    assert np.median(gaps) <= 20 and max(gaps) <= 40, gaps
    assert abs(ours[0].start_ms - speech.phrase(SAID[0])[0]) <= 60


def test_a_word_the_audio_lacks_is_skipped(speech: Speech) -> None:
    words = [*SAID[0].split()[:4], "tomorrow", *SAID[0].split()[4:]]
    placed = heard_words(listener_for(words), ListenJob(pcm_bytes(first_sentence(speech)), 0, tuple(words)))
    assert [word.token for word in placed] == SAID[0].split()


def test_speech_the_transcript_lacks_is_absorbed_not_given_to_words(speech: Speech) -> None:
    words = SAID[0].split()[-3:] + SAID[1].split()[:2]  # "first of july nobody expected"
    offset = 5000
    heard = listener_for(words).hear(ListenJob(pcm_bytes(speech.samples), offset, tuple(words)))
    ours = [word for word in heard if word.token != GARBAGE]
    assert [word.token for word in ours] == words
    assert ours[0].start_ms >= offset + speech.phrase(SAID[0])[0] + 1200  # "the parliament convened on the" before
    absorbed = [word for word in heard if word.token == GARBAGE and word.end_ms <= ours[0].start_ms]
    assert absorbed and absorbed[0].start_ms <= offset + speech.phrase(SAID[0])[0] + 200  # heard as other speech


def test_chunks_are_heard_alike_here_and_side_by_side_on_a_workers_threads(speech: Speech) -> None:
    # Whether recognition hears a chunk again depends on its fit (align.py, FIT_MIN): it must not depend on
    # how many workers there are, nor on what the other threads hear meanwhile (they share one listener)
    words = [*SAID[0].split(), *SAID[1].split()]
    dictionary = load_dictionary()
    half = len(speech.samples) // 2
    jobs = [ListenJob(pcm_bytes(piece), offset, tuple(words[first:]))
            for piece, offset, first in ((speech.samples, 0, 0), (speech.samples[half:], 100, 3),
                                         (speech.samples[:half], 0, 0), (speech.samples, 50, 8))]

    def heard(workers: int) -> list[Hearing]:
        with Workers({word: dictionary[word] for word in words}, None, workers, init_listener, threads=True) as pool:
            return list(pool.run(hear_chunk, len(jobs), jobs.__getitem__, Progress(None, 0.0, 1.0, len(jobs))))

    alone = heard(0)
    assert len({hearing.fit for hearing in alone}) == len(jobs)  # four different chunks
    assert heard(2) == alone


def test_a_sentence_opening_squeezed_into_absorbed_speech_is_not_heard_there(speech_folder: Path) -> None:
    # flite awb's "Our" fits the model poorly: the path absorbs the untranscribed end of the sentence before
    # ("on the capital tonight") and squeezes "our" into its last frames at its shortest, 0.6 s early; left
    # unheard, the placing stage places it (listener.py, SQUEEZED_FRAMES)
    said, written, opening = ("They are closing in on the capital tonight.", "They are closing in.",
                              "Our assistance to Iraq over the last year.")
    speech = speak([0.5, said, 0.3, opening, 0.5], speech_folder, "flite:awb")
    samples = speech.samples + np.random.default_rng(7).normal(0, 0.01, len(speech.samples)).astype(np.float32)
    words = [word.strip(".").lower() for word in f"{written} {opening}".split()]
    job = ListenJob(pcm_bytes(samples), 0, tuple(words), (0, len(written.split())))
    heard = heard_words(listener_for(words), job)
    starts = speech.phrase(opening)[0]
    assert [word.token for word in heard if word.token == "assistance"]  # the sentence itself is heard
    assert not [word for word in heard if word.token == "our" and word.start_ms < starts - 100], heard


def test_a_sentence_opening_after_a_pause_starts_where_its_sound_rises(speech_folder: Path) -> None:
    # flite awb's "Our" fits the model poorly: the path gives the word's first 0.18 s to the gap after the
    # pause and enters it late (sentence_edges.py, EDGE_REACH_MS); the sentence before says other words than written
    said, written = ("And they've been here consistently working this local officials plus up.",
                     "And they've been here consistently working this we have plus up.")
    opening = "Our assistance to Iraq over the last year."
    speech = speak([0.5, said, 0.15, opening, 0.5], speech_folder, "flite:awb")
    samples = speech.samples + np.random.default_rng(7).normal(0, 0.003, len(speech.samples)).astype(np.float32)
    alignment = align_words([Word(token) for token in f"{written} {opening}".split()], samples, RATE)
    our = next(word for word in alignment.words if word.text == "Our")
    assert our.start_ms is not None and abs(our.start_ms - speech.phrase(opening)[0]) <= 60


def test_a_sentence_ending_before_a_pause_ends_where_its_sound_falls(speech_folder: Path) -> None:
    # the path gives the tail of flite slt's "today" to the gap and ends it 0.09 s early (sentence_edges.py,
    # EDGE_REACH_MS); the phones heard over a stretch of words depend on where it ends (#9's proofing)
    said, written, after = ("ABC's Alex Markwart who sat down today.", "ABC's Alex Mark Clark who sat down today.",
                            "One on one with the secretary of state in Iraq.")
    speech = speak([0.5, said, 0.5, after, 0.5], speech_folder, "flite:slt")
    samples = speech.samples + np.random.default_rng(7).normal(0, 0.003, len(speech.samples)).astype(np.float32)
    alignment = align_words([Word(token) for token in f"{written} {after}".split()], samples, RATE)
    today = next(word for word in alignment.words if word.text == "today.")
    assert today.end_ms is not None and abs(today.end_ms - speech.phrase(said)[1]) <= 60
