"""YouTube SBV: round trips, tags stripped on export, malformed blocks named by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.formats.errors import FormatError
from editor.formats.registry import SBV, format_for_path, read_file, write_file
from editor.formats.sbv import format_sbv, looks_like_sbv, parse_sbv

CUES = [Cue(1000, 3500, "Hello there,\nsecond line"), Cue(3_600_123, 3_605_000, "an hour in: 1:00:00.123")]


def test_writes_youtube_timestamps() -> None:
    text = format_sbv(CUES)
    assert text.startswith("0:00:01.000,0:00:03.500\nHello there,\nsecond line\n\n1:00:00.123,1:00:05.000\n")


def test_round_trip(tmp_path: Path) -> None:
    write_file(Document(cues=tuple(CUES)), tmp_path / "a.sbv")
    assert list(read_file(tmp_path / "a.sbv").document.cues) == CUES


def test_markup_is_stripped_because_youtube_shows_it_literally() -> None:
    assert parse_sbv(format_sbv([Cue(0, 1000, "<i>so</i> <v Ann>said")]))[0].text == "so said"


def test_a_block_without_timing_names_its_line() -> None:
    text = "0:00:01.000,0:00:02.000\none\n\nstray text\n"
    with pytest.raises(FormatError, match="expected a timing line") as error:
        parse_sbv(text, Path("x.sbv"))
    assert error.value.line == 4


@pytest.mark.parametrize("timing", ["0:00:03.000,0:00:02.000", "0:61:00.000,0:62:00.000"])
def test_impossible_times_are_refused(timing: str) -> None:
    with pytest.raises(FormatError):
        parse_sbv(f"{timing}\ntext\n")


def test_sniffed_by_content(tmp_path: Path) -> None:
    path = tmp_path / "captions.txt"
    path.write_text(format_sbv(CUES))
    assert looks_like_sbv(path.read_text())
    assert format_for_path(path, path.read_text()) is SBV
