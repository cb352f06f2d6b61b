"""Mapping between time and pixels on the timeline: zoom, scroll and the ruler's adaptive ticks."""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.timecode import MS_PER_HOUR, MS_PER_MINUTE, format_timecode

MIN_MS_PER_PX = 0.5  # closest zoom: 2 px per millisecond, enough to place an edge on a single frame
MAX_MS_PER_PX = 60_000.0  # farthest zoom: a minute per pixel still shows a 10-hour programme in 600 px
ZOOM_STEP = 1.25  # one wheel notch or one +/- key press

# Ruler spacings a reader can count in: frames-ish, seconds, minutes, hours.
TICK_STEPS_MS = (
    10, 20, 50, 100, 200, 500,
    1000, 2000, 5000, 10_000, 15_000, 30_000,
    MS_PER_MINUTE, 2 * MS_PER_MINUTE, 5 * MS_PER_MINUTE, 10 * MS_PER_MINUTE, 15 * MS_PER_MINUTE,
    30 * MS_PER_MINUTE, MS_PER_HOUR, 2 * MS_PER_HOUR,
)


@dataclass(slots=True)
class TimeScale:
    """The visible window of time: left edge in ms and milliseconds per pixel (floats, so zoom is smooth)."""

    origin_ms: float = 0.0
    ms_per_px: float = 20.0

    def x_of(self, ms: float) -> float:
        return (ms - self.origin_ms) / self.ms_per_px

    def ms_at(self, x: float) -> float:
        return self.origin_ms + x * self.ms_per_px

    def span_ms(self, width_px: int) -> float:
        return width_px * self.ms_per_px

    def zoom_about(self, x: float, factor: float) -> None:
        """Zoom by `factor` (>1 zooms out) keeping the time under pixel `x` where it is."""
        anchor_ms = self.ms_at(x)
        self.ms_per_px = clamp(self.ms_per_px * factor, MIN_MS_PER_PX, MAX_MS_PER_PX)
        self.origin_ms = anchor_ms - x * self.ms_per_px

    def keep_within(self, total_ms: int, width_px: int) -> None:
        """Stop scrolling before zero and past the end; a programme shorter than the view starts at zero."""
        last_origin = max(0.0, total_ms - self.span_ms(width_px))
        self.origin_ms = clamp(self.origin_ms, 0.0, last_origin)


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def tick_step_ms(ms_per_px: float, min_label_px: float) -> int:
    """The smallest ruler spacing whose labels sit at least `min_label_px` apart."""
    for step in TICK_STEPS_MS:
        if step / ms_per_px >= min_label_px:
            return step
    return TICK_STEPS_MS[-1]


def minor_step_ms(step_ms: int) -> int:
    """Unlabelled ticks between labels: the finest round spacing that splits a step into at most six."""
    for candidate in TICK_STEPS_MS:
        if step_ms % candidate == 0 and step_ms // candidate <= 6:
            return candidate
    return step_ms


def ticks(first_ms: float, last_ms: float, step_ms: int) -> range:
    """Tick times on multiples of `step_ms` covering [first_ms, last_ms]."""
    start = max(0, int(first_ms // step_ms) * step_ms)
    return range(start, int(last_ms) + step_ms, step_ms)


def tick_label(ms: int, step_ms: int) -> str:
    """A short ruler label: hours only past the first hour, milliseconds only when the step needs them."""
    text = format_timecode(ms, ".")  # HH:MM:SS.mmm
    clock, fraction = text.split(".")
    if ms < MS_PER_HOUR:
        clock = clock[3:].lstrip("0") or "0"
        clock = clock if not clock.startswith(":") else "0" + clock
    if step_ms % 1000 == 0:
        return clock
    return f"{clock}.{fraction.rstrip('0') or '0'}" if step_ms % 100 == 0 else f"{clock}.{fraction}"
