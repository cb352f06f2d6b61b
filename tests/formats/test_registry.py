"""The registry: formats by extension or content, strict and lenient reads, atomic writes with options."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.formats.errors import FormatError
from editor.formats.registry import (
    SRT,
    SUBTITLE_EXTENSIONS,
    VTT,
    WriteOptions,
    format_for_path,
    read_subtitles,
    read_subtitles_lenient,
    write_subtitles,
)

DOCUMENT = Document(cues=(Cue(1000, 2000, "Tom & Jerry"), Cue(2500, 4000, "<i>two</i>\nlines")))


def test_extensions_pick_the_format(tmp_path: Path) -> None:
    assert {".srt", ".vtt", ".ass", ".ssa", ".ttml", ".dfxp", ".xml", ".scc", ".sbv"} == SUBTITLE_EXTENSIONS
    assert ".txt" not in SUBTITLE_EXTENSIONS  # a .txt Cueline opens is a transcript
    assert format_for_path(tmp_path / "a.SRT") is SRT
    assert format_for_path(tmp_path / "a.vtt") is VTT


@pytest.mark.parametrize(("content", "expected"), [("WEBVTT\n", VTT), ("1\n00:00:01,000 --> 00:00:02,000\nx\n", SRT)])
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, expected: object) -> None:
    path = tmp_path / "captions.txt"
    path.write_text(content)
    assert format_for_path(path) is expected


def test_unknown_content_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just prose\n")
    with pytest.raises(FormatError, match="not a subtitle format"):
        format_for_path(path)


@pytest.mark.parametrize("suffix", [".srt", ".vtt"])
@pytest.mark.parametrize("options", [WriteOptions(), WriteOptions(bom=True, crlf=True)])
def test_write_then_read_gives_the_same_cues(tmp_path: Path, suffix: str, options: WriteOptions) -> None:
    path = tmp_path / f"out{suffix}"
    write_subtitles(DOCUMENT, path, options)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == options.bom
    assert (b"\r\n" in data) == options.crlf
    assert read_subtitles(path).cues == DOCUMENT.cues


def test_srt_to_vtt_and_back_keeps_the_text(tmp_path: Path) -> None:
    write_subtitles(DOCUMENT, tmp_path / "a.vtt")
    assert b"Tom &amp; Jerry" in (tmp_path / "a.vtt").read_bytes()
    write_subtitles(read_subtitles(tmp_path / "a.vtt"), tmp_path / "b.srt")
    assert read_subtitles(tmp_path / "b.srt").cues == DOCUMENT.cues


def test_lenient_read_returns_warnings_where_strict_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02\nbroken\n\n00:03.000 --> 00:04.000\nfine\n")
    with pytest.raises(FormatError) as caught:
        read_subtitles(path)
    assert (caught.value.path, caught.value.line) == (path, 3)
    document, warnings = read_subtitles_lenient(path)
    assert document.cues == (Cue(3000, 4000, "fine"),)
    assert [str(w) for w in warnings] == [str(caught.value)]


def test_writing_an_unknown_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="which format"):
        write_subtitles(DOCUMENT, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_an_invalid_cue_fails_the_write_and_names_the_file(tmp_path: Path) -> None:
    bad = Document(cues=(Cue(1000, 1000, "zero length"),))
    with pytest.raises(FormatError, match="cue 1") as caught:
        write_subtitles(bad, tmp_path / "out.vtt")
    assert caught.value.path == tmp_path / "out.vtt"


def test_a_styled_webvtt_file_round_trips_byte_for_byte(tmp_path: Path) -> None:
    original = (
        "WEBVTT\n\nSTYLE\n::cue(.loud) { font-weight: bold }\n\n"
        "1\n00:00:01.000 --> 00:00:02.000 align:start line:90%\n<c.loud>Tom &amp; Jerry</c>\n"
    )
    source, copy = tmp_path / "in.vtt", tmp_path / "out.vtt"
    source.write_text(original, encoding="utf-8")
    write_subtitles(read_subtitles(source), copy)
    assert copy.read_text(encoding="utf-8") == original
