"""Minimum duration: a caption that flashes by cannot be read, however short."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity, every_cue
from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle
from editor.core.timecode import limit_at_resolution

NAME = "min-duration"


def cue_issues(cue: Cue, index: int, style: CaptionStyle) -> list[Issue]:
    """A warning for a cue shown for less than the style's minimum (an error when not after its start)."""
    if cue.duration_ms <= 0:
        return [Issue(index, Severity.ERROR, NAME, f"ends at or before its start ({cue.duration_ms} ms)")]
    if cue.duration_ms < limit_at_resolution(style.min_duration_ms, cue.start_ms, cue.end_ms):
        message = f"shown {cue.duration_ms} ms (at least {style.min_duration_ms} ms)"
        return [Issue(index, Severity.WARNING, NAME, message)]
    return []


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """Every cue shown too briefly."""
    return every_cue(cue_issues, document, style)


RULE = Rule(NAME, "minimum duration", check, cue_issues)
