"""Untrusted text (cue text, file names, glossary entries) shown as the characters it holds, never as HTML.

Labels and message boxes take `Qt.PlainText`; a tooltip has no such switch (Qt guesses rich text from the
first tag it sees), so a tooltip is always given as rich text whose every character is escaped.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    """A tooltip that shows text literally: `<img src=...>` is shown, not loaded; line breaks are kept."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""
