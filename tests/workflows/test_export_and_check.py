"""Export with a gap policy and check against a style, without a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.checks.issue import count_errors
from editor.checks.registry import run_checks
from editor.core.gaps import GapPolicy
from editor.core.model import Cue, Document
from editor.formats.errors import FormatError
from editor.formats.recipe import WriteOptions
from editor.formats.registry import read_file
from editor.workflows.check import check_style
from editor.workflows.export import cues_needing_a_gap_decision, export_document

GAPPY = Document(cues=(Cue(0, 1000, "The minister of -- said"), Cue(1500, 2500, "-- --"), Cue(3000, 4000, "all heard")))


def test_dropping_gaps_removes_the_cue_left_empty_and_says_so(tmp_path: Path) -> None:
    assert cues_needing_a_gap_decision(GAPPY) == 2
    exported = export_document(GAPPY, tmp_path / "out.srt", WriteOptions(gap_policy=GapPolicy.DROP))
    assert [cue.text for cue in read_file(tmp_path / "out.srt").document.cues] == ["The minister of said", "all heard"]
    assert (exported.cues, exported.cues_removed, exported.gap_runs, exported.cues_with_gaps) == (2, 1, 2, 2)
    assert exported.gap_note().endswith("2 unresolved `--` runs in 2 cues dropped (1 cue left empty removed)")


def test_a_project_keeps_its_gaps_whatever_the_policy(tmp_path: Path) -> None:
    exported = export_document(GAPPY, tmp_path / "copy.cueline", WriteOptions(gap_policy=GapPolicy.DROP))
    assert exported.policy is GapPolicy.KEEP and read_file(tmp_path / "copy.cueline").document.cues == GAPPY.cues


def test_an_export_that_cannot_be_written_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot tell which format"):
        export_document(GAPPY, tmp_path / "out.docx")
    with pytest.raises(FormatError) as raised:
        export_document(GAPPY, tmp_path / "no folder" / "out.srt")
    assert raised.value.path == tmp_path / "no folder" / "out.srt"
    assert str(raised.value) == f"could not export SubRip to {raised.value.path}: the folder does not exist"


def test_a_document_is_checked_against_its_own_style_unless_another_is_named() -> None:
    forty = Document(cues=(Cue(0, 4000, "x" * 40),), style_name="bbc")  # BBC allows 37 characters a line
    assert check_style(forty).name == "bbc" and count_errors(run_checks(forty, check_style(forty))) == 1
    assert count_errors(run_checks(forty, check_style(forty, "streaming"))) == 0
