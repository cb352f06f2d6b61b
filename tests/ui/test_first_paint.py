"""A transcript opened at start shows a painted window with a note first, then its cues: an hour's transcript
takes seconds to line up and check, and the window stayed black all that time (walk9, the installed .deb)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Records what the main window holds and says the first time it paints, then opens the file as `cueline` does.
FIRST_PAINT_IN_A_FRESH_EDITOR = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from editor.ui.launch import application, open_window
from editor.ui.main_window import MainWindow

class FirstPaint(QObject):
    seen = None

    def eventFilter(self, watched, event):
        if self.seen is None and event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow):
            self.seen = {"cues": len(watched.session.document.cues), "note": watched.statusBar().currentMessage()}
        return False

app = application()
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window = open_window(Path(sys.argv[1]))
print(json.dumps({"first_paint": first_paint.seen, "cues": len(window.session.document.cues)}), flush=True)
import os; os._exit(0)
"""


def test_the_window_paints_with_a_note_before_the_transcript_is_lined_up(tmp_path: Path) -> None:
    transcript = tmp_path / "programme.txt"
    body = " ".join(f"Sentence number {n} of the programme." for n in range(200))
    transcript.write_text(f"Programme\n\nSummary\n10:00 | 01/01/26\n\nTranscript for Programme\n{body}\n",
                          encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_IN_A_FRESH_EDITOR, str(transcript)],
                            env=environment, capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["cues"] > 0  # the transcript did open
    assert seen["first_paint"] == {"cues": 0, "note": "Opening programme.txt…"}
