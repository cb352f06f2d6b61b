"""Run in a fresh process by test_video_faults.py (with libvlc blocked or its plugins missing).

Opens the editor window with media attached, tries to open MEDIA, then edits a cue, and prints one JSON
line: the messages the user saw, and whether the edit still went through.
Usage: python media_fault_check.py MEDIA SETTINGS.ini
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.app.settings import Settings
from editor.core.model import Cue, Document
from editor.ui.main_window import MainWindow
from editor.ui.media_panel import attach_media


def main() -> int:
    media, settings_file = Path(sys.argv[1]), sys.argv[2]
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication(sys.argv[:1])
    window = MainWindow(Settings(QSettings(settings_file, QSettings.Format.IniFormat)))
    panel = attach_media(window)
    window.session.load(Document(cues=(Cue(0, 1900, "Hello."),), runtime_ms=2000), None)  # as long as MEDIA
    window.show()
    opened = panel.open_media(media)
    deadline = time.monotonic() + 30
    while panel.waveform.running and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    boxes = [box.text() for box in window.findChildren(QMessageBox) if box.objectName() == "media_problem"]
    window.select_cue(0)
    window.edits.set_times(500, 1500)
    cue = window.session.document.cues[0]
    print(json.dumps({
        "opened": opened, "dialogs": boxes, "pane": panel.video.message.text(),
        "waveform": panel.waveform.peaks is not None, "media_path": window.session.document.media_path,
        "edited": (cue.start_ms, cue.end_ms) == (500, 1500),
    }))
    panel.shutdown()
    window.session.undo_stack.setClean()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
