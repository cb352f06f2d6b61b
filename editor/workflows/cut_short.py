"""Media cut short: a partial copy or a damaged file decodes without an error, its audio just stops early.

Auto-sync would blame the transcript for the missing speech, and the waveform would end without a word, so
both say where the audio stops against the length the file states. Light to import (the window uses it).
"""

from __future__ import annotations

from editor.core.timecode import format_runtime

CUT_SHORT_MS = 5000  # audio that stops this long before the end its file states: a partial copy, or damaged


def cut_short_note(decoded_ms: int, stated_ms: int | None) -> str:
    """"the audio stops at 03:54 of the 12:45 the file states (…)" when it does, else ""."""
    if stated_ms is None or stated_ms - decoded_ms <= CUT_SHORT_MS:
        return ""
    return (f"the audio stops at {format_runtime(decoded_ms)} of the {format_runtime(stated_ms)} the file states "
            "(an incomplete copy, or damaged)")
