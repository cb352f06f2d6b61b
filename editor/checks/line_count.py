"""Lines per cue: more lines than the style allows cover the picture."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "line-count"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """An error for each cue with more lines than the style allows."""
    return [
        Issue(index, Severity.ERROR, NAME, f"{len(cue.lines)} lines (at most {style.max_lines})")
        for index, cue in enumerate(document.cues)
        if len(cue.lines) > style.max_lines
    ]


RULE = Rule(NAME, "lines per cue", check)
