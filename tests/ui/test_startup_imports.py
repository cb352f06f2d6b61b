"""Opening an SRT in the editor loads only what it needs: the libraries of other formats and of media work
are imported when first used, so the window is ready sooner (issue 8, item 5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

NOT_NEEDED_FOR_AN_SRT = ("pysubs2", "charset_normalizer", "pocketsphinx", "multiprocessing", "av", "vlc")

OPEN_IN_A_FRESH_EDITOR = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from editor.ui.launch import application, open_window
app = application()
window = open_window(Path(sys.argv[1]))
app.processEvents()
assert len(window.session.document.cues) == 2, window.session.document.cues
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
sys.stdout.flush()
import os; os._exit(0)
"""


def test_opening_an_srt_imports_no_other_format_or_media_library(tmp_path: Path) -> None:
    srt = tmp_path / "two.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld.\n",
                   encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", OPEN_IN_A_FRESH_EDITOR, str(srt)], env=environment,
                            capture_output=True, text=True, timeout=120, check=True)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "pysrt" in loaded  # the test does see the libraries the editor loads
    assert loaded.isdisjoint(NOT_NEEDED_FOR_AN_SRT), sorted(loaded & set(NOT_NEEDED_FOR_AN_SRT))
