"""ASS / SSA through pysubs2: round trips, emphasis, kept styles, FFmpeg reading our export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.formats.ass import format_substation, parse_substation
from editor.formats.errors import FormatError
from editor.formats.registry import ASS, SSA, format_for_path, read_file, write_file

# ASS times are centiseconds, so the model round-trips exactly on multiples of 10 ms.
CUES = (
    Cue(1000, 2500, "<i>Hello</i> there,\nsecond line"),
    Cue(3000, 4250, "Tom & Jerry <b>bold</b> <u>under</u>"),
    Cue(3_600_000, 3_603_000, "an hour in"),
)
STYLED = (Path(__file__).parent / "data" / "styled.ass").read_text()  # positioned, styled, a comment, a drawing


@pytest.mark.parametrize("suffix", [".ass", ".ssa"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    write_file(Document(cues=CUES), tmp_path / f"a{suffix}")
    assert read_file(tmp_path / f"a{suffix}").document.cues == CUES


def test_reading_keeps_text_breaks_and_emphasis_but_not_positions() -> None:
    cues, _ = parse_substation(STYLED)
    assert [cue.text for cue in cues] == ["Top\nof the screen", "<i>I wonder</i>", "<i>half</i> plain\u00a0space"]
    assert [(cue.start_ms, cue.end_ms) for cue in cues] == [(1000, 2000), (3000, 4500), (5000, 6000)]


def test_styles_survive_a_read_and_write(tmp_path: Path) -> None:
    source = tmp_path / "styled.ass"
    source.write_text(STYLED)
    document = read_file(source).document
    assert "PlayResY: 1080" in document.metadata.substation_header
    write_file(document, tmp_path / "again.ass")
    written = (tmp_path / "again.ass").read_text()
    assert "Style: Thoughts,Verdana,54" in written and "PlayResY: 1080" in written
    assert read_file(tmp_path / "again.ass").document.cues == document.cues


def test_a_brace_cannot_hide_text() -> None:
    cues, _ = parse_substation(format_substation([Cue(0, 1000, "a {note} here")]))
    assert cues[0].text == "a (note) here"


def test_a_bad_event_line_is_named() -> None:
    broken = STYLED.replace("0:00:03.00,0:00:04.50", "0:00:0x.00,0:00:04.50")
    with pytest.raises(FormatError, match="bad event line") as error:
        parse_substation(broken, Path("broken.ass"))
    assert broken.split("\n")[error.value.line - 1].endswith("I wonder")


def test_sniffed_by_content(tmp_path: Path) -> None:
    for name, text, expected in (("a.txt", STYLED, ASS), ("b.txt", format_substation(CUES, ssa=True), SSA)):
        (tmp_path / name).write_text(text)
        assert format_for_path(tmp_path / name, text) is expected


@pytest.mark.parametrize("suffix", [".ass", ".ssa"])
def test_ffmpeg_reads_our_export(tmp_path: Path, suffix: str, ffmpeg_cues: Callable[[Path], list[Cue]]) -> None:
    path = tmp_path / f"export{suffix}"
    write_file(Document(cues=CUES), path)
    heard = ffmpeg_cues(path)
    assert [(cue.start_ms, cue.end_ms) for cue in heard] == [(cue.start_ms, cue.end_ms) for cue in CUES]
    assert [cue.text for cue in heard] == [cue.text for cue in CUES]  # FFmpeg turns \i1 \b1 \u1 into <i> <b> <u>


def test_times_past_ten_hours_are_refused_not_clamped() -> None:
    with pytest.raises(FormatError, match=r"cue 2 ends after 9:59:59\.99"):
        format_substation([Cue(0, 1000, "fine"), Cue(35_999_000, 36_001_000, "too late")])
