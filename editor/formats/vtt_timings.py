"""The WebVTT timing line: the spec's "collect WebVTT cue timings" and "collect a WebVTT timestamp"."""

from __future__ import annotations

_ASCII_WHITESPACE = "\t\n\f\r "
_DIGITS = "0123456789"


class _Cursor:
    """A position in one line, as the spec's algorithms walk it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def peek(self) -> str:
        return self.text[self.position] if self.position < len(self.text) else ""

    def skip_whitespace(self) -> None:
        while self.peek() and self.peek() in _ASCII_WHITESPACE:
            self.position += 1

    def digits(self) -> str:
        start = self.position
        while self.peek() and self.peek() in _DIGITS:
            self.position += 1
        return self.text[start : self.position]

    def expect(self, character: str, what: str) -> None:
        if self.peek() != character:
            raise ValueError(f"expected {what}")
        self.position += 1


def parse_timings(line: str) -> tuple[int, int, str]:
    """Start, end (ms) and the settings from "start --> end [settings]"; ValueError saying what is wrong."""
    cursor = _Cursor(line)
    cursor.skip_whitespace()
    start_ms = _timestamp(cursor)
    cursor.skip_whitespace()
    for character in "-->":
        cursor.expect(character, '"-->" after the start time')
    cursor.skip_whitespace()
    end_ms = _timestamp(cursor)
    settings = " ".join(token for token in line[cursor.position :].split() if "-->" not in token)
    return start_ms, end_ms, settings


def _timestamp(cursor: _Cursor) -> int:
    """[hh:]mm:ss.ttt exactly as the spec reads it: two-digit minutes and seconds, three-digit fraction."""
    if not cursor.peek() or cursor.peek() not in _DIGITS:
        raise ValueError("a time must start with a digit")
    first = cursor.digits()
    hours_first = len(first) != 2 or int(first) > 59
    cursor.expect(":", "':' in the time")
    second = _two_digits(cursor)
    if hours_first or cursor.peek() == ":":
        cursor.expect(":", "':' after the minutes")
        hours, minutes, seconds = int(first), int(second), int(_two_digits(cursor))
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    cursor.expect(".", "'.' before the milliseconds (WebVTT uses a dot, not a comma)")
    fraction = cursor.digits()
    if len(fraction) != 3:
        raise ValueError("milliseconds must have exactly three digits")
    if minutes > 59 or seconds > 59:
        raise ValueError("minutes and seconds must be below 60")
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction)


def _two_digits(cursor: _Cursor) -> str:
    digits = cursor.digits()
    if len(digits) != 2:
        raise ValueError("minutes and seconds must have two digits")
    return digits
