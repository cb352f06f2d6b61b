"""Reading speed above the hard limit: viewers cannot finish the caption before it clears."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity, every_cue
from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle, characters_per_second, cps_text

NAME = "reading-speed-limit"


def cue_issues(cue: Cue, index: int, style: CaptionStyle) -> list[Issue]:
    """An error for a non-empty cue read faster than the style's hard limit."""
    cps = characters_per_second(cue)
    if cps <= style.max_cps or not cue.text.strip() or cue.duration_ms <= 0:
        return []
    return [Issue(index, Severity.ERROR, NAME, f"{cps_text(cps)} characters per second (limit {style.max_cps:g})")]


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """Every cue read too fast."""
    return every_cue(cue_issues, document, style)


RULE = Rule(NAME, "reading speed over the hard limit", check, cue_issues)
