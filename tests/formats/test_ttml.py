"""TTML: our EBU-TT-D / IMSC1 export checked as XML, read back by us and by pysubs2; TTML from elsewhere read."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pysubs2
import pytest

from editor.core.model import Cue, Document
from editor.formats.errors import FormatError
from editor.formats.registry import TTML, format_for_path, read_file, write_file
from editor.formats.ttml import EBU_TT_D, IMSC1_TEXT, TT, TTP, TTS, XML, parse_ttml

CUES = (
    Cue(1000, 2500, "<i>Hel</i>lo there,\nsecond line"),
    Cue(3000, 4001, "Tom & Jerry <b><i>both</i></b> a < b"),
    Cue(3_600_000, 3_603_000, "an hour in"),
)
DATA = Path(__file__).parent / "data"
CLOCK_TIME = re.compile(r"^\d{2}:\d{2}:\d{2}\.\d{3}$")


@pytest.fixture()
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "export.ttml"
    write_file(Document(cues=CUES, title="News at six"), path)
    return path


def test_export_is_ebu_tt_d_shaped_xml(exported: Path) -> None:
    root = ET.parse(exported).getroot()
    assert root.tag == f"{{{TT}}}tt"
    assert root.get(f"{{{XML}}}lang") == "en" and root.get(f"{{{TTP}}}timeBase") == "media"
    standards = [element.text for element in root.iter("{urn:ebu:tt:metadata}conformsToStandard")]
    assert standards == [EBU_TT_D, IMSC1_TEXT]
    region = root.find(f"{{{TT}}}head/{{{TT}}}layout/{{{TT}}}region")
    assert region is not None and region.get(f"{{{TTS}}}displayAlign") == "after"
    paragraphs = list(root.iter(f"{{{TT}}}p"))
    assert (paragraphs[0].get("begin"), paragraphs[0].get("end")) == ("00:00:01.000", "00:00:02.500")
    assert all(CLOCK_TIME.match(p.get("begin", "")) and CLOCK_TIME.match(p.get("end", "")) for p in paragraphs)
    for paragraph in paragraphs:  # EBU-TT-D: text only inside spans, lines split by <br/>
        assert not (paragraph.text or "").strip()
        assert {child.tag.split("}")[1] for child in paragraph} <= {"span", "br"}


def test_round_trip(exported: Path) -> None:
    assert read_file(exported).document.cues == CUES


def test_pysubs2_reads_our_export(exported: Path) -> None:
    events = pysubs2.load(str(exported)).events
    assert [(event.start, event.end) for event in events] == [(cue.start_ms, cue.end_ms) for cue in CUES]
    assert [event.plaintext for event in events] == ["Hello there,\nsecond line", "Tom & Jerry both a < b",
                                                     "an hour in"]


def test_frames_ticks_offsets_nesting_and_styles() -> None:
    cues = parse_ttml((DATA / "dfxp_frames.dfxp").read_text())
    # 1 s + 16 frames at 30000/1001 fps, plus the div's 10 s; ticks at 10 MHz
    assert [(cue.start_ms, cue.end_ms) for cue in cues] == [(11_534, 13_000), (14_000, 15_500), (16_500, 17_500)]
    assert [cue.text for cue in cues] == ["Frames, offset by\nthe div's begin", "<i>Ticks</i> and a duration",
                                          "Offset times, white space collapsed"]


def test_reads_ttml_that_ffmpeg_wrote(tmp_path: Path) -> None:
    assert shutil.which("ffmpeg"), "ffmpeg is needed to write TTML (./dev.sh test installs it)"
    (tmp_path / "in.srt").write_text("1\n00:00:01,000 --> 00:00:02,500\nHello\nthere\n\n"
                                     "2\n00:00:03,000 --> 00:00:04,000\nTom & Jerry\n")
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(tmp_path / "in.srt"), "-f", "ttml", str(tmp_path / "o.ttml")],
                   check=True)
    cues = read_file(tmp_path / "o.ttml").document.cues
    assert cues == (Cue(1000, 2500, "Hello\nthere"), Cue(3000, 4000, "Tom & Jerry"))


def test_bad_xml_names_its_line() -> None:
    with pytest.raises(FormatError, match="not well-formed") as error:
        parse_ttml('<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml">\n<body><p>\n</tt>\n')
    assert error.value.line == 4


def test_a_paragraph_without_times_is_refused() -> None:
    with pytest.raises(FormatError, match="paragraph 1 has no end time"):
        parse_ttml('<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s">x</p></div></body></tt>')


def test_other_xml_is_not_ttml(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="not a TTML document"):
        parse_ttml("<html><body/></html>")
    (tmp_path / "captions.txt").write_text((DATA / "dfxp_frames.dfxp").read_text())
    assert format_for_path(tmp_path / "captions.txt", (tmp_path / "captions.txt").read_text()) is TTML
