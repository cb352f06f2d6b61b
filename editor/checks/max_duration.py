"""Maximum duration: a caption on screen too long makes viewers re-read it and lose sync."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "max-duration"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each cue shown longer than the style's maximum."""
    return [
        Issue(index, Severity.WARNING, NAME, f"shown {cue.duration_ms} ms (at most {style.max_duration_ms} ms)")
        for index, cue in enumerate(document.cues)
        if cue.duration_ms > style.max_duration_ms
    ]


RULE = Rule(NAME, "maximum duration", check)
