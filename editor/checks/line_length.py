"""Characters per line: a line longer than the style allows wraps or runs off screen.

What counts is what a viewer sees: markup tags (`<i>`, `<v Ann>`, `<font ...>`) take no room on screen.
"""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity, every_cue
from editor.core.markup import strip_markup
from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle

NAME = "line-length"


def cue_issues(cue: Cue, index: int, style: CaptionStyle) -> list[Issue]:
    """An error for each line of the cue longer than the style's characters per line."""
    limit = style.max_chars_per_line
    seen = (len(strip_markup(line)) for line in cue.lines)
    return [
        Issue(index, Severity.ERROR, NAME, f"line {number} has {length} characters (at most {limit})")
        for number, length in enumerate(seen, start=1)
        if length > limit
    ]


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """Every line too long."""
    return every_cue(cue_issues, document, style)


RULE = Rule(NAME, "characters per line", check, cue_issues)
