"""Characters per line: a line longer than the style allows wraps or runs off screen."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "line-length"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """An error for each line longer than the style's characters per line."""
    issues = []
    for index, cue in enumerate(document.cues):
        for number, line in enumerate(cue.lines, start=1):
            if len(line) > style.max_chars_per_line:
                message = f"line {number} has {len(line)} characters (at most {style.max_chars_per_line})"
                issues.append(Issue(index, Severity.ERROR, NAME, message))
    return issues


RULE = Rule(NAME, "characters per line", check)
