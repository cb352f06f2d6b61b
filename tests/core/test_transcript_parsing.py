"""Transcript import: the news-site header, a bare body with an explicit runtime, and `--` gap tokens."""

import pytest

from editor.core.transcript import TranscriptError, find_header, parse_transcript, tokenize
from editor.paths import sample_transcript_path

HEADED = """Storm Hits Coast

Officials urge residents to leave.
03:07 | 01/02/15

Transcript for Storm Hits Coast
Good evening. The storm -- landfall tonight.
"""


def test_the_seed_header_gives_title_summary_date_and_runtime():
    transcript = parse_transcript(sample_transcript_path().read_text(encoding="utf-8"))
    assert transcript.title == "Shiite Militia Reportedly Kill 40 Members of ISIS"
    assert transcript.summary.startswith("Secretary of State John Kerry says")
    assert transcript.date == "06/24/14"
    assert transcript.runtime_ms == 765_000
    assert [w.text for w in transcript.words[:3]] == ["From", "him.", "Celebrating"]
    assert transcript.words[-1].text == "York."


def test_the_body_keeps_every_token_and_no_header_line():
    transcript = parse_transcript(HEADED)
    assert [w.text for w in transcript.words] == "Good evening. The storm -- landfall tonight.".split()
    assert transcript.runtime_ms == 3 * 60_000 + 7_000
    assert transcript.summary == "Officials urge residents to leave."


def test_gap_runs_become_gap_words_even_when_glued_to_a_word():
    assert tokenize("the storm--made ---- landfall --") == ["the", "storm", "--", "made", "----", "landfall", "--"]
    words = parse_transcript("the storm--made landfall", runtime_ms=5000).words
    assert [w.is_gap for w in words] == [False, False, True, False, False]


def test_a_bare_text_needs_an_explicit_runtime():
    with pytest.raises(TranscriptError, match="no runtime"):
        parse_transcript("Just some words without any header.")
    transcript = parse_transcript("Just some words.\nAnd a second paragraph.", runtime_ms=9000)
    assert transcript.title == ""
    assert transcript.runtime_ms == 9000
    assert len(transcript.words) == 7


def test_an_explicit_runtime_overrides_the_header():
    assert parse_transcript(HEADED, runtime_ms=200_000).runtime_ms == 200_000


def test_windows_and_old_mac_line_ends_and_a_bom_are_read_the_same():
    expected = parse_transcript(HEADED)
    assert parse_transcript("\ufeff" + HEADED.replace("\n", "\r\n")) == expected
    assert parse_transcript(HEADED.replace("\n", "\r")) == expected


def test_a_bad_runtime_in_the_header_names_its_line():
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(HEADED.replace("03:07", "03:75"))
    assert caught.value.line == 4
    assert parse_transcript(HEADED.replace("03:07", "03:75"), runtime_ms=60_000).runtime_ms == 60_000


def test_a_transcript_without_words_is_an_error():
    with pytest.raises(TranscriptError, match="no words"):
        parse_transcript("Title\n\n03:07 | 01/02/15\n\nTranscript for Title\n\n")


def test_header_detection():
    assert find_header(HEADED)
    assert not find_header("Just words.\nMore words.")
