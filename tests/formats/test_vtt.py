"""WebVTT: the spec's parse, the strict editor reading, and a writer whose output is always valid."""

from __future__ import annotations

import pytest

from editor.core.model import Cue
from editor.formats.errors import FormatError
from editor.formats.vtt import format_vtt, parse_vtt, read_vtt

CANONICAL = (
    "WEBVTT\n\n"
    "intro\n00:00:01.000 --> 00:00:02.500\nHello <i>there</i>\n<v Ann>second line\n\n"
    "00:00:03.000 --> 01:02:04.007 line:0 align:start\nTom &amp; Jerry say a &lt; b\n"
)


def test_round_trip_is_exact() -> None:
    assert format_vtt(parse_vtt(CANONICAL)) == CANONICAL


def test_entities_decode_and_tags_stay_raw() -> None:
    cues = parse_vtt(CANONICAL)
    assert cues == [
        Cue(1000, 2500, "Hello <i>there</i>\n<v Ann>second line", identifier="intro"),
        Cue(3000, 3_724_007, "Tom & Jerry say a < b", settings="line:0 align:start"),
    ]


def test_writer_escapes_what_would_break_the_file() -> None:
    cues = [Cue(0, 1000, "a --> b & <c> < d\n\nnbsp\u00a0end", identifier="x --> y")]
    written = format_vtt(cues)
    assert written == "WEBVTT\n\nx -> y\n00:00:00.000 --> 00:00:01.000\na --&gt; b &amp; <c> &lt; d\nnbsp&nbsp;end\n"
    assert parse_vtt(written) == [Cue(0, 1000, "a --> b & <c> < d\nnbsp\u00a0end", identifier="x -> y")]


def test_writer_makes_ids_unique_and_orders_by_start() -> None:
    cues = [Cue(5000, 6000, "late", identifier="a"), Cue(1000, 2000, "early", identifier="a")]
    assert parse_vtt(format_vtt(cues)) == [
        Cue(1000, 2000, "early", identifier="a"),
        Cue(5000, 6000, "late", identifier="a-2"),
    ]


@pytest.mark.parametrize("end_ms", [1000, 500])
def test_writer_refuses_a_cue_that_does_not_end_after_its_start(end_ms: int) -> None:
    with pytest.raises(FormatError, match=r"cue 2 .* must end after it starts"):
        format_vtt([Cue(0, 500, "ok"), Cue(1000, end_ms, "bad")])


def test_short_timestamps_and_settings_are_read_and_settings_written_back() -> None:
    text = "WEBVTT\n\n01:02.003 --> 01:03.000   align:start\tposition:10%\nx\n"
    cues = parse_vtt(text)
    assert cues == [Cue(62_003, 63_000, "x", settings="align:start position:10%")]
    assert format_vtt(cues) == "WEBVTT\n\n00:01:02.003 --> 00:01:03.000 align:start position:10%\nx\n"


def test_spec_parse_skips_a_bad_cue_and_says_where() -> None:
    text = "WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nbad comma\n\n00:00:03.000 --> 00:00:04.000\ngood\n"
    reading = read_vtt(text, "clip.vtt")
    assert reading.cues == [Cue(3000, 4000, "good")]
    assert [(p.line, str(p.path)) for p in reading.problems] == [(3, "clip.vtt")]
    assert "malformed timing line" in reading.problems[0].message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nA\n", 3, "malformed timing line"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nA\n", 3, "ends before it starts"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n2\n00:00:03.000 --> 00:00:04.000\nB\n", 6, "blank line"),
        ("WEBVTT\n\nstray words\n\n00:00:01.000 --> 00:00:02.000\nA\n", 3, "without a timing line"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\nSTYLE\n::cue {}\n", 6, "STYLE"),
        ("1\n00:00:01,000 --> 00:00:02,000\nA\n", 1, "not a WebVTT file"),
        ("", 1, "not a WebVTT file"),
    ],
)
def test_strict_reading_names_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError, match=message) as caught:
        parse_vtt(text, "clip.vtt")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"clip.vtt:{line}: ")


def test_notes_styles_and_header_text_are_not_problems() -> None:
    text = (
        "WEBVTT - a title\nKind: captions\n\nSTYLE\n::cue { color: red }\n\n"
        "NOTE a comment\n\n00:00.000 --> 00:01.000\nA\n"
    )
    assert read_vtt(text).problems == []
    assert parse_vtt(text) == [Cue(0, 1000, "A")]


STYLED = (
    "WEBVTT - a title\nKind: captions\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:low\n\n"
    "NOTE made by hand\n\n00:00:00.000 --> 00:00:01.000 region:low\nA\n"
)


def test_header_styles_regions_and_notes_before_the_cues_round_trip_exactly() -> None:
    reading = read_vtt(STYLED)
    assert reading.preamble == STYLED.split("\n\n00:00:00.000")[0]
    assert format_vtt(reading.cues, reading.preamble) == STYLED


def test_a_preamble_that_is_not_clean_webvtt_is_replaced_by_the_signature() -> None:
    cues = [Cue(0, 1000, "A")]
    for bad in ("no signature", "WEBVTT\n\n00:00.000 --> 00:01.000\nsneaked-in cue", "WEBVTT\n\nstray text"):
        assert format_vtt(cues, bad).startswith("WEBVTT\n\n00:00:00.000")


def test_a_blank_line_inside_a_cue_is_reported_with_a_hint() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nfirst half\n\nsecond half\n"
    with pytest.raises(FormatError, match="blank line inside the cue above") as caught:
        parse_vtt(text, "clip.vtt")
    assert caught.value.line == 6
