"""A fault inside Cueline, told to the captioner instead of a terminal they never see.

Qt carries on after an exception in a slot and Python prints it to stderr: started from the applications menu,
the command then did nothing, without a word. Here the fault is written with its traceback to a log file, the
work gets a recovery copy at once, and a message says what happened, that the work is still open and where the
details are for whoever supports Cueline.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.app.settings import APPLICATION
from editor.version import cueline_version

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def error_log_path() -> Path:
    """Cueline's own data folder (~/.local/share/Cueline on Linux), beside the recovery folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / APPLICATION / "errors.log"


def report_unexpected_errors(window: QWidget, protect_work: Callable[[], None]) -> None:
    """From now on, an exception nobody caught is logged, `protect_work` runs, and the window says so."""
    previous = sys.excepthook
    showing: list[QMessageBox] = []  # one message at a time: a fault repeated on every paint must not flood

    def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        previous(kind, error, trace)  # the terminal, when there is one, still gets the traceback
        log = error_log_path()
        written = _append_to_log(log, "".join(traceback.format_exception(kind, error, trace)))
        try:
            protect_work()
        finally:
            if not any(box.isVisible() for box in showing):
                for box in showing:
                    box.deleteLater()
                showing[:] = [_show(window, f"{kind.__name__}: {error}", log if written else None)]

    sys.excepthook = report


def _append_to_log(log: Path, trace: str) -> bool:
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as file:
            file.write(f"--- {datetime.now().isoformat(timespec='seconds')}, Cueline {cueline_version()}\n{trace}")
    except OSError:
        return False
    return True


def _show(window: QWidget, what: str, log: Path | None) -> QMessageBox:
    details = (f"The details are in {log}: please send that file to whoever looks after Cueline for you."
               if log else "The details could not be written down (the disk may be full).")
    box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong in Cueline",
                      f"That did not work: Cueline met a fault of its own ({what}).", parent=window)
    box.setObjectName("unexpected_error")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(f"Your work is still open, and its unsaved changes have a recovery copy. Save it now "
                           f"(Ctrl+S) to be safe. {details}")
    box.open()  # not exec(): the fault may be inside another event loop
    return box
