"""Cutting timed words into cues: every word once and in order, within the line limits, at good places."""

from editor.core.model import Word
from editor.core.segment import break_lines, cut_into_cues
from editor.core.style import STYLES

STREAMING = STYLES["streaming"]


def timed(text: str, word_ms: int = 300, pause_ms: int = 0) -> list[Word]:
    """Words spoken one after another, each word_ms long, with pause_ms after each sentence end."""
    words, clock = [], 0
    for token in text.split():
        words.append(Word(token, clock, clock + word_ms))
        clock += word_ms + (pause_ms if token.endswith(".") else 0)
    return words


SPEECH = (
    "Iraq's government desperately wants US airstrikes to help against the jihadist but it seems they "
    "won't get them yet. John Kerry is this morning in Erbil in the north. He's pushing Iraq's leaders to "
    "form a new government. The support will be intense. Sustained. And if Iraq's leaders take the "
    "necessary steps to bring the country together, it will be effective."
)


def test_every_word_lands_in_exactly_one_cue_in_order():
    words = timed(SPEECH)
    cues = cut_into_cues(words, STREAMING)
    assert [w for cue in cues for w in cue.words] == words
    assert " ".join(cue.text.replace("\n", " ") for cue in cues) == SPEECH


def test_cues_keep_the_line_limits_of_every_style():
    for style in STYLES.values():
        for cue in cut_into_cues(timed(SPEECH), style):
            assert len(cue.lines) <= style.max_lines
            assert all(len(line) <= style.max_chars_per_line for line in cue.lines)


def test_a_cue_spans_its_words():
    for cue in cut_into_cues(timed(SPEECH), STREAMING):
        assert cue.start_ms == cue.words[0].start_ms
        assert cue.end_ms == cue.words[-1].end_ms


def test_cues_end_at_sentence_ends_when_they_can():
    cues = cut_into_cues(timed(SPEECH, pause_ms=400), STREAMING)
    endings = [cue.text.split()[-1] for cue in cues]
    assert sum(ending.endswith((".", ",")) for ending in endings) >= len(cues) - 1


def test_names_are_not_split_across_cues():
    cues = cut_into_cues(timed(SPEECH), STREAMING)
    assert not any(cue.text.endswith("John") for cue in cues)


def test_a_long_silence_is_a_cue_boundary():
    late = [Word("then", 8000, 8300), Word("it", 8300, 8600), Word("came", 8600, 8900)]
    words = [*timed("we waited for the vote"), *late]
    cues = cut_into_cues(words, STREAMING)
    assert [cue.text for cue in cues] == ["we waited for the vote", "then it came"]


def test_a_word_longer_than_a_line_gets_a_line_of_its_own_and_is_kept_whole():
    giant = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    cues = cut_into_cues(timed(f"We drove to {giant} today."), STREAMING)
    assert giant in [line for cue in cues for line in cue.lines]
    assert " ".join(cue.text.replace("\n", " ") for cue in cues) == f"We drove to {giant} today."


def test_no_words_no_cues():
    assert cut_into_cues([], STREAMING) == []


def test_break_lines_is_available_beside_cut_into_cues():
    assert break_lines("short", STREAMING) == "short"


def test_a_three_line_style_is_honoured_too():
    from dataclasses import replace

    roll_up = replace(STREAMING, name="roll-up", max_lines=3, max_chars_per_line=32)
    cues = cut_into_cues(timed(SPEECH, word_ms=450), roll_up)
    assert [w for cue in cues for w in cue.words] == timed(SPEECH, word_ms=450)
    for cue in cues:
        assert len(cue.lines) <= 3
        assert all(len(line) <= 32 for line in cue.lines)
