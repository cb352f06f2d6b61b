"""SRT through pysrt: exact round trips, and every malformed cue reported with its line."""

from __future__ import annotations

import pytest

from editor.core.model import Cue
from editor.formats.errors import FormatError
from editor.formats.srt import format_srt, parse_srt

CANONICAL = (
    "1\n00:00:01,000 --> 00:00:02,500\nHello <i>there</i>\nsecond line\n\n"
    "2\n00:00:03,000 --> 01:02:04,007\nTom & Jerry say a < b\n\n"
)


def test_round_trip_is_exact() -> None:
    assert format_srt(parse_srt(CANONICAL)) == CANONICAL


def test_cues_keep_times_text_and_tags() -> None:
    cues = parse_srt(CANONICAL)
    assert cues == [
        Cue(1000, 2500, "Hello <i>there</i>\nsecond line"),
        Cue(3000, 3_724_007, "Tom & Jerry say a < b"),
    ]


def test_written_cues_read_back_the_same() -> None:
    cues = [Cue(0, 999, "a"), Cue(1000, 2000, "b\nc"), Cue(2000, 2000, "")]
    assert parse_srt(format_srt(cues)) == cues


def test_blank_lines_inside_text_cannot_split_a_cue() -> None:
    assert parse_srt(format_srt([Cue(0, 1000, "one\n\ntwo")])) == [Cue(0, 1000, "one\ntwo")]


def test_dot_fraction_short_fraction_and_no_cue_number_are_read() -> None:
    text = "00:00:01.5 --> 00:00:02.25\nx\n"
    assert parse_srt(text) == [Cue(1500, 2250, "x")]


def test_missing_blank_line_between_cues_keeps_both() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n"
    assert parse_srt(text) == [Cue(1000, 2000, "A"), Cue(3000, 4000, "B")]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("1\n00:00:01,000 --> 00:00:0x,000\nA\n", 2, "bad timing line"),
        ("\n\n1\n00:00:05,000 --> 00:00:02,000\nA\n", 4, "ends before it starts"),
        ("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n", 5, "no timing line"),
        ("1\n00:00:01,000 --> 00:00\n", 2, "bad timing line"),
        ("just some words\nand more\n", 1, "expected a cue number"),
    ],
)
def test_malformed_cue_names_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError, match=message) as caught:
        parse_srt(text, "film.srt")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"film.srt:{line}: ")


def test_empty_text_has_no_cues() -> None:
    assert parse_srt("") == []
    assert parse_srt("\n\n") == []


def test_a_blank_line_inside_a_cue_is_reported_with_a_hint() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nfirst half\n\nsecond half\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n"
    with pytest.raises(FormatError, match="blank line inside the cue above") as caught:
        parse_srt(text, "film.srt")
    assert caught.value.line == 5
