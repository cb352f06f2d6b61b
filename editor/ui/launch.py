"""Starting the editor: the Qt application, the main window, and the first document.

With no file the window opens on the bundled sample lined up along its 12:45; with a file it opens that
project, subtitle file or transcript (or, if it cannot be read, what it opens without one, and then says why).
Either way a recovery file left by a crash is offered back first.
With `--media` the window plays that media too (a project reopens its own media by itself).
A file named at start is opened once the window is painted, with a note saying so: lining up and checking an
hour's transcript takes seconds, and the window stayed black meanwhile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from editor.app.settings import APPLICATION, ORGANIZATION
from editor.media.player import wayland_needs_xcb
from editor.paths import resource_path
from editor.ui.autosync_actions import attach_autosync
from editor.ui.error_report import report_unexpected_errors
from editor.ui.evidence_actions import attach_listening
from editor.ui.main_window import MainWindow
from editor.ui.media_panel import attach_media
from editor.ui.navigator_actions import attach_navigator


def application() -> QApplication:
    """The one QApplication, named so QSettings and the data folders are Cueline's own."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if wayland_needs_xcb():
        os.environ["QT_QPA_PLATFORM"] = "xcb"  # libvlc can draw video only into an X11 window (XWayland)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Cueline")
    show_cueline_icon(app)
    return app


def show_cueline_icon(app: QApplication) -> None:
    """Every window and the task bar show Cueline's icon; Wayland desktops find it through cueline.desktop."""
    icon = QIcon()
    icon.addFile(str(resource_path("icons", "cueline.svg")))
    icon.addFile(str(resource_path("icons", "cueline.png")))
    app.setWindowIcon(icon)
    app.setDesktopFileName("cueline")


def open_window(path: Path | None, media: Path | None = None) -> MainWindow:
    """A shown main window on `path` (None: the bundled sample), playing `media` if given."""
    window = MainWindow()
    panel = attach_media(window)
    attach_autosync(window, panel)
    attach_listening(window, panel)
    attach_navigator(window, panel)
    window.show()
    note = f"Opening {path.name}…" if path is not None else ""
    if note:
        painted_first(window, note)  # an hour's transcript takes seconds to line up and check
    window.files.open_at_start(path)
    if note and window.statusBar().currentMessage() == note:
        window.statusBar().clearMessage()  # nothing said what opened (the sample, after a file it could not read)
    if media is not None:
        panel.open_media(media)
    return window


FIRST_PAINT_WAIT_MS = 2000  # a window system that has not shown the window by then is not waited for longer


def painted_first(window: MainWindow, note: str) -> None:
    """The shown window painted now, `note` in its status bar, rather than left black until the work that
    follows is done; waits for the window system to show it (FIRST_PAINT_WAIT_MS at most)."""
    window.statusBar().showMessage(note)
    handle = window.windowHandle()
    waited = QDeadlineTimer(FIRST_PAINT_WAIT_MS)
    wake = QTimer(interval=FIRST_PAINT_WAIT_MS, singleShot=True)  # ends the wait below if no window event comes
    wake.start()
    while handle is not None and not handle.isExposed() and not waited.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    window.repaint()


def run_editor(path: Path | None, media: Path | None = None) -> int:
    """Run the editor until its window closes; the exit code for the command line."""
    app = application()
    window = open_window(path, media)
    report_unexpected_errors(window, window.autosave.write_now)
    window.raise_()
    return app.exec()
