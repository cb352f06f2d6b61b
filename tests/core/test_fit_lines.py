"""A cue cut for 42-character lines made to fit CEA-608's 32 columns and 2 rows, inside its own time."""

from __future__ import annotations

from editor.core.fit_lines import fit_to_lines, fits_lines
from editor.core.model import Cue, Word
from editor.core.style import STYLES

CEA608 = STYLES["cea608"]
LONG = "in Iraq this time it's Shiite militiamen\nclaiming that they killed forty extremists."


def test_a_cue_that_fits_is_left_alone() -> None:
    cue = Cue(1000, 3000, "Good evening,\nI'm Ann Brown.")
    assert fit_to_lines(cue, CEA608) == [cue]


def test_a_cue_that_fits_once_its_lines_are_broken_again_keeps_its_time() -> None:
    text = "We sat down with the secretary of state today."
    (fitted,) = fit_to_lines(Cue(1000, 3000, text), CEA608)
    assert (fitted.start_ms, fitted.end_ms) == (1000, 3000)
    assert len(fitted.text.split("\n")) == 2 and fits_lines(fitted.text, CEA608)
    assert fitted.text.split() == text.split()


def test_a_long_cue_becomes_captions_that_share_its_time_and_keep_every_word() -> None:
    cue = Cue(10_000, 16_000, LONG)
    parts = fit_to_lines(cue, CEA608)
    assert len(parts) == 2
    assert all(fits_lines(part.text, CEA608) for part in parts)
    assert " ".join(part.text.replace("\n", " ") for part in parts) == LONG.replace("\n", " ")
    assert parts[0].start_ms == 10_000 and parts[-1].end_ms == 16_000
    assert parts[0].end_ms + CEA608.min_gap_ms == parts[1].start_ms  # the second replaces the first


def test_aligned_word_times_decide_where_the_split_falls() -> None:
    tokens = LONG.split()
    words = tuple(Word(token, 10_000 + 100 * i, 10_090 + 100 * i) for i, token in enumerate(tokens))
    words = words[:7] + tuple(Word(w.text, w.start_ms + 3000, w.end_ms + 3000) for w in words[7:])  # a pause
    parts = fit_to_lines(Cue(10_000, 16_000, LONG, words), CEA608)
    assert parts[1].start_ms == words[len(parts[0].text.split())].start_ms


def test_no_caption_and_no_row_of_a_re_cut_is_only_a_dash_run() -> None:
    """The sample's cues 6 and 140 re-cut for SCC gave a caption '--' and a row '--' over 'that had…'."""
    for cue in (
        Cue(22_447, 26_792, "-- the United States tries\nEverly diplomatic trick in the book"),
        Cue(592_608, 597_175, "-- that had prime minister Maliki\nvisited Washington and we've had."),
        Cue(1000, 5000, "and the militants have now taken\nthe refinery on the road to -- --"),
    ):
        parts = fit_to_lines(cue, CEA608)
        rows = [row for part in parts for row in part.text.split("\n")]
        assert all(fits_lines(part.text, CEA608) for part in parts)
        assert [row for row in rows if set(row.replace(" ", "")) == {"-"}] == []
        assert " ".join(rows) == cue.text.replace("\n", " ")
