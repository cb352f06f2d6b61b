"""Answering the window's modal dialogs as a user would: schedule the answer, then open the dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

_WAITING: set[QTimer] = set()  # timers alive until they answered their dialog


def when_dialog_opens(handle: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog (it opens after this call) with `handle`.

    A QTimer object we keep, rather than QTimer.singleShot with a Python function: that posts a queued
    call which PySide 6.11 has been seen to crash on inside a dialog's event loop.
    """
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        timer.stop()
        _WAITING.discard(timer)
        handle(dialog)

    timer.timeout.connect(poll)
    _WAITING.add(timer)
    timer.start()


def answer_in_turn(*handlers: Callable[[QWidget], None]) -> None:
    """Answer the next few dialogs, one handler each, in the order they open."""
    if not handlers:
        return
    first, rest = handlers[0], handlers[1:]

    def handle(dialog: QWidget) -> None:
        first(dialog)
        answer_in_turn(*rest)

    when_dialog_opens(handle)


def choose_file(path: Path) -> Callable[[QWidget], None]:
    """Type a file's full path into the file dialog's name field and accept, as a user would."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_field is not None
        name_field.setText(str(path))
        dialog.accept()

    return handle


def type_answer(text: str) -> Callable[[QWidget], None]:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), dialog
        dialog.setTextValue(text)
        dialog.accept()

    return handle


def press_button(label: str, seen: list[str] | None = None) -> Callable[[QWidget], None]:
    """Click the message box button whose text (without &) is `label`; keep its question in `seen`."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), dialog
        if seen is not None:
            seen.append(dialog.text())
        for button in dialog.buttons():
            if button.text().replace("&", "") == label:
                button.click()
                return
        raise AssertionError(f"no button {label!r} in {[b.text() for b in dialog.buttons()]}")

    return handle


def message_boxes_during(action: Callable[[], object]) -> list[str]:
    """The text of each message box shown while `action` runs, each closed as it opens (as Escape would):
    for a step that should say nothing. Other dialogs are left to the handlers scheduled for them."""
    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.reject()

    timer.timeout.connect(poll)
    timer.start()
    try:
        action()
    finally:
        timer.stop()
    return seen
