"""Setting times at the playhead and tap-to-sync, as pure edits of the document."""

from __future__ import annotations

import itertools

import pytest

from editor.core.edits import EditError
from editor.core.model import Cue, Document
from editor.timing.by_ear import end_at, start_at, tap


def document() -> Document:
    return Document(cues=(Cue(1000, 3000, "One"), Cue(3000, 5000, "Two"), Cue(5000, 7000, "Three")))


def times(document: Document) -> list[tuple[int, int]]:
    return [(cue.start_ms, cue.end_ms) for cue in document.cues]


def test_start_at_the_playhead_trims_the_previous_cue() -> None:
    assert times(start_at(document(), 1, 2500)) == [(1000, 2500), (2500, 5000), (5000, 7000)]
    assert times(start_at(document(), 1, 3400)) == [(1000, 3000), (3400, 5000), (5000, 7000)]


def test_start_past_the_end_keeps_the_cue_length() -> None:
    assert times(start_at(document(), 0, 4000))[0] == (4000, 6000)


def test_end_at_the_playhead_pushes_the_next_cue_start() -> None:
    assert times(end_at(document(), 0, 3500)) == [(1000, 3500), (3500, 5000), (5000, 7000)]
    assert times(end_at(document(), 0, 2000)) == [(1000, 2000), (3000, 5000), (5000, 7000)]


def test_end_before_the_start_is_refused() -> None:
    with pytest.raises(EditError, match="cue 2 starts after the playhead"):
        end_at(document(), 1, 2000)


def test_taps_chain_the_cues_at_the_tapped_times_with_the_minimum_gap() -> None:
    synced = document()
    for index, playhead in enumerate((2200, 4100, 6900)):
        synced = tap(synced, index, playhead, gap_ms=67)
    assert times(synced) == [(1000, 2133), (2200, 4033), (4100, 6900)]
    for cue, following in itertools.pairwise(synced.cues):
        assert cue.end_ms < following.start_ms
    assert [cue.text for cue in synced.cues] == ["One", "Two", "Three"]


def test_a_tap_beyond_the_next_cue_keeps_its_length() -> None:
    assert times(tap(document(), 0, 8000, gap_ms=67))[:2] == [(1000, 7933), (8000, 10000)]


def test_a_tap_before_the_cue_started_is_refused() -> None:
    with pytest.raises(EditError, match="tap once it is on screen"):
        tap(document(), 1, 2000, gap_ms=67)
    with pytest.raises(EditError, match="there is no cue 9"):
        tap(document(), 8, 2000, gap_ms=67)
