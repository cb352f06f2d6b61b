"""Anchors: transcript tokens the recogniser heard, in order, at a time it measured.

A run of two or more tokens heard in transcript order is very unlikely by chance, so such runs become
anchors; single matches are left to the aligner. Anchors must increase in both transcript order and time:
the longest chain that does is kept, which drops matches in untranscribed speech or repeated phrases.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence
from typing import NamedTuple

from editor.timing.recognize import HeardWord

MIN_RUN = 2


class Anchor(NamedTuple):
    """Transcript token number `token` was heard from start_ms to end_ms."""

    token: int
    start_ms: int
    end_ms: int


def match_chunk(tokens: Sequence[str], first_index: int, heard: Sequence[HeardWord]) -> list[Anchor]:
    """Anchors from one chunk, whose recognition could only hear tokens[first_index:]."""
    matcher = difflib.SequenceMatcher(None, list(tokens), [word.token for word in heard], autojunk=False)
    anchors = []
    for block in matcher.get_matching_blocks():
        if block.size < MIN_RUN:
            continue
        for offset in range(block.size):
            word = heard[block.b + offset]
            anchors.append(Anchor(first_index + block.a + offset, word.start_ms, word.end_ms))
    return anchors


def consistent_chain(anchors: Sequence[Anchor]) -> list[Anchor]:
    """The longest chain of anchors increasing in both time and transcript index."""
    ordered = sorted(set(anchors), key=lambda anchor: (anchor.start_ms, anchor.token))
    tails: list[int] = []  # tails[k]: smallest last index of a chain of length k + 1
    tail_at: list[int] = []
    parent = [-1] * len(ordered)
    for position, anchor in enumerate(ordered):
        length = bisect.bisect_left(tails, anchor.token)
        if length == len(tails):
            tails.append(anchor.token)
            tail_at.append(position)
        else:
            tails[length] = anchor.token
            tail_at[length] = position
        parent[position] = tail_at[length - 1] if length > 0 else -1
    chain = []
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        chain.append(ordered[position])
        position = parent[position]
    chain.reverse()
    return chain
