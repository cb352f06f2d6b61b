"""`--gaps keep|inaudible|drop`: what an export does with unresolved `--` runs, and the warning it prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main
from editor.core.model import Cue, Document
from editor.formats.registry import read_file, write_file

DOCUMENT = Document(cues=(Cue(0, 1000, "The minister of -- said"), Cue(1500, 2500, "-- --"),
                          Cue(3000, 4000, "all heard")))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    path = tmp_path / "gaps.cueline"
    write_file(DOCUMENT, path)
    return path


def _convert(capsys: pytest.CaptureFixture[str], source: Path, target: Path, *options: str) -> str:
    assert main(["convert", str(source), str(target), *options]) == 0
    return capsys.readouterr().err


def test_keep_is_the_default_and_warns(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _convert(capsys, project, tmp_path / "out.srt")
    assert [cue.text for cue in read_file(tmp_path / "out.srt").document.cues] == [c.text for c in DOCUMENT.cues]
    assert "2 unresolved `--` runs in 2 cues kept as is" in err


def test_inaudible(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _convert(capsys, project, tmp_path / "out.vtt", "--gaps", "inaudible")
    texts = [cue.text for cue in read_file(tmp_path / "out.vtt").document.cues]
    assert texts == ["The minister of [inaudible] said", "[inaudible]", "all heard"]
    assert "in 2 cues written as [inaudible]" in err


def test_drop_removes_the_emptied_cue(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _convert(capsys, project, tmp_path / "out.srt", "--gaps", "drop")
    assert [cue.text for cue in read_file(tmp_path / "out.srt").document.cues] == ["The minister of said", "all heard"]
    assert "dropped (1 cue left empty removed)" in err


def test_a_project_keeps_its_gaps(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _convert(capsys, project, tmp_path / "copy.cueline", "--gaps", "drop")
    assert read_file(tmp_path / "copy.cueline").document.cues == DOCUMENT.cues


def test_an_unknown_policy_is_a_usage_error(project: Path, tmp_path: Path) -> None:
    assert main(["convert", str(project), str(tmp_path / "out.srt"), "--gaps", "erase"]) == 2


def test_one_run_in_one_cue_is_counted_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "one.srt"
    write_file(Document(cues=(Cue(0, 1000, "The minister of -- said"),)), source)
    assert main(["convert", str(source), str(tmp_path / "out.vtt")]) == 0
    printed = capsys.readouterr()
    assert "1 unresolved `--` run in 1 cue kept as is" in printed.err
    assert printed.out == f"{tmp_path / 'out.vtt'}: 1 cue\n"
