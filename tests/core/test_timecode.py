import pytest

from editor.core.timecode import (
    TimecodeError,
    format_runtime,
    format_timecode,
    frame_ms,
    parse_runtime,
    parse_timecode,
)


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("00:00:00,000", 0),
        ("00:12:45.000", 765_000),
        ("12:45", 765_000),
        ("1:02:03.4", 3_723_400),
        ("01:02:03,45", 3_723_450),
        ("10:00:00.001", 36_000_001),
    ],
)
def test_parse_timecode_reads_srt_vtt_and_runtime_forms(text: str, ms: int) -> None:
    assert parse_timecode(text) == ms


@pytest.mark.parametrize("text", ["", "12", "12:60", "1:75:00", "ab:cd", "-0:01", "00:01:02;03"])
def test_parse_timecode_rejects_garbage_with_a_message(text: str) -> None:
    with pytest.raises(TimecodeError, match=r"timecode|below 60"):
        parse_timecode(text)


def test_format_and_parse_round_trip_every_separator() -> None:
    for ms in (0, 1, 999, 61_001, 3_599_999, 36_000_000):
        assert parse_timecode(format_timecode(ms)) == ms
        assert parse_timecode(format_timecode(ms, ".")) == ms
    assert format_timecode(765_000, ".") == "00:12:45.000"


def test_negative_times_and_empty_runtime_are_errors() -> None:
    with pytest.raises(TimecodeError):
        format_timecode(-1)
    with pytest.raises(TimecodeError, match="longer than zero"):
        parse_runtime("00:00")


def test_runtime_text_matches_transcript_headers() -> None:
    assert format_runtime(765_000) == "12:45"
    assert format_runtime(3_723_000) == "1:02:03"


def test_a_runtime_past_the_hour_may_be_written_in_minutes() -> None:
    """A 64:40 programme's transcript header ("64:40 | 06/24/14") was refused: minutes must be below 60."""
    assert parse_runtime("64:40") == parse_runtime("1:04:40") == 3_880_000
    with pytest.raises(TimecodeError, match="below 60"):
        parse_runtime("64:75")


def test_frame_length_at_broadcast_rates() -> None:
    assert frame_ms(29.97) == 33
    assert frame_ms(25) == 40
