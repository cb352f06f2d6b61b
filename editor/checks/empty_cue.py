"""Empty cue: a caption with no text shows nothing and confuses players and editors."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "empty-cue"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """An error for each cue whose text is blank."""
    return [
        Issue(index, Severity.ERROR, NAME, "no text")
        for index, cue in enumerate(document.cues)
        if not cue.text.strip()
    ]


RULE = Rule(NAME, "empty cue", check)
