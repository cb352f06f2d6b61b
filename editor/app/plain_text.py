"""Untrusted text (cue text, file names, glossary entries) shown as the characters it holds, never as HTML.

Labels and message boxes take `Qt.PlainText`; a tooltip has no such switch (Qt guesses rich text from the
text itself), so a tooltip is always given as rich text whose every character is escaped.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` literally: `<img src=...>` is shown, not loaded; line breaks stay."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""
