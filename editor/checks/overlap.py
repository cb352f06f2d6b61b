"""Overlap: a cue still on screen when the next starts; players show both or drop one."""

from __future__ import annotations

from itertools import pairwise

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "overlap"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """An error for each cue that ends after the next one starts."""
    issues = []
    for index, (cue, following) in enumerate(pairwise(document.cues)):
        if cue.end_ms > following.start_ms:
            message = f"overlaps the next cue by {cue.end_ms - following.start_ms} ms"
            issues.append(Issue(index, Severity.ERROR, NAME, message))
    return issues


RULE = Rule(NAME, "overlapping cues", check)
