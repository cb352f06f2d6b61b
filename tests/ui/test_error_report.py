"""A fault inside Cueline reaches the captioner: a message, a log for support, and a recovery copy of the work."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from editor.app.autosave import find_recovery
from editor.ui.error_report import error_log_path, report_unexpected_errors


@pytest.mark.qt_no_exception_capture  # the fault is the test's subject: pytest-qt must not take it first
def test_a_fault_inside_cueline_is_told_logged_and_the_work_kept(qtbot, window, monkeypatch) -> None:
    """Qt carries on after an exception in a slot and Python prints it to stderr: started from the menu, a
    command that met a fault did nothing, without a word."""
    monkeypatch.setattr(sys, "excepthook", lambda *_fault: None)  # stands for stderr; restored after the test
    qtbot.keyClicks(window.cue_editor.text_field, " Typed work")
    typed = window.session.document.cues[0].text
    report_unexpected_errors(window, window.autosave.write_now)

    def broken_command() -> None:
        raise RuntimeError("the cue list lost its place")

    timer = QTimer()  # a slot, as every menu command and key is
    timer.setSingleShot(True)
    timer.timeout.connect(broken_command)
    timer.start(0)
    qtbot.waitUntil(lambda: (box := window.findChild(QMessageBox, "unexpected_error")) is not None and box.isVisible())
    box = window.findChild(QMessageBox, "unexpected_error")
    assert box.text() == ("That did not work: Cueline met a fault of its own (RuntimeError: the cue list lost its "
                          "place).")
    assert box.informativeText() == (
        "Your work is still open, and its unsaved changes have a recovery copy. Save it now (Ctrl+S) to be safe. "
        f"The details are in {error_log_path()}: please send that file to whoever looks after Cueline for you.")
    log = error_log_path().read_text(encoding="utf-8")
    assert 'raise RuntimeError("the cue list lost its place")' in log and log.startswith("--- ")
    window.autosave.wait()
    recovery = find_recovery(None, window.autosave.folder, window.autosave.fallback)
    assert recovery is not None and recovery.load().cues[0].text == typed
    assert window.session.document.cues[0].text == typed and window.isWindowModified()
    box.close()
