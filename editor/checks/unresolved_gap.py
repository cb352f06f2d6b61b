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
_TOKEN = re.compile(r"[^\s]+|\n")


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each `--` run, naming its characters so the navigator can select and play it. "-- -- --"
    on a line is one run (one stretch unheard, one [inaudible] when fixed or exported), so one stop."""
    return [
        Issue(index, Severity.WARNING, NAME, MESSAGE, span, (INAUDIBLE_FIX,))
        for index, cue in enumerate(document.cues)
        for span in _runs(cue.text)
    ]


def _runs(text: str) -> list[TextSpan]:
    """The character span of each run of `--` tokens written one after another on a line."""
    runs: list[TextSpan] = []
    extends = False
    for token in _TOKEN.finditer(text):
        gap = is_gap_text(token.group())
        if gap and extends:
            runs[-1] = TextSpan(runs[-1].start, token.end())
        elif gap:
            runs.append(TextSpan(*token.span()))
        extends = gap
    return runs


RULE = Rule(NAME, "unresolved `--` runs", check)
