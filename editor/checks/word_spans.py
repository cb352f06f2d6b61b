"""Where each timed word of a cue sits in its text, so word-level issues can name their characters."""

from __future__ import annotations

import re

from editor.checks.issue import TextSpan
from editor.core.model import EDGE_PUNCTUATION, Cue

_TOKEN = re.compile(r"\S+")


def word_spans(cue: Cue) -> list[TextSpan]:
    """One span per word of `cue.words` (its token without edge punctuation); [] if the text no longer
    holds those words (the words are dropped on edit, so this only guards stale input)."""
    tokens = list(_TOKEN.finditer(cue.text))
    if [token.group() for token in tokens] != [word.text for word in cue.words]:
        return []
    return [_core_span(token.group(), token.start()) for token in tokens]


def _core_span(token: str, offset: int) -> TextSpan:
    core = token.strip(EDGE_PUNCTUATION) or token
    start = offset + token.index(core)
    return TextSpan(start, start + len(core))
