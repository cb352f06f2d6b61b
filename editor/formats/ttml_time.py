"""TTML time expressions (clock time, frames, ticks, offsets) to milliseconds, under a document's parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

_CLOCK = re.compile(r"^(\d{2,}):(\d{2}):(\d{2})(?:\.(\d+)|:(\d+)(?:\.(\d+))?)?$")
_OFFSET = re.compile(r"^(\d+(?:\.\d+)?)(h|ms|m|s|f|t)$")
_UNIT_SECONDS = {"h": Fraction(3600), "m": Fraction(60), "s": Fraction(1), "ms": Fraction(1, 1000)}


@dataclass(frozen=True, slots=True)
class TimeParameters:
    """The ttp: attributes of the root that give frames and ticks a length."""

    frame_rate: Fraction = Fraction(30)
    sub_frame_rate: int = 1
    tick_rate: Fraction = Fraction(1)


def time_parameters(frame_rate: str | None, multiplier: str | None, sub_frame_rate: str | None,
                    tick_rate: str | None) -> TimeParameters:
    """Parameters from the attribute values (None where absent), with TTML's defaults; ValueError if not positive."""
    rate = Fraction(_positive(frame_rate, "frameRate")) if frame_rate else Fraction(30)
    if multiplier:
        numerator, denominator = multiplier.split()
        rate *= Fraction(_positive(numerator, "frameRateMultiplier"), _positive(denominator, "frameRateMultiplier"))
    subs = _positive(sub_frame_rate, "subFrameRate") if sub_frame_rate else 1
    ticks = Fraction(_positive(tick_rate, "tickRate")) if tick_rate else (rate * subs if frame_rate else Fraction(1))
    return TimeParameters(rate, subs, ticks)


def _positive(text: str, name: str) -> int:
    """A rate divides times, so zero or a negative number is as malformed as a word."""
    value = int(text)
    if value <= 0:
        raise ValueError(f"{name} must be a positive whole number, not {text!r}")
    return value


def parse_time_expression(text: str, parameters: TimeParameters) -> int:
    """Milliseconds; ValueError for text that is not a TTML time expression."""
    text = text.strip()
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds, fraction, frames, sub_frames = clock.groups()
        total = Fraction(int(hours) * 3600 + int(minutes) * 60 + int(seconds))
        if fraction:
            total += Fraction(int(fraction), 10 ** len(fraction))
        if frames:
            total += (int(frames) + Fraction(int(sub_frames or 0), parameters.sub_frame_rate)) / parameters.frame_rate
        return round(total * 1000)
    offset = _OFFSET.match(text)
    if offset is None:
        raise ValueError(f"not a TTML time expression: {text!r}")
    value, unit = Fraction(offset.group(1)), offset.group(2)
    if unit == "f":
        return round(value / parameters.frame_rate * 1000)
    if unit == "t":
        return round(value / parameters.tick_rate * 1000)
    return round(value * _UNIT_SECONDS[unit] * 1000)


def format_clock_time(ms: int) -> str:
    """`hh:mm:ss.mmm`, the media-time form EBU-TT-D and IMSC1 text documents use."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
