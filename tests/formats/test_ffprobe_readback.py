"""Files our writers export are read by FFmpeg (a real third-party reader) with every cue, time and text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.formats.recipe import WriteOptions
from editor.formats.registry import write_file
from editor.formats.srt import parse_srt

TEXTS = [
    "Tom & Jerry",
    "a < b --> c",
    "<i>two</i>\nlines",
    "José “quotes” and 日本語",
    "&amp; typed literally",
    ">> Speaker change",
    "last one",
]
DOCUMENT = Document(
    cues=tuple(
        Cue(i * 1500, i * 1500 + 1200, text, identifier="same" if i % 2 else "")
        for i, text in enumerate(TEXTS)
    )
)


def _packets(path: Path) -> list[tuple[int, int]]:
    assert shutil.which("ffprobe"), "ffprobe is needed to read exports back (./dev.sh test installs it)"
    shown = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "s:0", "-show_entries", "packet=pts,duration",
         "-of", "json", str(path)],
        check=True, capture_output=True, text=True,
    )
    return [(int(p["pts"]), int(p["duration"])) for p in json.loads(shown.stdout)["packets"]]


@pytest.mark.parametrize("suffix", [".srt", ".vtt"])
@pytest.mark.parametrize("options", [WriteOptions(), WriteOptions(bom=True, crlf=True)], ids=["plain", "bom-crlf"])
def test_ffprobe_sees_every_cue_at_its_time(tmp_path: Path, suffix: str, options: WriteOptions) -> None:
    path = tmp_path / f"export{suffix}"
    write_file(DOCUMENT, path, options)
    assert _packets(path) == [(cue.start_ms, cue.duration_ms) for cue in DOCUMENT.cues]


def test_ffmpeg_reads_our_webvtt_escapes_back_to_the_same_text(tmp_path: Path) -> None:
    path = tmp_path / "export.vtt"
    write_file(DOCUMENT, path)
    converted = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "srt", "-"], check=True, capture_output=True, text=True
    )
    assert [cue.text for cue in parse_srt(converted.stdout)] == TEXTS
