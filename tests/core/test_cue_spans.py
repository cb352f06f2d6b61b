"""A span of a cue's text in time, and a replaced span keeping the other words' times."""

from editor.core.cue_spans import replace_in_cue, span_context, span_time, tokens_touched
from editor.core.model import Cue, Word

WORDS = (Word("fighting", 1000, 1500, 0.9), Word("in", 1500, 1600, 0.9), Word("their", 1600, 1800, 0.2),
         Word("bill", 1800, 2100, 0.3), Word("today", 2100, 2600, 0.9))
TIMED = Cue(900, 2700, "fighting in\ntheir bill today", WORDS)


def test_a_span_is_heard_when_its_timed_words_are() -> None:
    start = TIMED.text.index("their bill")
    assert span_time(TIMED, start, start + len("their bill")) == (1600, 2100)
    assert span_time(TIMED, 0, 3) == (1000, 1500)  # part of a word counts as the word


def test_without_timed_words_a_span_is_heard_with_its_cue() -> None:
    untimed = Cue(900, 2700, TIMED.text)
    assert span_time(untimed, 0, 8) == (900, 2700)
    edited = TIMED.with_text("fighting in Erbil today")  # the words no longer match the text
    assert span_time(edited, 12, 17) == (900, 2700)


def test_tokens_touched_by_a_span() -> None:
    assert list(tokens_touched("a bc d", 2, 4)) == [1]
    assert list(tokens_touched("a bc d", 1, 2)) == []  # only the space
    assert list(tokens_touched("a bc d", 0, 6)) == [0, 1, 2]


def test_the_context_of_a_span_is_two_words_each_side_within_the_cue() -> None:
    text = "one two three four five six seven"
    start = text.index("four")
    assert span_context(text, start, start + 4) == "two three four five six"
    assert span_context("Mcguirk\nsaid", 0, 7) == "Mcguirk said"


def test_a_two_word_garble_replaced_by_one_word_keeps_the_other_times() -> None:
    start = TIMED.text.index("their bill")
    fixed = replace_in_cue(TIMED, start, start + len("their bill"), "Erbil")
    assert fixed.text == "fighting in\nErbil today"
    assert fixed.words == (WORDS[0], WORDS[1], Word("Erbil", 1600, 2100), WORDS[4])


def test_one_word_replaced_by_two_shares_its_time() -> None:
    start = TIMED.text.index("today")
    fixed = replace_in_cue(TIMED, start, start + 5, "to day")
    assert [w.text for w in fixed.words] == ["fighting", "in", "their", "bill", "to", "day"]
    assert (fixed.words[-2].start_ms, fixed.words[-2].end_ms, fixed.words[-1].end_ms) == (2100, 2350, 2600)


def test_part_of_a_word_replaced_keeps_the_word_and_its_time() -> None:
    cue = Cue(0, 1000, "Mcguirk's plan", (Word("Mcguirk's", 0, 500, 0.2), Word("plan", 500, 1000, 0.9)))
    fixed = replace_in_cue(cue, 0, 7, "McGurk")
    assert fixed.text == "McGurk's plan" and fixed.words[0] == Word("McGurk's", 0, 500)


def test_a_fix_that_only_recases_a_word_keeps_its_times_and_evidence() -> None:
    heard = Word("crocker", 1000, 1500, 0.9, heard="K R AA K ER", support=1.0)
    cue = Cue(900, 1600, "crocker", (heard,))
    assert replace_in_cue(cue, 0, 7, "Crocker").words == (Word("Crocker", 1000, 1500, 0.9, heard="K R AA K ER",
                                                                 support=1.0),)
