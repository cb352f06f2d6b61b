"""Each way VLC can be missing gives one clear PlayerUnavailable message (run in a fresh process each)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from vlc_faults import without_libvlc, without_vlc_plugins

ROOT = Path(__file__).resolve().parents[2]
TRY_PLAYER = """
from editor.media.player import Player, PlayerUnavailable
try:
    Player(video_output="dummy", audio_output="dummy").release()
except PlayerUnavailable as error:
    print("UNAVAILABLE:", error)
else:
    print("PLAYER OK")
"""


def try_player(**env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", TRY_PLAYER], env={**os.environ, **env}, cwd=ROOT,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_real_player_starts_here() -> None:
    assert try_player() == "PLAYER OK"


def test_no_libvlc_says_what_to_install(tmp_path: Path) -> None:
    message = try_player(**without_libvlc(tmp_path))
    assert message.startswith("UNAVAILABLE: VLC is not installed or cannot be loaded")
    assert "apt install libvlc5" in message and "Editing works without it" in message


def test_a_wrong_library_path_is_reported_not_fatal() -> None:
    message = try_player(PYTHON_VLC_LIB_PATH="/nonexistent/libvlc.so.5")
    assert message.startswith("UNAVAILABLE: VLC cannot be loaded (PYTHON_VLC_LIB_PATH is wrong)")


def test_missing_plugins_say_what_to_install(tmp_path: Path) -> None:
    message = try_player(**without_vlc_plugins(tmp_path))
    assert message.startswith("UNAVAILABLE: VLC's plugins are missing, so VLC cannot start")
    assert "vlc-plugin-base" in message
