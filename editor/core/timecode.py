"""Integer-millisecond times and their text forms; the only place outside a format module that converts."""

from __future__ import annotations

import re

MS_PER_SECOND = 1000
MS_PER_MINUTE = 60 * MS_PER_SECOND
MS_PER_HOUR = 60 * MS_PER_MINUTE

_TIMECODE = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$")
_RUNTIME_IN_MINUTES = re.compile(r"^\s*(\d+):([0-5]\d)\s*$")  # `64:40`: how headers write a programme past the hour


class TimecodeError(ValueError):
    """Text that is not a timecode Cueline understands."""


def format_timecode(ms: int, fraction_separator: str = ",") -> str:
    """`HH:MM:SS,mmm` (SRT) or, with ".", `HH:MM:SS.mmm` (WebVTT and the editor)."""
    if ms < 0:
        raise TimecodeError(f"negative time {ms} ms")
    hours, rest = divmod(ms, MS_PER_HOUR)
    minutes, rest = divmod(rest, MS_PER_MINUTE)
    seconds, millis = divmod(rest, MS_PER_SECOND)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{fraction_separator}{millis:03d}"


def format_runtime(ms: int) -> str:
    """`MM:SS` (or `H:MM:SS` past an hour), as transcript headers write a runtime."""
    total_seconds = round(ms / MS_PER_SECOND)
    hours, rest = divmod(total_seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def parse_timecode(text: str) -> int:
    """Milliseconds from `[H:]MM:SS[.,mmm]`; a fraction of fewer than 3 digits is read as a decimal."""
    match = _TIMECODE.match(text)
    if not match:
        raise TimecodeError(f"not a timecode: {text!r} (expected HH:MM:SS.mmm or MM:SS)")
    hours, minutes, seconds, fraction = match.groups()
    if int(minutes) > 59 or int(seconds) > 59:
        raise TimecodeError(f"minutes and seconds must be below 60: {text!r}")
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return int(hours or 0) * MS_PER_HOUR + int(minutes) * MS_PER_MINUTE + int(seconds) * MS_PER_SECOND + millis


def parse_runtime(text: str) -> int:
    """A programme runtime such as `12:45`, `64:40` (minutes past the hour) or `1:02:03`; longer than zero."""
    minutes = _RUNTIME_IN_MINUTES.match(text)
    ms = int(minutes[1]) * MS_PER_MINUTE + int(minutes[2]) * MS_PER_SECOND if minutes else parse_timecode(text)
    if ms <= 0:
        raise TimecodeError(f"a runtime must be longer than zero: {text!r}")
    return ms


def frame_ms(fps: float) -> int:
    """One frame's length in whole milliseconds (33 at 29.97 fps), for nudging by a frame."""
    return round(MS_PER_SECOND / fps)


CENTISECOND_MS = 10


def limit_at_resolution(limit_ms: int, *times_ms: int) -> int:
    """A minimum (duration, gap) at the resolution the times are written in: whole centiseconds (as SubStation
    files store them) cannot say 833 ms, so a cue that round-trips as 830 ms is judged against 830, and the
    file format does not make a problem the user never made."""
    if all(time % CENTISECOND_MS == 0 for time in times_ms):
        return limit_ms // CENTISECOND_MS * CENTISECOND_MS
    return limit_ms
