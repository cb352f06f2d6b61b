"""Each way VLC can be missing gives one clear PlayerUnavailable message (run in a fresh process each)."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
# Makes every attempt to load a library named like libvlc fail, as on a machine without VLC.
BLOCK_LIBVLC = """
import ctypes
_load = ctypes.CDLL.__init__
def _refuse_vlc(self, name, *args, **kwargs):
    if name and "vlc" in str(name):
        raise OSError(f"{name}: cannot open shared object file: No such file or directory")
    _load(self, name, *args, **kwargs)
ctypes.CDLL.__init__ = _refuse_vlc
"""


def try_player(**env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", TRY_PLAYER], env={**os.environ, **env}, cwd=ROOT,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def installed_libvlc() -> Path:
    found = ctypes.util.find_library("vlc")  # the soname, e.g. libvlc.so.5
    folders = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")
    for folder in folders if found else ():
        if (Path(folder) / str(found)).exists():
            return Path(folder) / str(found)
    pytest.skip("libvlc is not installed in a standard folder")


def test_the_real_player_starts_here() -> None:
    assert try_player() == "PLAYER OK"


def test_no_libvlc_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(BLOCK_LIBVLC)
    message = try_player(PYTHONPATH=str(tmp_path))
    assert message.startswith("UNAVAILABLE: VLC is not installed or cannot be loaded")
    assert "apt install libvlc5" in message and "Editing works without it" in message


def test_a_wrong_library_path_is_reported_not_fatal() -> None:
    message = try_player(PYTHON_VLC_LIB_PATH="/nonexistent/libvlc.so.5")
    assert message.startswith("UNAVAILABLE: VLC cannot be loaded (PYTHON_VLC_LIB_PATH is wrong)")


def test_missing_plugins_say_what_to_install(tmp_path: Path) -> None:
    """libvlc finds its plugins beside libvlccore: a copy of both libraries in an empty folder has none."""
    libvlc = installed_libvlc()
    core = next(libvlc.parent.glob("libvlccore.so.[0-9]"))  # the soname libvlc links against
    for library in (libvlc, core):
        shutil.copy(library, tmp_path / library.name)
    message = try_player(PYTHON_VLC_LIB_PATH=str(tmp_path / libvlc.name), LD_LIBRARY_PATH=str(tmp_path))
    assert message.startswith("UNAVAILABLE: VLC's plugins are missing, so VLC cannot start")
    assert "vlc-plugin-base" in message
