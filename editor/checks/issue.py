"""What a check reports, and the shape of a rule, so the checks panel, the CLI and new rules share one form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from editor.core.model import Document
from editor.core.style import CaptionStyle


class Severity(StrEnum):
    """ERROR: the file breaks a hard rule (the CLI exits 1); WARNING: worth a look."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem with one cue; cue_index is 0-based (the CLI and the UI show it 1-based)."""

    cue_index: int
    severity: Severity
    rule: str
    message: str


CheckFunction = Callable[[Document, CaptionStyle], list[Issue]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named check: a pure function from a document and a style to the issues it finds."""

    name: str
    description: str
    check: CheckFunction
