"""Reading speed above the style's target: readable, but fast; worth easing where the timing allows."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle, characters_per_second, cps_text

NAME = "reading-speed"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each cue faster than the target but within the hard limit."""
    issues = []
    for index, cue in enumerate(document.cues):
        cps = characters_per_second(cue)
        if style.target_cps < cps <= style.max_cps:
            message = f"{cps_text(cps)} characters per second (target {style.target_cps:g})"
            issues.append(Issue(index, Severity.WARNING, NAME, message))
    return issues


RULE = Rule(NAME, "reading speed over the target", check)
