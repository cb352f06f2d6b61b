"""Words auto-sync could hardly hear: likely garbled transcript words ("sisal" for ISIL) to check by ear.

Once audio evidence is gathered (suspect_words reads it), it speaks for the word instead.
"""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.checks.word_spans import word_spans
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "low-confidence"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each word the audio does not support, with its span and confidence."""
    issues = []
    for index, cue in enumerate(document.cues):
        spans = word_spans(cue)
        for word, span in zip(cue.words, spans, strict=False):
            if word.is_doubtful and word.support is None:  # audio evidence, where there is some, says more
                message = f"the audio does not support “{word.text}” (confidence {word.confidence:.2f}): likely garbled"
                issues.append(Issue(index, Severity.WARNING, NAME, message, span))
    return issues


RULE = Rule(NAME, "words the audio does not support (after auto-sync)", check)
