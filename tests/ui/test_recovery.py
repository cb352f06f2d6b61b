"""Crash recovery, for real: the editor runs in its own process, is killed with SIGKILL after edits, and on
restart offers the recovery file; the edits come back."""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from answer_dialogs import press_button, when_dialog_opens
from PySide6.QtTest import QTest

from editor.app.autosave import recovery_path
from editor.core.model import Document
from editor.core.style import DEFAULT_STYLE
from editor.formats.registry import read_file, write_file
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

EDITED_CUES = 12

# Opens the project in the real main window and types a word into each of the first cues, through the
# window's own actions and text pane; then keeps running until it is killed.
EDIT_AND_WAIT = f"""
import sys
from pathlib import Path
from PySide6.QtTest import QTest
from editor.ui.launch import application, open_window

app = application()
window = open_window(Path(sys.argv[1]))
for number in range({EDITED_CUES}):
    window.cue_editor.text_field.moveCursor(window.cue_editor.text_field.textCursor().MoveOperation.End)
    QTest.keyClicks(window.cue_editor.text_field, f" EDIT{{number}}")
    window.action("next_cue").trigger()
QTest.qWait(500)  # the event loop runs after the typing, as it does between keys: it starts the recovery write
window.autosave.wait()  # that write is on disk
print("edited", flush=True)
app.exec()
"""

# Starts the editor on the same project, answers the recovery question and reports what it shows.
RESTART_AND_RESTORE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from editor.ui.launch import application, open_window

app = application()
asked = []

def answer():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(10, answer)
        return
    asked.append(box.text())
    next(b for b in box.buttons() if b.text() == "&Restore").click()

QTimer.singleShot(0, answer)
window = open_window(Path(sys.argv[1]))
texts = [cue.text for cue in window.session.document.cues]
print(json.dumps({"asked": asked, "texts": texts, "modified": window.isWindowModified()}), flush=True)
window.session.undo_stack.setClean()
"""


def child_environment(home: Path) -> dict[str, str]:
    environment = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    environment["XDG_DATA_HOME"] = str(home / "data")
    environment["XDG_CONFIG_HOME"] = str(home / "config")
    return environment


def test_edits_survive_a_sigkill(tmp_path: Path) -> None:
    project = tmp_path / "kerry.cueline"
    write_file(line_up_transcript(read_file(sample_transcript_path()).content, DEFAULT_STYLE), project)
    environment = child_environment(tmp_path / "home")
    editor = subprocess.Popen(
        [sys.executable, "-c", EDIT_AND_WAIT, str(project)], env=environment, stdout=subprocess.PIPE, text=True
    )
    try:
        assert editor.stdout is not None and editor.stdout.readline().strip() == "edited"
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait(timeout=30)
    assert editor.returncode == -signal.SIGKILL

    restarted = subprocess.run(
        [sys.executable, "-c", RESTART_AND_RESTORE, str(project)],
        env=environment, capture_output=True, text=True, timeout=120, check=True,
    )
    report = json.loads(restarted.stdout.strip().splitlines()[-1])
    assert "unsaved changes to kerry.cueline" in report["asked"][0]
    assert report["modified"]
    for number in range(EDITED_CUES):  # every edit: a copy once waited for the tenth or a 2 s pause
        assert report["texts"][number].endswith(f" EDIT{number}")


def type_then_crash(window) -> Document:
    """Type into the chosen cue, let the recovery file be written, then vanish as a crash would (no close, no
    cleanup); the document as typed."""
    QTest.keyClicks(window.cue_editor.text_field, "Lost words ")
    window.autosave.write_now()
    window.autosave.wait()
    window.hide()
    return window.session.document


def restore_when_asked() -> list[str]:
    """Answer the next start's recovery question with Restore; the questions asked."""
    asked: list[str] = []
    when_dialog_opens(press_button("Restore", asked))
    return asked


def test_work_on_the_untitled_sample_is_offered_back(window, make_window) -> None:
    recovered = type_then_crash(window)

    again = make_window()
    asked = restore_when_asked()
    again.files.open_sample()
    assert "an untitled project" in asked[0]
    assert again.session.document.cues == recovered.cues
    assert again.isWindowModified()
    again.action("undo").trigger()  # restoring is one undo step
    assert again.session.document.cues[0].text != recovered.cues[0].text


def test_a_plain_start_after_a_crash_offers_the_recent_projects_work_back(window, make_window, tmp_path) -> None:
    project = tmp_path / "kerry.cueline"
    write_file(line_up_transcript(read_file(sample_transcript_path()).content, DEFAULT_STYLE), project)
    assert window.files.open_path(project)
    recovered = type_then_crash(window)

    again = make_window()
    asked = restore_when_asked()
    again.files.open_at_start()  # started from the menu or the icon: no file named
    assert "unsaved changes to kerry.cueline" in asked[0]
    assert again.session.document.cues == recovered.cues and again.session.path == project


def test_with_the_recovery_folder_unwritable_the_window_warns_and_a_sigkill_still_loses_nothing(
    tmp_path: Path,
) -> None:
    project = tmp_path / "kerry.cueline"
    write_file(line_up_transcript(read_file(sample_transcript_path()).content, DEFAULT_STYLE), project)
    environment = child_environment(tmp_path / "home")
    (tmp_path / "home" / "data").write_text("a file where the data folder should be: no recovery folder")
    show_warning = EDIT_AND_WAIT.replace(
        'print("edited", flush=True)',
        'print("edited", flush=True)\n'
        'print(repr((window.recovery_warning.isHidden(), window.recovery_warning.text())), flush=True)',
    )
    editor = subprocess.Popen([sys.executable, "-c", show_warning, str(project)], env=environment,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout is not None and editor.stdout.readline().strip() == "edited"
        hidden, warning = ast.literal_eval(editor.stdout.readline())
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait(timeout=30)
    assert not hidden
    assert warning.startswith(f"\u26a0 Recovery copies go to {tmp_path} because the usual folder failed")

    restarted = subprocess.run(
        [sys.executable, "-c", RESTART_AND_RESTORE, str(project)],
        env=environment, capture_output=True, text=True, timeout=120, check=True,
    )
    report = json.loads(restarted.stdout.strip().splitlines()[-1])
    assert "unsaved changes to kerry.cueline" in report["asked"][0]
    for number in range(EDITED_CUES):
        assert report["texts"][number].endswith(f" EDIT{number}")


def test_work_left_in_the_recovery_folder_of_earlier_versions_is_offered_back(tmp_path: Path) -> None:
    """Earlier versions wrote recovery files to Qt's AppDataLocation, ~/.local/share/Cueline/Cueline/recovery."""
    project = tmp_path / "kerry.cueline"
    document = line_up_transcript(read_file(sample_transcript_path()).content, DEFAULT_STYLE)
    write_file(document, project)
    home = tmp_path / "home"
    earlier = recovery_path(project, home / "data" / "Cueline" / "Cueline" / "recovery")
    earlier.parent.mkdir(parents=True)
    write_file(document.with_cues([document.cues[0].with_text("Left by an earlier version"), *document.cues[1:]]),
               earlier)
    os.utime(project, (1_000_000_000, 1_000_000_000))  # the recovery file is the newer
    restarted = subprocess.run(
        [sys.executable, "-c", RESTART_AND_RESTORE, str(project)],
        env=child_environment(home), capture_output=True, text=True, timeout=120, check=True,
    )
    report = json.loads(restarted.stdout.strip().splitlines()[-1])
    assert "unsaved changes to kerry.cueline" in report["asked"][0]
    assert report["texts"][0] == "Left by an earlier version"
    assert not earlier.exists()  # the work was taken back and saved (clean): no copy is offered again
