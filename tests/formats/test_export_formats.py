"""Every export format the registry lists: labels and extensions for the Export dialog, the same words back
from every readable one, the gap policy applied on the way out."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.gaps import INAUDIBLE, GapPolicy
from editor.core.model import Cue, Document
from editor.formats.errors import FormatError
from editor.formats.project import PROJECT
from editor.formats.recipe import Format, WriteOptions
from editor.formats.registry import EXPORT_FORMATS, FORMATS, read_file, write_file
from editor.formats.transcript import TRANSCRIPT
from editor.formats.vtt_markup import strip_markup

DOCUMENT = Document(cues=(
    Cue(1001, 2002, "<i>Good</i> evening,\nI'm Ann Brown."),
    Cue(3003, 5005, "The minister of -- said"),
    Cue(6006, 7007, "-- --"),
))
FRAME_MS = 1001 / 30


def test_each_format_has_a_label_and_its_own_suffixes() -> None:
    suffixes = [suffix for fmt in FORMATS for suffix in fmt.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert all(fmt.name and fmt.suffixes and all(suffix.startswith(".") for suffix in fmt.suffixes)
               for fmt in FORMATS)
    assert {fmt.name for fmt in EXPORT_FORMATS} >= {"SubRip", "WebVTT", "Scenarist SCC (CEA-608)"}
    assert set(FORMATS) - set(EXPORT_FORMATS) == {PROJECT}  # a project is saved, not exported


@pytest.mark.parametrize("subtitle_format", [fmt for fmt in EXPORT_FORMATS if fmt is not TRANSCRIPT],
                         ids=lambda fmt: fmt.suffixes[0])
def test_every_caption_export_gives_the_words_back(tmp_path: Path, subtitle_format: Format) -> None:
    path = tmp_path / f"out{subtitle_format.suffixes[0]}"
    write_file(DOCUMENT, path)
    cues = read_file(path).document.cues
    assert [strip_markup(cue.text) for cue in cues] == [strip_markup(cue.text) for cue in DOCUMENT.cues]
    assert all(abs(a.start_ms - b.start_ms) <= FRAME_MS and abs(a.end_ms - b.end_ms) <= FRAME_MS
               for a, b in zip(cues, DOCUMENT.cues, strict=True))


@pytest.mark.parametrize("extension", [".srt", ".scc", ".ttml", ".ass", ".sbv"])
def test_the_gap_policy_applies_to_every_format(tmp_path: Path, extension: str) -> None:
    path = tmp_path / f"out{extension}"
    write_file(DOCUMENT, path, WriteOptions(gap_policy=GapPolicy.INAUDIBLE))
    assert [cue.text for cue in read_file(path).document.cues][1:] == [f"The minister of {INAUDIBLE} said", INAUDIBLE]
    write_file(DOCUMENT, path, WriteOptions(gap_policy=GapPolicy.DROP))
    assert [strip_markup(cue.text) for cue in read_file(path).document.cues][1:] == ["The minister of said"]


def test_an_unknown_export_extension_lists_the_choices(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"\.scc.*\.ttml"):
        write_file(DOCUMENT, tmp_path / "out.doc")
