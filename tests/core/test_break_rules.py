"""guidelines.md's break preferences: sentence end, clause, before a conjunction or preposition; never-split pairs."""

import pytest

from editor.core.words import (
    ANYWHERE,
    BEFORE_CONJUNCTION,
    BEFORE_PREPOSITION,
    CLAUSE_END,
    NEVER_SPLIT,
    SENTENCE_END,
    break_cost,
    is_number,
)


def test_preferences_come_in_the_guidelines_order():
    assert break_cost("war.", "He") == SENTENCE_END
    assert break_cost("war,", "he") == CLAUSE_END
    assert break_cost("war", "and") == BEFORE_CONJUNCTION
    assert break_cost("war", "in") == BEFORE_PREPOSITION
    assert break_cost("war", "ended") == ANYWHERE
    assert SENTENCE_END < CLAUSE_END < BEFORE_CONJUNCTION <= BEFORE_PREPOSITION < ANYWHERE < NEVER_SPLIT


@pytest.mark.parametrize(
    ("word", "next_word"),
    [
        ("the", "militants"),  # article + noun
        ("their", "leaders"),  # possessive + noun
        ("John", "Kerry"),  # first + last name
        ("Secretary", "Kerry"),  # title + name
        ("Mr.", "Kerry"),  # abbreviated title: not a sentence end
        ("has", "not"),  # auxiliary + negation
        ("will", "be"),  # auxiliary + verb
        ("not", "expected"),  # negation + verb
        ("forty", "yards"),  # number + unit
        ("300", "people"),
        ("they", "control"),  # pronoun + verb
    ],
)
def test_never_split_pairs(word, next_word):
    assert break_cost(word, next_word) == NEVER_SPLIT


def test_the_end_of_the_text_is_the_best_break():
    assert break_cost("anything", None) == SENTENCE_END


def test_numbers_are_recognised_in_digits_and_words():
    assert is_number("40") and is_number("$300") and is_number("forty") and is_number("9/11")
    assert not is_number("fort")


def test_a_new_speaker_starts_a_new_line():
    assert break_cost("agree", ">>") == SENTENCE_END
    assert break_cost(">>", "Kerry") == NEVER_SPLIT
    assert break_cost("well", "-") != SENTENCE_END  # a lone dash is punctuation, not a speaker
