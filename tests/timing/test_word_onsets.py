"""A word said after a pause starts where it is heard, not where the recogniser's look-ahead first sees it:
sentences opening with breathy and voiceless sounds (h, f, s, th) after pauses, in room noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spoken import RATE, Speech, speak

from editor.core.model import Word
from editor.timing.align import align_words

OPENINGS = ["He was not an ill disposed young man.", "Four queen of clubs.", "Seven of hearts and the ace.",
            "Had he married a more amiable woman.", "From there the army moved north.",
            "Thanks to the rain the harvest failed.", "Some of the fighters have left the city.",
            "Few officials would say more."]
PAUSES = [0.8, 0.6, 1.1, 0.7, 0.9, 0.6, 1.0, 0.8]


def _spoken_openings(folder: Path) -> Speech:
    parts: list[str | float] = [0.5]
    for sentence, pause in zip(OPENINGS, PAUSES, strict=True):
        parts += [sentence, pause]
    return speak(parts, folder)


def _opening_errors(samples: np.ndarray, speech: Speech) -> list[int]:
    """How far each sentence's first word starts from its speech (ms, signed)."""
    words = [Word(token) for token in " ".join(OPENINGS).split()]
    aligned = align_words(words, samples, RATE).words
    firsts = np.cumsum([0] + [len(sentence.split()) for sentence in OPENINGS[:-1]])
    return [(aligned[first].start_ms or 0) - speech.phrase(sentence)[0]
            for first, sentence in zip(firsts, OPENINGS, strict=True)]


def test_words_after_pauses_start_where_they_are_heard(speech_folder: Path) -> None:
    speech = _spoken_openings(speech_folder)
    room = np.random.default_rng(3).normal(0.0, 0.004, len(speech.samples)).astype(np.float32)  # -48 dBFS
    errors = _opening_errors(speech.samples + room, speech)
    assert abs(float(np.median(errors))) <= 10, errors  # the recogniser's look-ahead put them 26 ms early
    assert min(errors) >= -20, errors  # half a video frame


def test_recordings_joined_by_digital_silence_start_where_their_speech_rises_out_of_their_own_noise(
    speech_folder: Path,
) -> None:
    # Each recording brings its room noise a little before its speech; an edit joined them with digital
    # silence. The noise is not the word: a floor of silence would let the noise itself count as its rise.
    speech = _spoken_openings(speech_folder)
    noise = np.random.default_rng(5).normal(0.0, 0.004, 16 * RATE).astype(np.float32)  # -48 dBFS
    lead = int(0.08 * RATE)  # the recording's own noise before its speech
    samples = speech.samples.copy()
    for _, start, end in speech.phrases:
        low, high = start * RATE // 1000 - lead, end * RATE // 1000 + lead
        samples[low:high] += noise[: high - low]
    errors = _opening_errors(samples, speech)
    assert abs(float(np.median(errors))) <= 10, errors  # a floor of digital silence put them 34 ms early
