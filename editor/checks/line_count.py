"""Lines per cue: more lines than the style allows cover the picture."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity, every_cue
from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle

NAME = "line-count"


def cue_issues(cue: Cue, index: int, style: CaptionStyle) -> list[Issue]:
    """An error for a cue with more lines than the style allows."""
    if len(cue.lines) <= style.max_lines:
        return []
    return [Issue(index, Severity.ERROR, NAME, f"{len(cue.lines)} lines (at most {style.max_lines})")]


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """Every cue with too many lines."""
    return every_cue(cue_issues, document, style)


RULE = Rule(NAME, "lines per cue", check, cue_issues)
