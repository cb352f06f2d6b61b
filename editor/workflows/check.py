"""The caption style a document is checked against: the style named by the caller, else the document's own."""

from __future__ import annotations

from editor.core.model import Document
from editor.core.style import DEFAULT_STYLE, STYLES, CaptionStyle, style_named


def check_style(document: Document, style_name: str | None = None) -> CaptionStyle:
    """The chosen style (UnknownStyleError if no such style), else the document's, else the default."""
    if style_name:
        return style_named(style_name)
    return STYLES.get(document.style_name, DEFAULT_STYLE)
