"""Answering the window's modal dialogs as a user would: schedule the answer, then open the dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget


def when_dialog_opens(handle: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog (it opens after this call) with `handle`."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        handle(dialog)

    QTimer.singleShot(0, poll)


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
    """Type a file name into the file dialog and accept it."""

    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        dialog.selectFile(str(path))
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
