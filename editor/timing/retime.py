"""Retiming a whole document: stretch every time by one factor, e.g. to fit the media's real duration.

A transcript's stated runtime often differs from the media (a trimmed ident, a different cut). When the
difference is large enough to matter, the editor offers to stretch the timing so the end meets the media.
"""

from __future__ import annotations

from dataclasses import replace

from editor.core.model import Cue, Document, Word

# Captions must sit within 3 frames of speech (~100 ms), so by the last cue a mismatch beyond
# half a second is visible; under that, stretching would move cues less than the sync tolerance.
MISMATCH_TOLERANCE_MS = 500


def document_runtime_ms(document: Document) -> int:
    """The runtime the timing was made for: the stated runtime, else where the last cue ends."""
    if document.runtime_ms:
        return document.runtime_ms
    return max((cue.end_ms for cue in document.cues), default=0)


def runtime_mismatch_ms(document: Document, media_ms: int) -> int:
    """How far the document's runtime is from the media's (positive: the media is longer)."""
    return media_ms - document_runtime_ms(document)


def should_offer_stretch(document: Document, media_ms: int | None) -> bool:
    """True when the media's duration is known and differs from the timing's by more than the tolerance."""
    if media_ms is None or media_ms <= 0 or document_runtime_ms(document) <= 0:
        return False
    return abs(runtime_mismatch_ms(document, media_ms)) > MISMATCH_TOLERANCE_MS


def stretch_document(document: Document, factor: float) -> Document:
    """Every cue and word time (and the runtime) multiplied by `factor`; order, touching and gaps keep."""
    if factor <= 0:
        raise ValueError(f"stretch factor must be positive, not {factor}")
    cues = tuple(_stretch_cue(cue, factor) for cue in document.cues)
    runtime = _scaled(document.runtime_ms, factor) if document.runtime_ms is not None else None
    return replace(document, cues=cues, runtime_ms=runtime)


def stretch_to_runtime(document: Document, runtime_ms: int) -> Document:
    """The document stretched so its runtime becomes `runtime_ms` (the media's duration)."""
    current = document_runtime_ms(document)
    if current <= 0:
        return replace(document, runtime_ms=runtime_ms)
    stretched = stretch_document(document, runtime_ms / current)
    return replace(stretched, runtime_ms=runtime_ms)


def _stretch_cue(cue: Cue, factor: float) -> Cue:
    words = tuple(_stretch_word(word, factor) for word in cue.words)
    start, end = _scaled(cue.start_ms, factor), _scaled(cue.end_ms, factor)
    return replace(cue, start_ms=start, end_ms=max(end, start + 1), words=words)


def _stretch_word(word: Word, factor: float) -> Word:
    if not word.is_timed:
        return word
    return replace(word, start_ms=_scaled(word.start_ms, factor), end_ms=_scaled(word.end_ms, factor))


def _scaled(ms: int | None, factor: float) -> int:
    return round((ms or 0) * factor)
