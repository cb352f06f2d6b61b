"""One minimal reproducer per hostile input that once crashed a reader or lost cues without a word (issue 11).

Each file in regressions/ is read the way the editor reads it (strict) and the way `convert` does (lenient);
the table says what must happen: the cues read, or a FormatError naming the line, or a warning naming it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.formats.errors import FormatError, FormatWarning
from editor.formats.recipe import ReadOptions
from editor.formats.registry import read_file

REGRESSIONS = Path(__file__).parent / "regressions"

# file -> cue texts read, for inputs that must now read whole
READ_WHOLE: dict[str, list[str]] = {
    "srt_timing_line_without_text.srt": [""],
    "srt_tab_after_end_time.srt": ["Hi"],
    "sbv_missing_blank_line.sbv": ["A", "B"],
    "ttml_nested_divs.ttml": ["x"],
    "ttml_nested_spans.ttml": ["x"],
    "ttml_chained_styles.ttml": ["<i>x</i>"],
    "ass_uppercase_dialogue.ass": ["Hi"],
    "ass_space_before_colon.ass": ["Hi"],
}
# file -> (line the error names or None, words of its message), for inputs that must be refused clearly
REFUSED: dict[str, tuple[int | None, str]] = {
    "srt_two_arrows.srt": (2, "bad timing line"),
    "srt_two_arrows_without_blank_line.srt": (5, "bad timing line"),
    "srt_huge_hours.srt": (2, "an hour has more than 9 digits"),
    "srt_twelve_digit_hours.srt": (5, "an hour has more than 9 digits"),
    "sbv_huge_hours.sbv": (1, "an hour has more than 9 digits"),
    "sbv_ten_digit_hours.sbv": (3, "an hour has more than 9 digits"),
    "srt_text_above_two_timing_lines.srt": (1, "expected a cue number and a timing line"),
    "ttml_paragraph_outside_body.ttml": (None, "1 of 2 paragraphs are not inside <body> or a <div>"),
    "ttml_ends_before_it_begins.ttml": (None, "paragraph 1 ends before it begins"),
    "ttml_frame_rate_zero.ttml": (None, "frameRate must be a positive whole number"),
    "ttml_tick_rate_zero.ttml": (None, "tickRate must be a positive whole number"),
    "ttml_frame_rate_multiplier_zero.ttml": (None, "frameRateMultiplier must be a positive whole number"),
    "ttml_paragraph_outside_div.ttml": (None, "1 of 1 paragraphs are not inside <body> or a <div>"),
    "ass_empty_colour.ass": (None, "not a readable SubStation file"),
    "ass_dialogue_outside_events.ass": (3, "outside the [Events] section"),
}


def test_every_reproducer_is_in_a_table() -> None:
    assert sorted(path.name for path in REGRESSIONS.iterdir()) == sorted(
        [*READ_WHOLE, *REFUSED, "srt_zero_length_cue.srt"])


@pytest.mark.parametrize("name", sorted(READ_WHOLE))
def test_reads_every_cue(name: str) -> None:
    document = read_file(REGRESSIONS / name).document
    assert [cue.text for cue in document.cues] == READ_WHOLE[name]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_file_and_line(name: str) -> None:
    line, words = REFUSED[name]
    with pytest.raises(FormatError) as caught:
        read_file(REGRESSIONS / name)
    assert words in caught.value.message
    assert (caught.value.path, caught.value.line) == (REGRESSIONS / name, line)


def test_text_above_a_timing_line_costs_no_cue_below_it() -> None:
    reading = read_file(REGRESSIONS / "srt_text_above_two_timing_lines.srt", ReadOptions(strict=False))
    document, problems = reading.document, reading.problems
    assert [cue.text for cue in document.cues] == ["A", "B"]
    assert [problem.line for problem in problems] == [1]


def test_lenient_reading_names_the_skipped_event_line() -> None:
    reading = read_file(REGRESSIONS / "ass_dialogue_outside_events.ass", ReadOptions(strict=False))
    document, problems = reading.document, reading.problems
    assert document.cues == ()
    assert [problem.line for problem in problems] == [3]


def test_zero_length_cue_is_read_with_a_warning_naming_its_input_line() -> None:
    path = REGRESSIONS / "srt_zero_length_cue.srt"
    reading = read_file(path, ReadOptions(strict=False))
    document, problems = reading.document, reading.problems
    assert [cue.text for cue in document.cues] == ["A", "B"]
    assert [(type(problem), problem.line) for problem in problems] == [(FormatWarning, 6)]
    assert str(problems[0]) == f"{path}:6: the cue starts and ends at the same time (it is never shown)"
    assert len(read_file(path).document.cues) == 2
