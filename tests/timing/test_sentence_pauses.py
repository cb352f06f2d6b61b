"""Where a sentence's opening words go when the aligner put them on speech that is not theirs, on speech made
in the test."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spoken import RATE, speak

from editor.timing.chunks import frame_energy
from editor.timing.gaps import Onsets
from editor.timing.sentence_pauses import open_after_the_insert

INSERT = "Stay with us, more after the break."
SENTENCE = ["And", "they've", "been", "here", "consistently", "working."]
PHONES = [3, 4, 3, 2, 10, 6]


def test_opening_words_put_running_on_from_an_absorbed_insert_move_after_its_pause(speech_folder: Path) -> None:
    # The aligner absorbed an insert up to its last words and put "And they've" on them, running on from it;
    # "been" it put after the insert's pause, on the sentence's own speech: the caption opened 1 s early
    # (flite mix, 12 dB). Tokens: 0 ends the sentence before, 1-6 the sentence, 7 opens the next.
    speech = speak([0.3, "diplomatic hands.", 0.2, INSERT, 0.6, " ".join(SENTENCE), 0.5, "Our assistance.", 0.3],
                   speech_folder, "flite:awb")
    onsets = Onsets(frame_energy(speech.samples + np.random.default_rng(1).normal(0, 0.01, len(speech.samples)),
                                 RATE))
    (_, hands_end), (insert_start, insert_end) = speech.phrase("diplomatic hands."), speech.phrase(INSERT)
    own_start, own_end = speech.phrase(" ".join(SENTENCE))
    last_words = (onsets.last_after_pause(insert_start, insert_end, 100) or 0) + 50  # inside the insert's last sound
    times = {0: (hands_end - 300, hands_end), 1: (last_words, last_words + 70), 2: (last_words + 70, insert_end),
             3: (own_start + 300, own_start + 500)}
    step = (own_end - own_start - 500) // 3
    times |= {token: (own_start + 500 + step * (token - 4), own_start + 500 + step * (token - 3)) for token in (4, 5)}
    times[6] = (own_start + 500 + 2 * step, own_end)
    times[7] = speech.phrase("Our assistance.")[:2]
    absorbed = {1: (insert_start, last_words)}
    open_after_the_insert([range(0, 1), range(1, 7), range(7, 8)], times, set(range(1, 7)), [4, *PHONES, 5], onsets,
                          absorbed)
    assert abs(times[1][0] - own_start) <= 60
    assert times[1][1] <= times[2][0] <= times[3][0] <= times[4][0] <= times[5][0] == own_start + 500 + step
    assert absorbed == {1: (insert_start, times[1][0])}
