"""Bidirectional control characters: invisible, they reorder what follows (U+202E shows "evil" as "live"),
so a cue can read differently on screen from what staff typed and checked."""

from __future__ import annotations

import unicodedata

from editor.checks.issue import Fix, Issue, Rule, Severity, TextSpan
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "bidi-control"
# Embeddings, overrides and isolates; the marks (U+200E, U+200F, U+061C) only nudge neutral characters.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each bidi control character, with its place in the text and a fix that removes it."""
    issues = []
    for index, cue in enumerate(document.cues):
        for position, character in enumerate(cue.text):
            if character in BIDI_CONTROLS:
                name = unicodedata.name(character, f"U+{ord(character):04X}")
                message = f"invisible {name} (U+{ord(character):04X}) reorders the text shown after it"
                span = TextSpan(position, position + 1)
                issues.append(Issue(index, Severity.WARNING, NAME, message, span=span,
                                    fixes=(Fix("", 1.0, ("bidi-control",)),)))
    return issues


RULE = Rule(NAME, "bidi control characters", check)
