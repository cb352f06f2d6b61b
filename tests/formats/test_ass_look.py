"""ASS exports sized for the video and styled for the caption profile, as libass (FFmpeg's subtitles filter)
draws them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from mediagen import generate_media

from editor.cli import main
from editor.core.model import Cue, Document, Metadata
from editor.core.style import STYLES
from editor.formats.ass_style import caption_look
from editor.formats.recipe import WriteOptions
from editor.formats.registry import write_file

FULL_LINES = "in Iraq this time it's the Shiite militias\nclaiming that they killed forty extremists"  # 42 + 42


def _info(path: Path) -> dict[str, str]:
    return dict(re.findall(r"^(PlayRes[XY]): (\d+)$", path.read_text(encoding="utf-8"), re.MULTILINE))


def _libass(path: Path, picture: tuple[int, int], at_s: float) -> tuple[str, tuple[int, int, int, int]]:
    """FFmpeg's log while libass draws the file on a black picture, and the box (left, top, right, bottom)
    of what it drew at at_s."""
    width, height = picture
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-f", "lavfi", "-i", f"color=black:s={width}x{height}:d={at_s + 0.5}",
         "-vf", f"subtitles={path}", "-ss", str(at_s), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        capture_output=True, check=True, timeout=60,
    )
    frame = np.frombuffer(result.stdout, dtype=np.uint8).reshape(height, width)
    rows, columns = np.nonzero(frame > 16)
    assert rows.size, "libass drew nothing"
    box = (int(columns.min()), int(rows.min()), int(columns.max()) + 1, int(rows.max()) + 1)
    return result.stderr.decode(errors="replace"), box


@pytest.mark.parametrize("picture", [(1920, 1080), (640, 480), (720, 1280)])
def test_libass_draws_a_full_streaming_caption_inside_the_safe_area(tmp_path: Path, picture: tuple[int, int]) -> None:
    path = tmp_path / "full.ass"
    write_file(Document(cues=(Cue(0, 2000, FULL_LINES),)), path, WriteOptions(picture=picture))
    assert _info(path) == {"PlayResX": str(picture[0]), "PlayResY": str(picture[1])}
    log, (left, top, right, bottom) = _libass(path, picture, 1.0)
    assert "PlayResX" not in log and "PlayResY" not in log  # no "Neither PlayResX nor PlayResY defined"
    width, height = picture
    assert 0.1 * width <= left and right <= 0.9 * width, "the longest line leaves the caption safe area"
    assert bottom <= 0.9 * height + 1 and top > height / 2
    assert bottom - top < 2.6 * caption_look(STYLES["streaming"], picture).font_size  # two rows: libass kept our lines


def test_without_a_video_the_file_is_1920_by_1080() -> None:
    look = caption_look(STYLES["streaming"])
    assert look.play_res == (1920, 1080) and look.font_size == 60 and look.margin_bottom == 108


def test_a_shorter_line_limit_gets_a_larger_font_on_a_narrow_picture() -> None:
    portrait = (720, 1280)
    sizes = [caption_look(STYLES[name], portrait).font_size for name in ("streaming", "bbc", "cea608")]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_a_kept_header_without_playres_says_what_libass_assumed(tmp_path: Path) -> None:
    header = "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize\n" \
             "Style: Default,Arial,20\n"
    path = tmp_path / "kept.ass"
    write_file(Document(cues=(Cue(0, 1000, "hi"),), metadata=Metadata(substation_header=header)), path)
    assert _info(path) == {"PlayResX": "384", "PlayResY": "288"}


def test_export_takes_the_projects_video_size(tmp_path: Path) -> None:
    video = generate_media(tmp_path / "clip.mp4", seconds=1, audio=False)  # 320x240 colour bars
    project = tmp_path / "show.cueline"
    write_file(Document(cues=(Cue(0, 900, "hello"),), media_path=str(video)), project)
    assert main(["convert", str(project), str(tmp_path / "show.ass")]) == 0
    assert _info(tmp_path / "show.ass") == {"PlayResX": "320", "PlayResY": "240"}
