"""Timing by ear: set a cue's start or end at the playhead, and tap-to-sync (end this cue, start the next).

Pure functions over the Document, so the editor pushes each as one undo step. A neighbour is moved only
as far as needed to keep cues from overlapping; the gap a tap leaves is the style's minimum gap.
"""

from __future__ import annotations

from dataclasses import replace

from editor.core.edits import EditError
from editor.core.model import Cue, Document


def start_at(document: Document, index: int, playhead_ms: int) -> Document:
    """The cue starts at the playhead (keeping its length if the playhead is past its end)."""
    cue = _cue(document, index)
    start = max(0, playhead_ms)
    end = cue.end_ms if start < cue.end_ms else start + cue.duration_ms
    cues = list(document.cues)
    cues[index] = cue.with_times(start, end)
    if index > 0 and cues[index - 1].end_ms > start:
        cues[index - 1] = _ending_at(cues[index - 1], start)
    return document.with_cues(cues)


def end_at(document: Document, index: int, playhead_ms: int) -> Document:
    """The cue ends at the playhead; a next cue starting earlier is moved to start there."""
    cue = _cue(document, index)
    if playhead_ms <= cue.start_ms:
        raise EditError(f"cue {index + 1} starts after the playhead: it cannot end there")
    cues = list(document.cues)
    cues[index] = cue.with_times(cue.start_ms, playhead_ms)
    if index + 1 < len(cues) and cues[index + 1].start_ms < playhead_ms:
        cues[index + 1] = _starting_at(cues[index + 1], playhead_ms)
    return document.with_cues(cues)


def tap(document: Document, index: int, playhead_ms: int, gap_ms: int) -> Document:
    """Tap-to-sync: cue `index` ends `gap_ms` before the playhead and the next cue starts at it."""
    cue = _cue(document, index)
    if index + 1 >= len(document.cues):
        return end_at(document, index, playhead_ms)
    end = max(playhead_ms - gap_ms, cue.start_ms + 1)
    if playhead_ms <= cue.start_ms:
        raise EditError(f"cue {index + 1} starts after the playhead: tap once it is on screen")
    cues = list(document.cues)
    cues[index] = cue.with_times(cue.start_ms, end)
    cues[index + 1] = _starting_at(cues[index + 1], playhead_ms)
    return document.with_cues(cues)


def _cue(document: Document, index: int) -> Cue:
    if not 0 <= index < len(document.cues):
        raise EditError(f"there is no cue {index + 1}")
    return document.cues[index]


def _starting_at(cue: Cue, start_ms: int) -> Cue:
    """The cue moved to start at `start_ms`, keeping its length when its end would come first."""
    end = cue.end_ms if cue.end_ms > start_ms else start_ms + cue.duration_ms
    return replace(cue, start_ms=start_ms, end_ms=end)


def _ending_at(cue: Cue, end_ms: int) -> Cue:
    return replace(cue, end_ms=max(end_ms, cue.start_ms + 1))
