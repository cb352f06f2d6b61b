"""Stretch to the media: when the media's running time differs from the one the captions were timed for,
offer to stretch every time to fit it; a difference too large for any cut of the same programme means the
wrong media file, and then the timing is kept unless staff insist.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.model import Document
from editor.timing.retime import document_runtime_ms, should_offer_stretch, stretch_to_runtime

# A different cut of one programme (a trimmed ident, the other side of a break, PAL/NTSC speed) differs by
# a few percent; squeezed or spread by half again, captions read at speeds no viewer can follow or sit far
# from their words. Beyond this ratio the media is another programme (12:45 of captions against a 30 s clip).
WRONG_MEDIA_RATIO = 1.5
# A transcript header states the runtime in whole seconds ("64:40"): media up to a second longer or shorter is
# that runtime, and stretching to it would only move the estimate by the header's rounding.
HEADER_PRECISION_MS = 1000


@dataclass(frozen=True)
class MediaFits:
    """The timing already fits the media (or one of the durations is unknown): nothing to offer."""


@dataclass(frozen=True)
class _Mismatch:
    """The media's duration, the one the captions were timed for, and the document stretched to the media."""

    media_ms: int
    timing_ms: int
    stretched: Document


class MediaDiffers(_Mismatch):
    """A different cut of the programme: offer `stretched` for staff to accept."""


class MediaRunsOn(_Mismatch):
    """Captions that state no runtime (a caption file: the timing is where its last cue ends) ending before the
    media does: the programme likely runs on after its last caption (credits, music), so the stretch is offered
    with keeping the timing as the answer to a quick Enter (a file synced to this very media would drift)."""


class WrongMedia(_Mismatch):
    """So far from the timing that it is another file: keep the timing unless staff choose `stretched`."""

    @property
    def ratio(self) -> float:
        """How many times longer the longer of the two is."""
        return max(self.media_ms, self.timing_ms) / max(1, min(self.media_ms, self.timing_ms))


MediaFit = MediaFits | MediaDiffers | MediaRunsOn | WrongMedia


def fit_to_media(document: Document, media_ms: int | None, *, always: bool = False) -> MediaFit:
    """How the document's timing compares with the media's duration; `always` offers even a small stretch."""
    timing_ms = document_runtime_ms(document)
    if media_ms is None or media_ms <= 0 or timing_ms <= 0:
        return MediaFits()
    if not always and (not should_offer_stretch(document, media_ms) or _within_its_rounding(document, media_ms)):
        return MediaFits()
    stretched = stretch_to_runtime(document, media_ms)
    if max(media_ms, timing_ms) > WRONG_MEDIA_RATIO * min(media_ms, timing_ms):
        return WrongMedia(media_ms, timing_ms, stretched)
    if document.runtime_ms is None and media_ms > timing_ms and not always:
        return MediaRunsOn(media_ms, timing_ms, stretched)
    return MediaDiffers(media_ms, timing_ms, stretched)


def _within_its_rounding(document: Document, media_ms: int) -> bool:
    """The document states a runtime in whole seconds and the media is that runtime to the second."""
    stated = document.runtime_ms
    return stated is not None and stated % HEADER_PRECISION_MS == 0 and abs(media_ms - stated) < HEADER_PRECISION_MS
