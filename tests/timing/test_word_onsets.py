"""A word said after a pause starts where it is heard, not where the recogniser's look-ahead first sees it:
sentences opening with breathy and voiceless sounds (h, f, s, th) after pauses, in room noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spoken import RATE, speak

from editor.core.model import Word
from editor.timing.align import align_words

OPENINGS = ["He was not an ill disposed young man.", "Four queen of clubs.", "Seven of hearts and the ace.",
            "Had he married a more amiable woman.", "From there the army moved north.",
            "Thanks to the rain the harvest failed.", "Some of the fighters have left the city.",
            "Few officials would say more."]
PAUSES = [0.8, 0.6, 1.1, 0.7, 0.9, 0.6, 1.0, 0.8]


def test_words_after_pauses_start_where_they_are_heard(speech_folder: Path) -> None:
    parts: list[str | float] = [0.5]
    for sentence, pause in zip(OPENINGS, PAUSES, strict=True):
        parts += [sentence, pause]
    speech = speak(parts, speech_folder)
    room = np.random.default_rng(3).normal(0.0, 0.004, len(speech.samples)).astype(np.float32)  # -48 dBFS
    words = [Word(token) for token in " ".join(OPENINGS).split()]
    aligned = align_words(words, speech.samples + room, RATE).words
    firsts = np.cumsum([0] + [len(sentence.split()) for sentence in OPENINGS[:-1]])
    errors = [(aligned[first].start_ms or 0) - speech.phrase(sentence)[0]
              for first, sentence in zip(firsts, OPENINGS, strict=True)]
    assert abs(float(np.median(errors))) <= 10, errors  # the recogniser's look-ahead put them 26 ms early
    assert min(errors) >= -20, errors  # half a video frame
