"""The video is drawn inside our widget: under a real X server, VLC's window is a child of the pane's surface
and the grabbed picture is not black, with our caption drawn over it, and is drawn again, paused, after a
dialog covered it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mediagen import generate_media

pytestmark = pytest.mark.xvfb
CHECK_SCRIPT = Path(__file__).with_name("embedded_video_check.py")
ROOT = Path(__file__).resolve().parents[2]


def test_vlc_draws_the_picture_inside_our_pane_under_our_caption(x_display: str, tmp_path: Path) -> None:
    media = generate_media(tmp_path / "bars.mp4", seconds=4)
    screenshot = tmp_path / "pane.png"
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [sys.executable, str(CHECK_SCRIPT), str(media), str(screenshot)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["has_vout"], "VLC created no video output"
    assert report["vlc_children"] >= 1, "VLC's video window is not a child of our surface"
    assert report["lit_share"] > 0.3, "the picture inside our pane is black"
    assert report["caption"] == "Good evening.\nThe storm made landfall."
    # a message box over the paused picture, then closed (no compositor keeps what it covered): VLC draws the
    # picture again, neither black nor the box's grey left behind
    assert report["covered_grey_share"] > 0.15, "the message box did not cover the picture"
    assert report["after_dialog_lit_share"] > 0.3 and report["after_dialog_grey_share"] < 0.02
    assert screenshot.stat().st_size > 10_000
