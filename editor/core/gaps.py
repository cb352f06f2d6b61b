"""What an export does with unresolved `--` runs: keep them, write `[inaudible]`, or drop them.

guidelines.md: an export with unresolved runs warns first and offers these three choices. A run is what the
`unresolved-gap` check counts: whitespace-separated tokens of two or more dashes, one after another on a line
(`gap_runs`). Dashes inside a word ("well--no") are punctuation, not a gap, so they are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from editor.core.model import Cue, is_gap_text

INAUDIBLE = "[inaudible]"
_TOKEN = re.compile(r"\S+|\n")  # a line break ends a run


class GapPolicy(StrEnum):
    """The export choices for unheard speech."""

    KEEP = "keep"
    INAUDIBLE = "inaudible"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class GapResolution:
    """Cues after the policy, how many cues it changed, and how many it removed because nothing was left."""

    cues: tuple[Cue, ...]
    affected: int
    removed: int


def has_unresolved_gap(text: str) -> bool:
    """True when the text still shows a `--` run."""
    return any(is_gap_text(token) for token in text.split())


def count_cues_with_gaps(cues: Sequence[Cue]) -> int:
    """How many cues an export would warn about."""
    return sum(has_unresolved_gap(cue.text) for cue in cues)


def count_gap_runs(cues: Sequence[Cue]) -> int:
    """How many `--` runs are left, as the export writes them (one [inaudible] a run)."""
    return sum(len(gap_runs(cue.text)) for cue in cues)


def gap_runs(text: str) -> list[tuple[int, int]]:
    """Where each `--` run stands in the text (start, end): `--` tokens written one after another on a line
    ("-- -- --") are one run, one stretch the transcriber did not hear, as the export, the unresolved-gap check
    and fixes all take it."""
    runs: list[tuple[int, int]] = []
    extends = False
    for token in _TOKEN.finditer(text):
        gap = is_gap_text(token.group())
        if gap and extends:
            runs[-1] = (runs[-1][0], token.end())
        elif gap:
            runs.append(token.span())
        extends = gap
    return runs


def resolve_gap_text(text: str, policy: GapPolicy) -> str:
    """The cue text with its `--` runs treated by the policy; a run of several tokens becomes one marker."""
    if policy is GapPolicy.KEEP:
        return text
    lines = [_resolve_line(line, policy) if has_unresolved_gap(line) else line for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def resolve_gaps(cues: Sequence[Cue], policy: GapPolicy) -> GapResolution:
    """Apply the policy to every cue; a cue that DROP leaves empty is removed, not written blank."""
    result: list[Cue] = []
    affected = removed = 0
    for cue in cues:
        if policy is GapPolicy.KEEP or not has_unresolved_gap(cue.text):
            result.append(cue)
            continue
        affected += 1
        text = resolve_gap_text(cue.text, policy)
        if text.strip():
            result.append(cue.with_text(text))
        else:
            removed += 1
    return GapResolution(tuple(result), affected, removed)


def _resolve_line(line: str, policy: GapPolicy) -> str:
    tokens: list[str] = []
    for token in line.split():
        if not is_gap_text(token):
            tokens.append(token)
        elif policy is GapPolicy.INAUDIBLE and (not tokens or tokens[-1] != INAUDIBLE):
            tokens.append(INAUDIBLE)
    return " ".join(tokens)
