"""Unresolved `--`: speech the transcriber could not hear, still waiting for staff to fill or remove it."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document, is_gap_text
from editor.core.style import CaptionStyle

NAME = "unresolved-gap"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each cue that still shows `--` runs."""
    issues = []
    for index, cue in enumerate(document.cues):
        runs = sum(is_gap_text(token) for token in cue.text.split())
        if runs:
            message = f"{runs} unresolved `--` run{'s' if runs > 1 else ''} (unheard speech)"
            issues.append(Issue(index, Severity.WARNING, NAME, message))
    return issues


RULE = Rule(NAME, "unresolved `--` runs", check)
