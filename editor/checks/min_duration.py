"""Minimum duration: a caption that flashes by cannot be read, however short."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "min-duration"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each cue shown for less than the style's minimum (an error when not after its start)."""
    issues = []
    for index, cue in enumerate(document.cues):
        if cue.duration_ms <= 0:
            message = f"ends at or before its start ({cue.duration_ms} ms)"
            issues.append(Issue(index, Severity.ERROR, NAME, message))
        elif cue.duration_ms < style.min_duration_ms:
            message = f"shown {cue.duration_ms} ms (at least {style.min_duration_ms} ms)"
            issues.append(Issue(index, Severity.WARNING, NAME, message))
    return issues


RULE = Rule(NAME, "minimum duration", check)
