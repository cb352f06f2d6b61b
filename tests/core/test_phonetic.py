"""Sound-alike keys: the confusions captioners meet ("sisal" for ISIL) must score close, others far."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from editor.core.phonetic import (
    key_distance,
    key_similarity,
    letter_similarity,
    phrase_key,
    sound_alike_score,
    word_key,
)

SEED_NAMES = ("ISIS", "ISIL", "Maliki", "Erbil", "Kerry", "Baghdad", "Mosul", "Alex Marquardt", "Hamish Macdonald",
              "Kurdish", "Peshmerga", "Sunni", "Shiite", "Tikrit", "Samarra", "Jordan", "Syria")  # fmt: skip


def best_name(heard: str) -> str:
    return max(SEED_NAMES, key=lambda name: sound_alike_score(heard, name))


def test_misheard_names_rank_their_true_name_first() -> None:
    assert best_name("Beisel") == "ISIL"
    assert best_name("sisal") == "ISIL"
    assert best_name("morality") == "Maliki"
    assert best_name("their bill") == "Erbil"
    assert best_name("Alex Mark Clark") == "Alex Marquardt"
    assert best_name("him as McDonald") == "Hamish Macdonald"
    assert best_name("ice is") == "ISIS"


def test_phrase_runs_words_together_like_the_ear_does() -> None:
    assert phrase_key("their bill").endswith(word_key("Erbil"))
    assert phrase_key("Mark Clark") == "MARKLARK"  # the K heard once across the word boundary


def test_spelling_variants_of_a_name_share_a_key() -> None:
    assert word_key("Mcguirk") == word_key("McGurk")
    assert word_key("Macdonald") == word_key("MacDonald")
    assert word_key("Nouri") == word_key("nori")


def test_silent_and_soft_letters() -> None:
    assert word_key("knight") == word_key("night")
    assert word_key("ice") == "AS"  # soft c before a silent e
    assert word_key("phone") == word_key("fone")
    assert word_key("Baghdad") == "PATAT"


def test_unrelated_words_score_low() -> None:
    assert sound_alike_score("morning", "ISIL") < 0.4
    assert sound_alike_score("sisal", "Baghdad") < 0.4


def test_distance_gives_up_past_its_limit() -> None:
    far = key_distance(phrase_key("Peshmerga"), phrase_key("ice"), 1.0)
    assert math.isinf(far)
    assert key_distance("ASAL", "PASAL", 5.0) == 1.0


def test_letter_similarity_ignores_case_and_spaces() -> None:
    assert letter_similarity("Mark Clark", "markclark") == 1.0
    assert letter_similarity("abc", "") == 0.0


@given(st.text(max_size=12), st.text(max_size=12))
def test_similarity_is_symmetric_and_bounded(first: str, second: str) -> None:
    a, b = phrase_key(first), phrase_key(second)
    assert 0.0 <= key_similarity(a, b) <= 1.0
    assert key_distance(a, b) == key_distance(b, a)
    if a:
        assert key_similarity(a, a) == 1.0


def test_similarity_below_the_floor_counts_as_none() -> None:
    close = key_similarity(phrase_key("sisal"), phrase_key("ISIL"))
    assert 0.6 < close < 0.9
    assert key_similarity(phrase_key("sisal"), phrase_key("ISIL"), floor=close) == close
    assert key_similarity(phrase_key("sisal"), phrase_key("ISIL"), floor=close + 0.01) == 0.0
