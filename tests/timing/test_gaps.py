"""Where speech starts after a pause, from the recording's loudness made here frame by frame (10 ms)."""

from __future__ import annotations

import numpy as np

from editor.timing.gaps import Onsets

LOUD, QUIET = 1.0, 1e-6


def recording(*stretches: tuple[float, int]) -> Onsets:
    """Energy per 10 ms frame from (level, milliseconds) stretches."""
    return Onsets(np.concatenate([np.full(ms // 10, level) for level, ms in stretches]))


def test_a_soft_onset_that_dips_before_the_vowel_still_ends_the_pause() -> None:
    # A sentence after a 1.3 s pause opens with a 20 ms consonant, 20 ms of near-quiet, then its vowel: the pause
    # that counts is the long one before the consonant, not the short dip after it.
    onsets = recording((LOUD, 500), (QUIET, 1300), (LOUD, 20), (QUIET, 20), (LOUD, 400), (QUIET, 300), (LOUD, 500))
    assert onsets.after_longest_pause(0, 3000, 50) == 1800
    assert onsets(600, 3000) == 1800
