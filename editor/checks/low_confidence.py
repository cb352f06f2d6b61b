"""Words auto-sync could hardly hear: likely garbled transcript words ("sisal" for ISIL) to check by ear."""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "low-confidence"
SHOWN = 4  # words quoted in one message; the rest are counted


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each cue holding words the audio does not support, with their confidence."""
    issues = []
    for index, cue in enumerate(document.cues):
        doubtful = [word for word in cue.words if word.is_doubtful]
        if not doubtful:
            continue
        quoted = ", ".join(f"“{word.text}” ({word.confidence:.2f})" for word in doubtful[:SHOWN])
        more = f" and {len(doubtful) - SHOWN} more" if len(doubtful) > SHOWN else ""
        noun = "word" if len(doubtful) == 1 else "words"
        message = f"{len(doubtful)} {noun} the audio does not support (likely garbled): {quoted}{more}"
        issues.append(Issue(index, Severity.WARNING, NAME, message))
    return issues


RULE = Rule(NAME, "words the audio does not support (after auto-sync)", check)
