"""Unresolved `--`: speech the transcriber could not hear, still waiting for staff to fill or remove it."""

from __future__ import annotations

from editor.checks.issue import Fix, Issue, Rule, Severity, TextSpan
from editor.core.gaps import INAUDIBLE, gap_runs
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "unresolved-gap"
MESSAGE = "unresolved `--` (unheard speech): listen and type what is said"
# Staff who cannot make it out either can write what the export's "inaudible" policy writes.
INAUDIBLE_FIX = Fix(INAUDIBLE, 0.5, ("export policy",))


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each `--` run, naming its characters so the navigator can select and play it. "-- -- --"
    on a line is one run (one stretch unheard, one [inaudible] when fixed or exported), so one stop."""
    return [
        Issue(index, Severity.WARNING, NAME, MESSAGE, span, (INAUDIBLE_FIX,))
        for index, cue in enumerate(document.cues)
        for span in (TextSpan(*run) for run in gap_runs(cue.text))
    ]


RULE = Rule(NAME, "unresolved `--` runs", check)
