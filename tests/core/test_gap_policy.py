"""The export policy for unresolved `--` runs: keep, `[inaudible]`, or drop (guidelines.md)."""

from __future__ import annotations

from editor.core.gaps import (
    INAUDIBLE,
    GapPolicy,
    count_cues_with_gaps,
    count_gap_runs,
    resolve_gap_text,
    resolve_gaps,
)
from editor.core.model import Cue, Word

CUES = (
    Cue(0, 1000, "The minister of -- said"),
    Cue(1000, 2000, "-- --"),
    Cue(2000, 3000, "well--no, a dash inside a word"),
    Cue(3000, 4000, "two lines\n-- -- and more --"),
)


def test_keep_changes_nothing_but_still_counts() -> None:
    resolution = resolve_gaps(CUES, GapPolicy.KEEP)
    assert resolution.cues == CUES
    assert (resolution.affected, resolution.removed) == (0, 0)
    assert count_cues_with_gaps(CUES) == 3


def test_inaudible_replaces_each_run_once() -> None:
    resolution = resolve_gaps(CUES, GapPolicy.INAUDIBLE)
    assert [cue.text for cue in resolution.cues] == [
        f"The minister of {INAUDIBLE} said",
        INAUDIBLE,
        "well--no, a dash inside a word",
        f"two lines\n{INAUDIBLE} and more {INAUDIBLE}",
    ]
    assert (resolution.affected, resolution.removed) == (3, 0)
    assert count_cues_with_gaps(resolution.cues) == 0


def test_drop_removes_runs_and_cues_left_empty() -> None:
    resolution = resolve_gaps(CUES, GapPolicy.DROP)
    assert [cue.text for cue in resolution.cues] == [
        "The minister of said",
        "well--no, a dash inside a word",
        "two lines\nand more",
    ]
    assert [cue.start_ms for cue in resolution.cues] == [0, 2000, 3000]
    assert (resolution.affected, resolution.removed) == (3, 1)


def test_a_line_emptied_by_drop_disappears_from_the_cue() -> None:
    assert resolve_gap_text("first line\n-- --", GapPolicy.DROP) == "first line"


def test_untouched_cues_keep_their_timed_words() -> None:
    timed = Cue(0, 500, "all heard", words=(Word("all", 0, 200), Word("heard", 200, 500)))
    resolution = resolve_gaps((timed, Cue(600, 900, "--")), GapPolicy.DROP)
    assert resolution.cues == (timed,)


def test_a_run_is_counted_as_the_export_writes_it() -> None:
    cues = (Cue(0, 1000, "debt and -- -- -- here\n-- now"), Cue(2000, 3000, "-- --"))
    written = resolve_gaps(cues, GapPolicy.INAUDIBLE).cues
    assert count_gap_runs(cues) == sum(cue.text.count(INAUDIBLE) for cue in written) == 3
