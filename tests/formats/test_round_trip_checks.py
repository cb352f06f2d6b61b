"""A caption file written and read back is judged as staff made it: the format's time resolution (SubStation's
centiseconds) creates no duration or gap problem, and an SCC file is checked against the CEA-608 style it was
made for."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.checks.registry import run_checks
from editor.core.model import Cue, Document
from editor.core.style import DEFAULT_STYLE, STYLES
from editor.formats.recipe import WriteOptions
from editor.workflows.export import export_document
from editor.workflows.open_file import Opened, open_file

# A cue shown exactly the streaming minimum (833 ms), and two cues exactly the minimum gap apart (67 ms):
# SubStation writes them as 830 ms and 60 ms.
AT_THE_LIMITS = Document(cues=(
    Cue(1000, 1833, "Hello there."),
    Cue(2000, 2936, "We met."),
    Cue(3003, 4500, "They left."),
), runtime_ms=6000)


def read_back(document: Document, path: Path) -> Document:
    export_document(document, path, WriteOptions())
    opened = open_file(path, DEFAULT_STYLE)
    assert isinstance(opened, Opened)
    return opened.document


@pytest.mark.parametrize("extension", [".srt", ".vtt", ".ass", ".ssa", ".ttml", ".sbv"])
def test_a_round_trip_creates_no_timing_problem(extension: str, tmp_path: Path) -> None:
    assert run_checks(AT_THE_LIMITS, DEFAULT_STYLE) == []
    again = read_back(AT_THE_LIMITS, tmp_path / f"limits{extension}")
    assert run_checks(again, STYLES[again.style_name]) == []


def test_an_scc_file_is_checked_against_the_cea608_style(tmp_path: Path) -> None:
    again = read_back(AT_THE_LIMITS, tmp_path / "limits.scc")
    assert again.style_name == "cea608"
    assert {issue.rule for issue in run_checks(again, STYLES[again.style_name])} == {"min-duration"}  # 1 s there
