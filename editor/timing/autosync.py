"""The last step of auto-sync: the document cut again on its aligned words, within the style's limits.

A cue starts a little before its first word (lead-in) and stays a little after its last (linger), bounded
by the next cue and the minimum gap; recut does the fitting and prefers to change cues at pauses.
"""

from __future__ import annotations

from dataclasses import replace

from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.timing.align import Alignment
from editor.timing.pipeline import recut

MAX_LEAD_IN_MS = 100
MAX_LINGER_MS = 500


class SyncSettingError(ValueError):
    """A lead-in or linger outside what captions allow."""


def synced_document(
    document: Document, alignment: Alignment, style: CaptionStyle, runtime_ms: int | None, *,
    lead_in_ms: int = 0, linger_ms: int | None = None,
) -> Document:
    """The document's cues re-cut on the aligned words; unchanged when the audio held no speech."""
    if not alignment.speech_found:
        return document
    linger = style.max_linger_ms if linger_ms is None else linger_ms
    if not 0 <= lead_in_ms <= MAX_LEAD_IN_MS:
        raise SyncSettingError(f"lead-in must be 0-{MAX_LEAD_IN_MS} ms, not {lead_in_ms}")
    if not 0 <= linger <= MAX_LINGER_MS:
        raise SyncSettingError(f"linger must be 0-{MAX_LINGER_MS} ms, not {linger}")
    cues = recut(alignment.words, style, runtime_ms, lead_in_ms=lead_in_ms, linger_ms=linger)
    return replace(document.with_cues(cues), runtime_ms=runtime_ms, style_name=style.name)
