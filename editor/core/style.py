"""Caption style profiles: the numbers of guidelines.md as data, and the reading-speed rule stated once."""

from __future__ import annotations

import math
from dataclasses import dataclass

from editor.core.model import Cue


@dataclass(frozen=True, slots=True)
class CaptionStyle:
    """Limits a caption must keep; used both to cut a transcript into cues and to check cues afterwards."""

    name: str
    label: str
    max_chars_per_line: int
    max_lines: int
    min_duration_ms: int
    max_duration_ms: int
    target_cps: float
    max_cps: float
    min_gap_ms: int
    fps: float = 29.97
    max_linger_ms: int = 400  # 12 frames at 29.97 fps: how long a caption may stay after its last word
    chain_gap_ms: int = 500  # gaps shorter than this are closed so the screen does not flicker
    spelling: str = "en-US"  # the dictionary spell check uses: "en-US" or "en-GB"


STYLES: dict[str, CaptionStyle] = {
    "streaming": CaptionStyle(
        name="streaming", label="Streaming / web (Netflix)", max_chars_per_line=42, max_lines=2,
        min_duration_ms=833, max_duration_ms=7000, target_cps=17.0, max_cps=20.0, min_gap_ms=67,
    ),
    "bbc": CaptionStyle(
        name="bbc", label="BBC-style", max_chars_per_line=37, max_lines=2, spelling="en-GB",
        min_duration_ms=1000, max_duration_ms=7000, target_cps=15.0, max_cps=18.0, min_gap_ms=67,
    ),
    "cea608": CaptionStyle(
        name="cea608", label="CEA-608 (US broadcast line 21)", max_chars_per_line=32, max_lines=2,
        min_duration_ms=1000, max_duration_ms=6000, target_cps=17.0, max_cps=20.0, min_gap_ms=67,
    ),
}

DEFAULT_STYLE = STYLES["streaming"]


class UnknownStyleError(KeyError):
    """A style profile name that Cueline does not have."""

    def __str__(self) -> str:
        return f"unknown style {self.args[0]!r}; choose one of: {', '.join(STYLES)}"


def style_named(name: str) -> CaptionStyle:
    """The profile by name, with an error that lists the choices."""
    try:
        return STYLES[name]
    except KeyError:
        raise UnknownStyleError(name) from None


def reading_chars(text: str) -> int:
    """Characters a viewer reads: all of the text except line breaks (spaces and punctuation count)."""
    return len(text.replace("\n", ""))


def characters_per_second(cue: Cue) -> float:
    """Reading speed of a cue; infinite for a cue with no duration, so it always fails the limit."""
    if cue.duration_ms <= 0:
        return float("inf")
    return reading_chars(cue.text) * 1000 / cue.duration_ms


def cps_text(cps: float) -> str:
    """A reading speed as staff read it: rounded up to a tenth, so a cue over a target or a limit never shows
    the limit itself ("17.0 characters per second (target 17)" for 17.03); "∞" for a cue with no duration."""
    if math.isinf(cps):
        return "∞"
    return f"{math.ceil(round(cps * 10, 6)) / 10:.1f}"  # round(): 16.9999999 from float division is 17.0
