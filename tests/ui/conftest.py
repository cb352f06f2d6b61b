"""UI fixtures: a main window on the bundled sample, with isolated settings and data folders."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths

from editor.app.settings import Settings

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery files and test-mode data folders land in this test's own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings):
    """Main windows that close without asking at the end of the test."""
    from editor.ui.main_window import MainWindow

    windows = []

    def make() -> MainWindow:
        window = MainWindow(settings)  # not qtbot.addWidget: its close would meet the unsaved-changes prompt
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.undo_stack.setClean()
        window.close()
        shiboken6.delete(window)
    gc.collect()  # free the wrappers now, not inside a later test's dialog loop


@pytest.fixture
def window(make_window):
    """The window as `cueline` opens it: the sample lined up along 12:45."""
    window = make_window()
    window.files.open_sample()
    return window


@pytest.fixture
def show_timeline(qtbot):
    """A function: a TimelineView on screen, `width` px wide, showing the whole of `document`."""
    from editor.ui.timeline import TimelineView

    def show(document, width: int) -> TimelineView:
        timeline = TimelineView()
        qtbot.addWidget(timeline)
        timeline.resize(width, 170)
        timeline.show()
        qtbot.waitExposed(timeline)
        timeline.set_document(document)
        timeline.fit_all()
        return timeline

    return show


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """Our own Xvfb on a display number it picks itself (-displayfd), so parallel servers never collide."""
    assert shutil.which("Xvfb"), "Xvfb is needed for the tests under a real X server (./dev.sh test installs it)"
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)
