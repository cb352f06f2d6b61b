"""The editor's windows carry Cueline's icon (the task bar and window switcher show it)."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from editor.ui.launch import show_cueline_icon


def test_main_window_shows_the_cueline_icon(qapp: QApplication, make_window) -> None:
    show_cueline_icon(qapp)
    window = make_window()
    pixmap = window.windowIcon().pixmap(QSize(64, 64))
    assert not pixmap.isNull() and pixmap.width() == 64
    assert qapp.desktopFileName() == "cueline"
