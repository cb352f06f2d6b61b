"""A passage the programme cut but the transcript kept, inside a span the aligner could not place: its sentences
are flagged as unheard where the cut is, not stretched over the speech of the sentences around it.

A span whose audio is shorter than its words take at the speaker's own pace, with no pause at all (less the slack
Span.has_room allows at the fastest pace), cannot hold them all: some were never said there. The sentences
wholly inside it of which the recogniser heard nothing (no run of their words in order long enough to be no
chance) are those (s-wm7-edited: "Has rejected license ...", cut from the audio, laid over the next sentence's
speech, which then started 3.2 s late).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from editor.timing.anchors import PHONE_SLACK_MS, match_chunk
from editor.timing.recognize import HeardWord
from editor.timing.spans import CUT_EDGE_MIN_PHONES, Span


def cut_sentences(
    span: Span, tokens: Sequence[str], heard: Sequence[HeardWord], phones: Sequence[int],
    sentence_starts: Sequence[int], said_ms_per_phone: float,
) -> set[int]:
    """The tokens of the sentences wholly inside the failed `span` that its audio lacks: none, if its audio is
    long enough for all its words at `said_ms_per_phone` (the speaker's pace, pauses aside; `phones[k]`: token
    k's phones). `heard` holds the words the recogniser heard inside the span, in time order."""
    if span.end_ms - span.start_ms >= sum(phones[span.first: span.last]) * said_ms_per_phone - PHONE_SLACK_MS:
        return set()
    bounds = [*sentence_starts, len(tokens)]
    inside = [range(first, following) for first, following in itertools.pairwise(bounds)
              if span.first <= first and following <= span.last]
    return {token for sentence in inside if not _heard_in(sentence, tokens, heard, phones) for token in sentence}


def _heard_in(sentence: range, tokens: Sequence[str], heard: Sequence[HeardWord], phones: Sequence[int]) -> bool:
    """The recogniser heard a run of the sentence's words in order, with enough phones to be no chance."""
    runs = match_chunk(tokens[sentence.start: sentence.stop], sentence.start, heard)
    return any(sum(phones[anchor.token] for anchor in run) >= CUT_EDGE_MIN_PHONES for run in runs)
