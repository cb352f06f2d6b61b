"""Check a document against a caption style: the style named by the caller, else the document's own."""

from __future__ import annotations

from dataclasses import dataclass

from editor.checks.issue import Issue, Severity
from editor.checks.registry import run_checks
from editor.core.model import Document
from editor.core.style import DEFAULT_STYLE, STYLES, CaptionStyle, style_named


@dataclass(frozen=True)
class CheckReport:
    """Every issue found, with the style it was checked against."""

    issues: tuple[Issue, ...]
    style: CaptionStyle

    @property
    def errors(self) -> int:
        return sum(issue.severity is Severity.ERROR for issue in self.issues)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors


def check_style(document: Document, style_name: str | None = None) -> CaptionStyle:
    """The chosen style (UnknownStyleError if no such style), else the document's, else the default."""
    if style_name:
        return style_named(style_name)
    return STYLES.get(document.style_name, DEFAULT_STYLE)


def check_document(document: Document, style_name: str | None = None) -> CheckReport:
    """The document's caption problems, as the checks panel and `cueline check` list them."""
    style = check_style(document, style_name)
    return CheckReport(tuple(run_checks(document, style)), style)
