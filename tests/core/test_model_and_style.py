import math

import pytest

from editor.core.model import Cue, Document, Word
from editor.core.style import STYLES, UnknownStyleError, characters_per_second, reading_chars, style_named


def test_gap_words_are_runs_of_two_or_more_dashes() -> None:
    assert Word("--").is_gap and Word("----").is_gap
    assert not Word("-").is_gap and not Word("well--").is_gap and not Word("ISIL").is_gap


def test_editing_text_keeps_timed_words_only_when_the_words_are_unchanged() -> None:
    words = (Word("Good", 0, 300, 0.9), Word("morning", 300, 800, 0.8))
    cue = Cue(0, 800, "Good morning", words)
    assert cue.with_text("Good\nmorning").words == words
    assert cue.with_text("Good evening").words == ()


def test_a_word_typed_again_with_another_case_or_punctuation_keeps_what_the_audio_said() -> None:
    """ "dashwood" corrected to "Dashwood," is the same word said: its times and audio evidence stay with it;
    an apostrophe inside a word makes another word ("well", "we'll")."""
    name = Word("dashwood", 300, 800, 0.9, heard="D AE SH W UH D", support=0.97)
    cue = Cue(0, 1100, "met dashwood well", (Word("met", 0, 300, 0.9), name, Word("well", 800, 1100, 0.9)))
    typed = cue.with_text("met Dashwood, well")
    assert typed.words[1] == Word("Dashwood,", 300, 800, 0.9, heard="D AE SH W UH D", support=0.97)
    assert [word.text for word in typed.words] == ["met", "Dashwood,", "well"]
    assert cue.with_text("met Dashwood we'll").words == ()


def test_document_words_fall_back_to_cue_text_tokens() -> None:
    doc = Document(cues=(Cue(0, 1000, "Kerry says\n-- Iraq"),))
    assert [w.text for w in doc.words] == ["Kerry", "says", "--", "Iraq"]
    assert doc.words[2].is_gap


def test_reading_speed_counts_everything_but_line_breaks() -> None:
    cue = Cue(0, 2000, "Hello, world.\nBye!")
    assert reading_chars(cue.text) == 17
    assert characters_per_second(cue) == pytest.approx(8.5)
    assert math.isinf(characters_per_second(Cue(5, 5, "x")))


def test_profiles_hold_the_guideline_numbers() -> None:
    assert (STYLES["streaming"].max_chars_per_line, STYLES["bbc"].max_chars_per_line) == (42, 37)
    assert STYLES["cea608"].max_chars_per_line == 32 and STYLES["cea608"].max_duration_ms == 6000
    assert all(style.max_lines == 2 and style.min_gap_ms == 67 for style in STYLES.values())
    with pytest.raises(UnknownStyleError, match="streaming, bbc, cea608"):
        style_named("teletext")
