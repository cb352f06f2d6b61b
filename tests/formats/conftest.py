"""FFmpeg as an independent reader of the files our writers export."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.core.model import Cue
from editor.formats.srt import parse_srt

_ASS_OVERRIDE = re.compile(r"\{[^}]*\}")
_FONT_TAG = re.compile(r"</?font[^>]*>")


def _plain(text: str) -> str:
    """FFmpeg's SRT text as words: its font tags, ASS overrides and hard spaces removed, lines trimmed."""
    text = _FONT_TAG.sub("", _ASS_OVERRIDE.sub("", text)).replace(r"\h", " ").replace("\u2019", "'")
    return "\n".join(line.strip() for line in text.split("\n"))


@pytest.fixture()
def ffmpeg_cues() -> Callable[[Path], list[Cue]]:
    """A function: the cues FFmpeg decodes from a file (converted to SRT), text made plain."""
    assert shutil.which("ffmpeg"), "ffmpeg is needed to read files back (./dev.sh test installs it)"

    def read(path: Path) -> list[Cue]:
        converted = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "srt", "-"],
                                   check=True, capture_output=True, text=True)
        return [Cue(cue.start_ms, cue.end_ms, _plain(cue.text)) for cue in parse_srt(converted.stdout)]

    return read
