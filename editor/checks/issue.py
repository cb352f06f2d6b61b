"""What a check reports, and the shape of a rule, so the checks panel, the CLI and new rules share one form."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from editor.core.model import Cue, Document
from editor.core.style import CaptionStyle


class Severity(StrEnum):
    """ERROR: the file breaks a hard rule (the CLI exits 1); WARNING: worth a look."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Characters `start:end` of the cue's text an issue is about (one word, or "their bill" as one garble)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed replacement of the issue's span; `score` 0..1 ranks fixes, `sources` say who proposed it
    ("audio", "glossary", "dictionary") so staff can judge it."""

    replacement: str
    score: float
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem with one cue; cue_index is 0-based (the CLI and the UI show it 1-based). A word-level issue
    names its `span` of the cue's text and may carry ranked `fixes`, best first."""

    cue_index: int
    severity: Severity
    rule: str
    message: str
    span: TextSpan | None = None
    fixes: tuple[Fix, ...] = ()


CheckFunction = Callable[[Document, CaptionStyle], list[Issue]]
CueCheck = Callable[[Cue, int, CaptionStyle], list[Issue]]  # one cue alone (its index for the issues)


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check: a pure function from a document and a style to the issues it finds. A rule that judges
    each cue alone also gives `per_cue`, so a view can re-judge only the cues an edit touched."""

    name: str
    description: str
    check: CheckFunction
    per_cue: CueCheck | None = None


def every_cue(per_cue: CueCheck, document: Document, style: CaptionStyle) -> list[Issue]:
    """A per-cue rule run over the whole document."""
    return [issue for index, cue in enumerate(document.cues) for issue in per_cue(cue, index, style)]


def count_errors(issues: Iterable[Issue]) -> int:
    """How many of the issues are errors (the rest are warnings)."""
    return sum(issue.severity is Severity.ERROR for issue in issues)
