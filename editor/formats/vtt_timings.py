"""The WebVTT timing line: the spec's "collect WebVTT cue timings" and "collect a WebVTT timestamp"."""

from __future__ import annotations

import re

_ASCII_WHITESPACE = "\t\n\f\r "
_DIGITS = "0123456789"
_TIME = r"([0-9]+):([0-9]{2})(?::([0-9]{2}))?\.([0-9]{3})(?![0-9])"
_WELL_FORMED = re.compile(rf"[\t\n\f\r ]*{_TIME}[\t\n\f\r ]*-->[\t\n\f\r ]*{_TIME}")


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
    quick = _well_formed_timings(line)
    return quick if quick is not None else _walk_timings(line)


def _well_formed_timings(line: str) -> tuple[int, int, str] | None:
    """One regular expression for the usual line (200,000 cues in well under a second); None leaves it to the walk."""
    match = _WELL_FORMED.match(line)
    if match is None:
        return None
    start_ms, end_ms = _matched_ms(match.group(1, 2, 3, 4)), _matched_ms(match.group(5, 6, 7, 8))
    if start_ms is None or end_ms is None:
        return None
    settings = " ".join(token for token in line[match.end() :].split() if "-->" not in token)
    return start_ms, end_ms, settings


def _matched_ms(parts: tuple[str, ...]) -> int | None:
    """Milliseconds from the matched fields, or None where the spec's walk would refuse them."""
    first, second, third, fraction = parts
    if third is None:
        if len(first) != 2 or int(first) > 59:
            return None
        hours, minutes, seconds = 0, int(first), int(second)
    else:
        hours, minutes, seconds = int(first), int(second), int(third)
    if minutes > 59 or seconds > 59:
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction)


def _walk_timings(line: str) -> tuple[int, int, str]:
    """The spec's character-by-character walk, which also says what is wrong with a bad line."""
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
