"""Where speech starts after a pause, from the recording's loudness made here frame by frame (10 ms), and
where a `--` gap's unheard speech lies in speech made in the test."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spoken import RATE, speak

from editor.core.model import Word
from editor.timing.chunks import frame_energy
from editor.timing.gaps import Onsets, place_untimed

SPONSORS = "This programme is brought to you by our sponsors. Thank you for watching, and have a good evening."


def with_noise(samples: np.ndarray) -> np.ndarray:
    """White noise about 20 dB under the speech (its peaks near 0.5)."""
    return (samples + np.random.default_rng(1).normal(0, 0.01, len(samples))).astype(np.float32)

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


def test_a_gap_that_opens_a_sentence_after_an_insert_starts_with_its_own_speech(speech_folder: Path) -> None:
    # "-- for." said between two inserts: the aligner put "for." at the second insert's end and gave the gap the
    # stretch from the sentence's own onset (after the pause that ends the first insert) to there. The gap's
    # start was moved back to the first onset after the sentence before, the first insert's, and the caption
    # opened 3.5 s early (flite mix, 13 dB).
    said, other = "Kurdish that for.", "That was our reporter in the capital."
    speech = speak([0.4, "The government has not been responding to the needs of the people.", 0.4, SPONSORS, 0.55,
                    said, 0.2, other, 0.6, "Eight or nine years now.", 0.4], speech_folder)
    onsets = Onsets(frame_energy(with_noise(speech.samples), RATE))
    sentence_end, (own_start, _), (_, other_end) = speech.phrases[0][2], speech.phrase(said), speech.phrase(other)
    words = [Word("people.", sentence_end - 400, sentence_end, 1.0), Word("--"),
             Word("for.", other_end - 200, other_end)]
    placed, _ = place_untimed(words, [words[0], None, words[2]], [0, 1, 1], {1: (own_start, other_end - 200)}, onsets)
    assert abs((placed[1].start_ms or 0) - own_start) <= 60


def test_a_gap_that_opens_a_sentence_keeps_its_first_words_said_before_a_pause(speech_folder: Path) -> None:
    # The gap's words "Everyone here | that" with a pause between them: the aligner started the gap's stretch after
    # that pause; the speech before it is too short to be an insert, so the gap starts with its first word.
    speech = speak([0.4, "The government has not been responding to the needs of the people.", 0.5,
                    "Everyone here", 0.35, "that for.", 0.6, "Eight or nine years now.", 0.4], speech_folder)
    onsets = Onsets(frame_energy(with_noise(speech.samples), RATE))
    sentence_end, (first_start, _), (that_start, that_end) = (speech.phrases[0][2], speech.phrase("Everyone here"),
                                                               speech.phrase("that for."))
    words = [Word("people.", sentence_end - 400, sentence_end, 1.0), Word("--"), Word("for.", that_end - 200, that_end)]
    placed, _ = place_untimed(words, [words[0], None, words[2]], [0, 1, 1], {1: (that_start, that_end - 200)}, onsets)
    assert abs((placed[1].start_ms or 0) - first_start) <= 60


def test_a_gap_that_opens_a_sentence_after_an_insert_starts_before_its_words_not_at_the_next_sentence(
    speech_folder: Path,
) -> None:
    # An insert of another voice (about 5 s) after the sentence before, a pause, the gap's unheard words and
    # "for.", a shorter pause, then the next sentence: the aligner gave the gap a stretch on the next sentence's
    # first word. Kept as the start after a pause, the cue opened 2.1 s late; its words start after the longest
    # pause since the insert.
    said = "Really fighters government for."
    before = speak([0.4, "The government has not been responding to the needs of the people.", 0.5], speech_folder)
    insert = speak([SPONSORS, 0.3, "Stay with us for the weather."], speech_folder, "en-gb-scotland")
    after = speak([0.8, said, 0.5, "Eight or nine years now.", 0.4], speech_folder)
    samples = np.concatenate([before.samples, insert.samples, after.samples])
    onsets = Onsets(frame_energy(with_noise(samples), RATE))
    shift = (len(before.samples) + len(insert.samples)) * 1000 // RATE
    sentence_end = before.phrases[0][2]
    own_start, next_start = after.phrase(said)[0] + shift, after.phrase("Eight or nine years now.")[0] + shift
    words = [Word("people.", sentence_end - 400, sentence_end, 1.0), Word("--"),
             Word("for.", next_start + 300, next_start + 500)]
    placed, _ = place_untimed(words, [words[0], None, words[2]], [0, 1, 1], {1: (next_start, next_start + 300)}, onsets)
    assert abs((placed[1].start_ms or 0) - own_start) <= 60
