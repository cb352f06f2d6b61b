"""A sentence nobody heard, put amid speech the transcript lacks, and the sides it may move to (loudness made
here frame by frame, 10 ms)."""

from __future__ import annotations

import numpy as np

from editor.timing.beside_inserts import move_beside_inserts
from editor.timing.gaps import Onsets

LOUD, QUIET = 1.0, 1e-6


def test_an_unheard_sentence_amid_speech_without_a_pause_beside_it_stays_where_it_was_put() -> None:
    # Three sentences of two tokens; the middle one, heard nowhere, put at 3.0-3.6 s inside speech that runs on
    # without a pause from the first sentence's end (1 s) to the next one's start (6 s): no side of its own to
    # move to. (An hour of programme met this and auto-sync stopped with an IndexError.)
    onsets = Onsets(np.concatenate([np.full(700, LOUD), np.full(300, QUIET)]))
    times = {0: (0, 400), 1: (450, 1000), 2: (3000, 3300), 3: (3300, 3600), 4: (6000, 6500), 5: (6500, 7000)}
    placed, absorbed = dict(times), {2: (1000, 3000)}
    move_beside_inserts([range(0, 2), range(2, 4), range(4, 6)], placed, {2, 3}, dict.fromkeys(range(6), 300.0),
                        onsets, absorbed)
    assert placed == times
    assert absorbed == {2: (1000, 3000)}
