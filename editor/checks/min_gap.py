"""Minimum gap: captions closer than two frames look like one flickering caption."""

from __future__ import annotations

from itertools import pairwise

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.core.timecode import limit_at_resolution

NAME = "min-gap"
TIME_ROUNDING_MS = 1  # cue times are whole milliseconds: a gap of exactly two frames (66.7 ms) reads 66 or 67


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each cue followed too closely (but not overlapped) by the next one."""
    issues = []
    for index, (cue, following) in enumerate(pairwise(document.cues)):
        gap = following.start_ms - cue.end_ms
        if 0 <= gap < limit_at_resolution(style.min_gap_ms - TIME_ROUNDING_MS, cue.end_ms, following.start_ms):
            message = f"{gap} ms before the next cue (at least {style.min_gap_ms} ms)"
            issues.append(Issue(index, Severity.WARNING, NAME, message))
    return issues


RULE = Rule(NAME, "gap below the minimum", check)
