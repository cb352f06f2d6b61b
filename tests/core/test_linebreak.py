"""Line breaks inside a caption: one line when it fits, else two that fit, at the best place."""

from editor.core.linebreak import break_lines, fits_in_lines
from editor.core.model import Word
from editor.core.style import STYLES

STREAMING = STYLES["streaming"]


def test_text_that_fits_stays_on_one_line():
    assert break_lines("The support will be intense.", STREAMING) == "The support will be intense."


def test_long_text_breaks_into_two_lines_that_fit():
    text = "John Kerry is in the north where he is pushing the leaders to form a government."
    lines = break_lines(text, STREAMING).split("\n")
    assert len(lines) == 2
    assert all(len(line) <= STREAMING.max_chars_per_line for line in lines)
    assert " ".join(lines) == text


def test_a_sentence_end_wins_over_an_even_split():
    text = "It will be effective. And now the fighting moves closer"
    assert break_lines(text, STREAMING) == "It will be effective.\nAnd now the fighting moves closer"


def test_the_break_goes_after_a_comma():
    text = "In Mosul, the militants are directing traffic at the gates"
    assert break_lines(text, STREAMING).split("\n")[0] == "In Mosul, the militants"


def test_names_and_articles_stay_together():
    for text in ["Good morning I sat down with the secretary of state John Kerry", "We sat down with John Kerry"]:
        for style in (STYLES["streaming"], STYLES["bbc"]):  # 608's 32 characters force a worse break
            line_text = break_lines(text, style)
            assert "John\nKerry" not in line_text
            assert "the\n" not in line_text


def test_the_shorter_line_goes_on_top_when_both_fit():
    text = "Kerry met the leaders and the generals and then flew on to Erbil"
    assert break_lines(text, STREAMING) == "Kerry met the leaders\nand the generals and then flew on to Erbil"


def test_a_word_longer_than_a_line_stays_whole():
    giant = "x" * 50
    assert break_lines(f"a {giant} b", STREAMING).split() == ["a", giant, "b"]


def test_words_and_text_give_the_same_lines():
    text = "the United States tries every diplomatic trick in the book to prevent civil war"
    assert break_lines([Word(token) for token in text.split()], STREAMING) == break_lines(text, STREAMING)


def test_fit_counts_lines_greedily():
    assert fits_in_lines([5, 5, 5], max_chars=11, max_lines=2)
    assert not fits_in_lines([5, 5, 5], max_chars=5, max_lines=2)
