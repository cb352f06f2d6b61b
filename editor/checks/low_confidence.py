"""Words auto-sync could hardly hear: likely garbled transcript words ("sisal" for ISIL) to check by ear.

A low score is judged against the recording's own words: the document's doubt_limit, which auto-sync measures
each time it scores the words (core/recording_doubt.py). Once audio evidence is gathered (suspect_words reads
it), it speaks for the word instead.
"""

from __future__ import annotations

from editor.checks.issue import Issue, Rule, Severity
from editor.checks.word_spans import word_spans
from editor.core.model import Cue, Document, Word
from editor.core.style import CaptionStyle

NAME = "low-confidence"


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each word the audio does not support, with its span and confidence."""
    limit = document.doubt_limit
    return [issue for index, cue in enumerate(document.cues) for issue in cue_doubts(cue, index, limit)]


def cue_doubts(cue: Cue, index: int, limit: float) -> list[Issue]:
    """The cue's words scored below `limit` (its document's doubt_limit), as warnings with their spans."""
    issues = []
    for word, span in zip(cue.words, word_spans(cue), strict=False):
        if word.support is None and doubtful_in_recording(word, limit):
            message = f"the audio does not support “{word.text}” (confidence {word.confidence:.2f}): likely garbled"
            issues.append(Issue(index, Severity.WARNING, NAME, message, span))  # audio evidence, if any, says more
    return issues


def doubtful_in_recording(word: Word, limit: float) -> bool:
    """Whether alignment heard too little of the word, for a recording whose doubt_limit is `limit`."""
    return word.is_doubtful and word.confidence is not None and word.confidence < limit


RULE = Rule(NAME, "words the audio does not support (after auto-sync)", check)
