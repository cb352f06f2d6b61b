"""Clicking the window's views as staff do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from editor.app.cue_table_model import Column


def click_row(qtbot, window, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """Click cue `row`'s text in the table (scrolled to the top of the view first)."""
    table = window.table
    table.scrollTo(window.table_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    rect = table.visualRect(window.table_model.index(row, Column.TEXT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
