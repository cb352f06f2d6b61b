"""Sentence edges where our own aligner heard them: a sentence's first word starts where its sound rises out of
the pause before it, its last word ends where its sound falls into the pause after it."""

from __future__ import annotations

import bisect

from editor.timing.anchors import Anchor, Run
from editor.timing.chunks import FRAME_MS
from editor.timing.gaps import PAUSE_MS, Onsets
from editor.timing.recognize import GARBAGE, HeardWord

# How far before where our own aligner starts a sentence's first word its sound may rise out of the pause
# before it (and after where it ends its last word, fall into the pause after it). The path lends a word's
# edge that fits the model worse than the free phone loop to the gap: openings started late on the tune half
# (t-mix-inserts "Mr. secretary" 0.28 s, "And our officials" 0.11 s; no opening moved later or worse on 12
# tune variants), sentences ended early (t-mix-inserts median 0.105 -> 0.057 s before the sentence's end,
# t-espeak-18dB 0.068 -> 0.056; #9's sample "today." 0.20 s early, and with it the phones heard over the
# stretch it ends); a rise or fall further off is another sound's.
EDGE_REACH_MS = 300


def sentence_edges(runs: list[Run], heard: list[HeardWord], openings: set[int], onsets: Onsets) -> list[Run]:
    """The runs our own aligner heard, with each sentence's first word started where its sound rises out of the
    pause before it, and its last word ended where its sound falls into the pause after it, where that is within
    EDGE_REACH_MS and not past the word heard on that side."""
    said = [word for word in heard if word.token != GARBAGE]
    ends, starts = sorted(word.end_ms for word in said), sorted(word.start_ms for word in said)

    def risen(anchor: Anchor) -> Anchor:
        before = bisect.bisect_right(ends, anchor.start_ms)
        earliest = max(anchor.start_ms - EDGE_REACH_MS, ends[before - 1] if before else 0)
        rise = onsets.last_after_pause(earliest, anchor.start_ms + FRAME_MS, PAUSE_MS)
        return anchor._replace(start_ms=rise) if rise is not None and rise < anchor.start_ms else anchor

    def fallen(anchor: Anchor) -> Anchor:
        after = bisect.bisect_left(starts, anchor.end_ms)
        latest = min(anchor.end_ms + EDGE_REACH_MS, starts[after] if after < len(starts) else anchor.end_ms)
        fall = onsets.pause_after(anchor.end_ms - FRAME_MS, latest, PAUSE_MS)
        return anchor._replace(end_ms=fall) if anchor.end_ms < fall < latest else anchor

    def edged(anchor: Anchor) -> Anchor:
        anchor = risen(anchor) if anchor.token in openings else anchor
        return fallen(anchor) if anchor.token + 1 in openings else anchor

    return [[edged(anchor) for anchor in run] for run in runs]
