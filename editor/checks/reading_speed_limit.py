"""Reading speed above the hard limit: viewers cannot finish the caption before it clears."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle, characters_per_second

NAME = "reading-speed-limit"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """An error for each non-empty cue read faster than the style's hard limit."""
    issues = []
    for index, cue in enumerate(document.cues):
        cps = characters_per_second(cue)
        if cps > style.max_cps and cue.text.strip() and cue.duration_ms > 0:
            message = f"{cps:.1f} characters per second (limit {style.max_cps:g})"
            issues.append(Issue(index, Severity.ERROR, NAME, message))
    return issues


RULE = Rule(NAME, "reading speed over the hard limit", check)
