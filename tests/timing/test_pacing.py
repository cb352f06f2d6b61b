"""Pacing without media: each word as long as it takes to say, pauses at punctuation, gaps as speech."""

import itertools

from editor.core.model import Word
from editor.timing.pacing import count_syllables, pace_along_runtime


def words(text: str) -> list[Word]:
    return [Word(token) for token in text.split()]


def test_words_run_from_zero_to_the_runtime_in_order_without_overlap():
    timed = pace_along_runtime(words("The storm made landfall tonight. Officials urge calm, and -- shelters."), 9000)
    assert timed[0].start_ms == 0
    assert timed[-1].end_ms == 9000
    for word, following in itertools.pairwise(timed):
        assert word.start_ms < word.end_ms <= following.start_ms


def test_texts_stay_untouched_and_all_words_get_times():
    source = words("a b -- c.")
    timed = pace_along_runtime(source, 4000)
    assert [w.text for w in timed] == [w.text for w in source]
    assert all(w.is_timed for w in timed)


def test_a_long_word_takes_longer_than_a_short_one():
    short, long = pace_along_runtime(words("cat international"), 2000)
    assert long.end_ms - long.start_ms > 2 * (short.end_ms - short.start_ms)


def test_a_sentence_end_leaves_a_longer_pause_than_a_comma_and_a_comma_more_than_nothing():
    timed = pace_along_runtime(words("one. two, three four"), 4000)
    pauses = [following.start_ms - word.end_ms for word, following in itertools.pairwise(timed)]
    assert pauses[0] > pauses[1] > pauses[2] >= 0


def test_a_gap_stands_for_unheard_speech():
    with_gap = pace_along_runtime(words("we -- agree"), 3000)
    assert with_gap[1].end_ms - with_gap[1].start_ms > with_gap[0].end_ms - with_gap[0].start_ms


def test_syllable_estimates():
    assert count_syllables("cat") == 1
    assert count_syllables("government") == 3
    assert count_syllables("made") == 1
    assert count_syllables("NBC") == 3
    assert count_syllables("40") > 2


def test_nothing_to_pace():
    assert pace_along_runtime([], 1000) == []


def test_a_speaker_marker_takes_no_speaking_time():
    timed = pace_along_runtime(words("yes >> no"), 2000)
    assert timed[0].end_ms <= timed[1].start_ms < timed[1].end_ms <= timed[2].start_ms
    assert (timed[1].end_ms - timed[1].start_ms) * 5 < timed[0].end_ms - timed[0].start_ms
