"""ALSA's own error lines: kept for the editor to say once, never printed by the hundred."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Plays the clip through VLC's ALSA output for a moment, then prints the error ALSA reported (if any).
PLAY_THROUGH_ALSA = """
import json, sys, time
from pathlib import Path
from editor.media.alsa_errors import first_alsa_error
from editor.media.player import Player

player = Player(video_output="dummy", audio_output="alsa")
player.open(Path(sys.argv[1]), paused=False)
deadline = time.monotonic() + 20
while player.time_ms() < 1000 and time.monotonic() < deadline:
    player.poll()
    time.sleep(0.02)
player.release()
print(json.dumps(first_alsa_error()))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ALSA is Linux's sound system")
def test_a_machine_without_a_sound_device_gets_no_alsa_lines_and_the_error_is_kept(
    bars_mp4: Path, tmp_path: Path
) -> None:
    no_devices = tmp_path / "alsa.conf"  # an ALSA that knows no device: as a server without a sound card
    no_devices.write_text("", encoding="utf-8")
    played = subprocess.run(
        [sys.executable, "-c", PLAY_THROUGH_ALSA, str(bars_mp4)],
        env=dict(os.environ, ALSA_CONFIG_PATH=str(no_devices)), capture_output=True, text=True, timeout=60,
        check=True,
    )
    assert [line for line in played.stderr.splitlines() if line.startswith("ALSA lib")] == []
    assert "PCM" in json.loads(played.stdout.strip().splitlines()[-1])
