"""Cues cut again from their own words with the style profile, inside the time they held: written once for
the Cue menu's re-cut (Ctrl+Shift+R) and for a fix that leaves a cue with more words than two lines hold."""

from __future__ import annotations

from editor.core.edits import EditError, replace_range, timed_words
from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.timing.pipeline import recut


def recut_range(document: Document, first: int, stop: int, style: CaptionStyle) -> Document:
    """Cues `first` up to `stop` (exclusive) re-cut from their words; nothing after them moves."""
    words = timed_words(document.cues[first:stop])
    if not words:
        raise EditError("the selected cues have no words to re-cut")
    following = document.cues[stop].start_ms - style.min_gap_ms if stop < len(document.cues) else None
    limit = following if following is not None else document.runtime_ms
    return replace_range(document, first, stop, recut(words, style, limit))
