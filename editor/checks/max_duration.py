"""Maximum duration: a caption on screen too long makes viewers re-read it and lose sync."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity, every_cue
from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle

NAME = "max-duration"


def cue_issues(cue: Cue, index: int, style: CaptionStyle) -> list[Issue]:
    """A warning for a cue shown longer than the style's maximum."""
    if cue.duration_ms <= style.max_duration_ms:
        return []
    return [Issue(index, Severity.WARNING, NAME, f"shown {cue.duration_ms} ms (at most {style.max_duration_ms} ms)")]


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """Every cue shown too long."""
    return every_cue(cue_issues, document, style)


RULE = Rule(NAME, "maximum duration", check, cue_issues)
