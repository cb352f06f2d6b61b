"""Words of a span the aligner could not place go on speech at the speaker's pace, against the side an anchor
holds, never on the untranscribed speech or the pause that opens the span. The loudness is made here, frame
by frame (10 ms), as the recording's energy would be."""

from __future__ import annotations

import numpy as np

from editor.timing.fallback import fill_failed_span
from editor.timing.gaps import Onsets

LOUD, QUIET = 1.0, 1e-6


def recording(*stretches: tuple[float, int]) -> Onsets:
    """Energy per 10 ms frame from (level, milliseconds) stretches."""
    return Onsets(np.concatenate([np.full(ms // 10, level) for level, ms in stretches]))


# 0-5 s an insert nobody transcribed, 5-6 s a pause, 6-7.2 s the sentence, then its next (anchored) word.
AFTER_AN_INSERT = recording((LOUD, 5000), (QUIET, 1000), (LOUD, 1200), (QUIET, 300), (LOUD, 500))


def test_words_after_an_insert_start_where_speech_resumes() -> None:
    times, _ = fill_failed_span(
        [None, "the", "talks", "will", "go", "on"], 0, (0, 7500), [2, 5, 3, 2, 2], 80.0, AFTER_AN_INSERT, (), (),
    )
    assert abs(times[0][0] - 6000) <= 50
    assert [times[n][0] for n in range(5)] == sorted(times[n][0] for n in range(5))
    assert times[4][1] <= 7500


def test_a_slow_speaker_still_starts_after_the_pause_not_inside_the_insert() -> None:
    times, _ = fill_failed_span(
        [None, "the", "talks", "will", "go", "on"], 0, (0, 7500), [2, 5, 3, 2, 2], 140.0, AFTER_AN_INSERT, (), (),
    )
    assert abs(times[0][0] - 6000) <= 50


def test_words_after_their_anchor_run_on_from_it() -> None:
    # an anchor ends at 0; its sentence runs on 0-1 s; then speech the transcript lacks after a pause.
    speech = recording((LOUD, 1000), (QUIET, 600), (LOUD, 4000))
    times, _ = fill_failed_span(["said", "on", "monday", None], 10, (0, 5600), [3, 2, 5], 80.0, speech, (), ())
    assert times[10][0] == 0
    assert times[12][1] <= 1100


def test_a_gap_before_the_words_keeps_the_speech_after_the_pause() -> None:
    # after the pause: the words the transcriber missed (6.0-6.8 s), then the sentence's last word.
    speech = recording((LOUD, 5000), (QUIET, 1000), (LOUD, 1000), (QUIET, 300))
    times, unheard = fill_failed_span([None, "for"], 7, (0, 7300), [3], 70.0, speech, after_gap={7}, ends={7})
    assert abs(unheard[7][0] - 6000) <= 50
    assert times[7][0] > unheard[7][0]


def test_a_sentence_closed_after_a_gap_runs_on_before_the_insert_that_follows() -> None:
    # "-- its own choice." then an insert nobody transcribed, then the next sentence before its anchor.
    speech = recording((LOUD, 1200), (QUIET, 400), (LOUD, 5000), (QUIET, 800), (LOUD, 900))
    times, _ = fill_failed_span(
        [None, "its", "own", "choice", None, "that", "would"], 20, (0, 8300), [2, 2, 3, 3, 2], 70.0, speech,
        after_gap={20}, ends={22},
    )
    assert times[20][0] < 1200 and times[22][1] <= 1600
    assert abs(times[23][0] - 7400) <= 50


def test_words_that_take_less_speech_than_their_pace_says_still_start_after_the_pause() -> None:
    # a quiet, quick voice: the pace asks for 3 s of speech frames, the sentence has 1 s after a long pause.
    speech = recording((LOUD, 6000), (QUIET, 1500), (LOUD, 1000))
    times, _ = fill_failed_span([None, "as", "everybody", "knows"], 0, (0, 8500), [2, 7, 3], 250.0, speech, (), ())
    assert abs(times[0][0] - 7500) <= 50


def test_a_sentence_does_not_reach_back_over_music_for_its_words() -> None:
    # 0-2 s the sentence before, 3-9 s music, 10-11.2 s the next sentence, said quickly, up to its anchor at 11.2 s;
    # the pace asks for more speech than it has, and a `--` parts its words.
    stretches = [(LOUD, 2000), (QUIET, 1000), (LOUD, 6000), (QUIET, 1000), (LOUD, 1200)]
    energy = np.concatenate([np.full(ms // 10, level) for level, ms in stretches])
    music = np.zeros(len(energy), bool)
    music[300:900] = True
    items = ["pulling", "some", "people", None, "and", "our", "question", None, "and", "if", "not", "are", "you"]
    times, _ = fill_failed_span(items, 40, (0, 11200), [6, 3, 4, 3, 2, 6, 3, 2, 3, 2, 2], 100.0,
                                Onsets(energy, music), after_gap={46}, ends={42})
    assert times[43][0] >= 9000  # "And our question" after the music, not on the sentence before it
    assert all(times[token][1] > times[token][0] for token in (43, 44, 45))  # on speech: not flagged unheard
    assert times[40][0] < 2000


def test_words_running_on_from_their_anchor_do_not_reach_over_music() -> None:
    # an anchor mid-sentence ends at 0; the sentence's last words run on 0-0.8 s, quickly; 2-8 s music; then
    # speech the transcript lacks, 9-10.5 s.
    stretches = [(LOUD, 800), (QUIET, 1200), (LOUD, 6000), (QUIET, 1000), (LOUD, 1500)]
    energy = np.concatenate([np.full(ms // 10, level) for level, ms in stretches])
    music = np.zeros(len(energy), bool)
    music[200:800] = True
    times, _ = fill_failed_span(["said", "on", "monday", None], 10, (0, 10500), [3, 2, 5], 120.0,
                                Onsets(energy, music), (), ends={12})
    assert times[12][1] <= 900  # "monday" ends with the sentence's speech, not after the music


def test_a_run_of_several_sentences_is_not_put_after_the_pause_between_two_of_them() -> None:
    # after a `--`: its words 0-0.6 s, "... that is not." 0.8-1.3 s, "That is not." 1.6-2.4 s, a long pause, "The
    # definition here" 3.8-4.7 s, then its anchor: the longest pause near them is the one before the last sentence,
    # with no room after it for them all.
    speech = recording((LOUD, 600), (QUIET, 200), (LOUD, 500), (QUIET, 300), (LOUD, 800), (QUIET, 1400), (LOUD, 900))
    times, _ = fill_failed_span([None, "that", "is", "not", "that", "is", "not", "the", "definition", "here"], 10,
                                (0, 4700), [2, 2, 3, 2, 2, 3, 2, 9, 3], 60.0, speech, after_gap={10}, ends={12, 15})
    assert times[13][0] < 2400  # "That is not." on its own speech, not squeezed after 3.8 s with the rest
