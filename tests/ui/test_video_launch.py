"""`cueline FILE --media MEDIA`: the editor opens the captions and plays the media, in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mediagen import generate_media

ROOT = Path(__file__).resolve().parents[2]
OPEN_BOTH = """
import json, sys, time
from pathlib import Path
from editor.ui.launch import application, open_window

app = application()
window = open_window(Path(sys.argv[1]), Path(sys.argv[2]))
deadline = time.monotonic() + 30
while (window.media.playback.state.value != "paused" or window.media.waveform.running) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
print(json.dumps({
    "cues": len(window.session.document.cues), "remembered": window.session.document.media_path,
    "playing": str(window.media.playback.media_path), "state": window.media.playback.state.value,
    "waveform": window.media.waveform.peaks is not None,
}))
window.media.shutdown()
window.session.undo_stack.setClean()
"""


def test_the_command_line_opens_captions_and_media_together(tmp_path: Path) -> None:
    media = generate_media(tmp_path / "interview.webm", seconds=2)
    captions = tmp_path / "interview.srt"
    captions.write_text("1\n00:00:00,000 --> 00:00:01,900\nGood evening.\n", encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
                   "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    environment.pop("DISPLAY", None)  # VLC must not open a window of its own on the developer's screen
    result = subprocess.run(
        [sys.executable, "-c", OPEN_BOTH, str(captions), str(media)],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "cues": 1, "remembered": str(media), "playing": str(media), "state": "paused", "waveform": True,
    }
