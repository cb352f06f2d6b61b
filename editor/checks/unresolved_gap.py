"""Unresolved `--`: speech the transcriber could not hear, still waiting for staff to fill or remove it."""

from __future__ import annotations

import re

from editor.checks.issue import Fix, Issue, Rule, Severity, TextSpan
from editor.core.gaps import INAUDIBLE
from editor.core.model import Document, is_gap_text
from editor.core.style import CaptionStyle

NAME = "unresolved-gap"
MESSAGE = "unresolved `--` (unheard speech): listen and type what is said"
# Staff who cannot make it out either can write what the export's "inaudible" policy writes.
INAUDIBLE_FIX = Fix(INAUDIBLE, 0.5, ("export policy",))
_TOKEN = re.compile(r"\S+")


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each `--` run, naming its characters so the navigator can select and play it."""
    return [
        Issue(index, Severity.WARNING, NAME, MESSAGE, TextSpan(*token.span()), (INAUDIBLE_FIX,))
        for index, cue in enumerate(document.cues)
        for token in _TOKEN.finditer(cue.text)
        if is_gap_text(token.group())
    ]


RULE = Rule(NAME, "unresolved `--` runs", check)
