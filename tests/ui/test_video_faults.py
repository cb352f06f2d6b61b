"""Media faults in the real window, each in a fresh process: a clear message, and editing carries on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mediagen import generate_media
from vlc_faults import without_libvlc, without_vlc_plugins

ROOT = Path(__file__).resolve().parents[2]
CHECK_SCRIPT = Path(__file__).with_name("media_fault_check.py")


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_media(tmp_path_factory.mktemp("faults") / "clip.mp4", seconds=2)


def run_window(media: Path, tmp_path: Path, **env: str) -> dict[str, object]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), **env}
    result = subprocess.run(
        [sys.executable, str(CHECK_SCRIPT), str(media), str(tmp_path / "settings.ini")],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_without_libvlc_the_editor_says_what_to_install_and_keeps_editing(clip: Path, tmp_path: Path) -> None:
    report = run_window(clip, tmp_path, **without_libvlc(tmp_path))
    assert report["opened"] is False
    [message] = report["dialogs"]  # type: ignore[misc]
    assert message.startswith("VLC is not installed or cannot be loaded") and "libvlc5" in message
    assert report["pane"] == message
    assert report["edited"] is True
    assert report["waveform"] is True and report["media_path"] == str(clip)  # timing by the waveform still works


def test_without_vlc_plugins_the_editor_says_so_and_keeps_editing(clip: Path, tmp_path: Path) -> None:
    report = run_window(clip, tmp_path, **without_vlc_plugins(tmp_path))
    assert report["opened"] is False
    [message] = report["dialogs"]  # type: ignore[misc]
    assert message.startswith("VLC's plugins are missing") and "vlc-plugin-base" in message
    assert report["edited"] is True


def test_an_undecodable_file_says_so_and_keeps_editing(tmp_path: Path) -> None:
    junk = tmp_path / "evening-news.mp4"
    junk.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\xff" * 500)
    report = run_window(junk, tmp_path)
    assert report["opened"] is False
    [message] = report["dialogs"]  # type: ignore[misc]
    assert "evening-news.mp4: damaged, or not a media file" in message
    assert report["edited"] is True
    assert report["waveform"] is False and report["media_path"] is None
