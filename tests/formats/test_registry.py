"""The registry: formats by extension or content, strict and lenient reads, atomic writes with options."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.gaps import GapPolicy
from editor.core.model import Cue, Document
from editor.core.transcript import Transcript
from editor.formats.errors import FormatError
from editor.formats.project import PROJECT
from editor.formats.recipe import ReadOptions, WriteOptions
from editor.formats.registry import FORMATS, format_for_path, read_file, write_file
from editor.formats.srt import SRT
from editor.formats.transcript import TRANSCRIPT
from editor.formats.vtt import VTT

DOCUMENT = Document(cues=(Cue(1000, 2000, "Tom & Jerry"), Cue(2500, 4000, "<i>two</i>\nlines")))


def test_extensions_pick_the_format(tmp_path: Path) -> None:
    suffixes = {suffix for fmt in FORMATS for suffix in fmt.suffixes}
    assert suffixes == {".cueline", ".srt", ".vtt", ".ass", ".ssa", ".ttml", ".dfxp", ".xml", ".scc", ".sbv", ".txt"}
    assert format_for_path(tmp_path / "a.txt") is TRANSCRIPT  # a .txt Cueline opens is a transcript
    assert format_for_path(tmp_path / "a.cueline") is PROJECT
    assert format_for_path(tmp_path / "a.SRT") is SRT
    assert format_for_path(tmp_path / "a.vtt") is VTT


@pytest.mark.parametrize(("content", "expected"), [("WEBVTT\n", VTT), ("1\n00:00:01,000 --> 00:00:02,000\nx\n", SRT)])
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, expected: object) -> None:
    path = tmp_path / "captions.txt"
    path.write_text(content)
    assert format_for_path(path, path.read_text()) is expected


def test_unknown_content_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.bin"
    path.write_text("\n\n")
    with pytest.raises(FormatError, match="not a file format Cueline knows"):
        read_file(path)


@pytest.mark.parametrize("suffix", [".srt", ".vtt"])
@pytest.mark.parametrize("options", [WriteOptions(), WriteOptions(bom=True, crlf=True)])
def test_write_then_read_gives_the_same_cues(tmp_path: Path, suffix: str, options: WriteOptions) -> None:
    path = tmp_path / f"out{suffix}"
    write_file(DOCUMENT, path, options)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == options.bom
    assert (b"\r\n" in data) == options.crlf
    assert read_file(path).document.cues == DOCUMENT.cues


def test_srt_to_vtt_and_back_keeps_the_text(tmp_path: Path) -> None:
    write_file(DOCUMENT, tmp_path / "a.vtt")
    assert b"Tom &amp; Jerry" in (tmp_path / "a.vtt").read_bytes()
    write_file(read_file(tmp_path / "a.vtt").document, tmp_path / "b.srt")
    assert read_file(tmp_path / "b.srt").document.cues == DOCUMENT.cues


def test_lenient_read_returns_warnings_where_strict_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.vtt"
    path.write_text("WEBVTT\n\n00:01.000 --> 00:02\nbroken\n\n00:03.000 --> 00:04.000\nfine\n")
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert (caught.value.path, caught.value.line) == (path, 3)
    reading = read_file(path, ReadOptions(strict=False))
    document, warnings = reading.document, reading.problems
    assert document.cues == (Cue(3000, 4000, "fine"),)
    assert [str(w) for w in warnings] == [str(caught.value)]


def test_writing_an_unknown_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="which format"):
        write_file(DOCUMENT, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_an_invalid_cue_fails_the_write_and_names_the_file(tmp_path: Path) -> None:
    bad = Document(cues=(Cue(1000, 1000, "zero length"),))
    with pytest.raises(FormatError, match="cue 1") as caught:
        write_file(bad, tmp_path / "out.vtt")
    assert caught.value.path == tmp_path / "out.vtt"


def test_a_styled_webvtt_file_round_trips_byte_for_byte(tmp_path: Path) -> None:
    original = (
        "WEBVTT\n\nSTYLE\n::cue(.loud) { font-weight: bold }\n\n"
        "1\n00:00:01.000 --> 00:00:02.000 align:start line:90%\n<c.loud>Tom &amp; Jerry</c>\n"
    )
    source, copy = tmp_path / "in.vtt", tmp_path / "out.vtt"
    source.write_text(original, encoding="utf-8")
    write_file(read_file(source).document, copy)
    assert copy.read_text(encoding="utf-8") == original


def test_a_project_is_a_format_that_keeps_its_gaps(tmp_path: Path) -> None:
    gappy = Document(cues=(Cue(0, 1000, "the -- said"),), title="news", style_name="bbc")
    write_file(gappy, tmp_path / "p.cueline", WriteOptions(gap_policy=GapPolicy.DROP))
    assert read_file(tmp_path / "p.cueline").document == gappy  # the working copy: nothing resolved
    (tmp_path / "p.json").write_bytes((tmp_path / "p.cueline").read_bytes())
    assert format_for_path(tmp_path / "p.json", (tmp_path / "p.json").read_text()) is PROJECT


def test_a_txt_that_another_format_recognises_is_read_as_that_format(tmp_path: Path) -> None:
    write_file(DOCUMENT, tmp_path / "captions.scc")
    (tmp_path / "captions.txt").write_bytes((tmp_path / "captions.scc").read_bytes())
    assert [cue.text for cue in read_file(tmp_path / "captions.txt").document.cues] == ["Tom & Jerry", "two\nlines"]
    (tmp_path / "story.txt").write_text("Good evening. The talks ended today.\n", encoding="utf-8")
    assert isinstance(read_file(tmp_path / "story.txt", ReadOptions(runtime_ms=9000)).content, Transcript)


def test_a_video_opened_as_the_document_is_called_media_not_binary(tmp_path: Path) -> None:
    video = tmp_path / "evening-news.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64))
    with pytest.raises(FormatError, match=r"evening-news\.mp4: this is the programme's media") as raised:
        read_file(video)
    assert "--media" in str(raised.value)
