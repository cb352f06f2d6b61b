"""Help ▸ Keyboard shortcuts: every command with a key, under the menu that holds it, in a list that scrolls.

A message box listing some 80 commands grew taller than a laptop's screen, with its OK button below the
bottom edge; this dialog stays within the screen whatever the number of commands.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ROW_PADDING = 6  # pixels above and below a row's text: a dense list that still reads as lines
SCREEN_SHARE = 0.8  # of the screen's free height: the window it opens over stays in sight around it


def menu_shortcuts(menu_bar: QMenuBar) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each menu's title and its commands with keys ("Undo", "Ctrl+Z"), submenus' commands included."""
    for entry in menu_bar.actions():
        menu = entry.menu()
        if isinstance(menu, QMenu):
            commands = [(_plain(action.text()), _keys(action)) for action in _commands(menu)]
            if commands:
                yield _plain(entry.text()), commands


def _commands(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _commands(submenu)
        elif not action.shortcut().isEmpty():
            yield action


def _plain(text: str) -> str:
    """A menu text as shown: "&&" is an ampersand, a single "&" marks the mnemonic; no trailing "…"."""
    return "&".join(part.replace("&", "") for part in text.split("&&")).removesuffix("…")


def _keys(action: QAction) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())


class ShortcutsDialog(QDialog):
    """The commands in a two-column table (command, keys), one heading row per menu."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels(["Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for title, commands in menu_shortcuts(menu_bar):
            self._add_heading(title)
            for command, keys in commands:
                self._add_row(command, keys)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fit_screen(buttons.sizeHint().height())

    def _add_heading(self, title: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        heading = QTableWidgetItem(title)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.table.setItem(row, 0, heading)
        self.table.setSpan(row, 0, 1, 2)

    def _add_row(self, command: str, keys: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(command))
        self.table.setItem(row, 1, QTableWidgetItem(keys))

    def _fit_screen(self, buttons_height: int) -> None:
        """Wide enough for the longest command and its keys; as tall as the rows need, within the screen."""
        self.table.resizeColumnsToContents()
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        frame = 2 * self.table.frameWidth()
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        width = self.table.horizontalHeader().length() + self.table.verticalScrollBar().sizeHint().width() + frame
        height = rows + self.table.horizontalHeader().sizeHint().height() + frame + layout.spacing()
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry()
        self.resize(min(width + margins.left() + margins.right(), free.width()),
                    min(height + buttons_height + margins.top() + margins.bottom(),
                        int(free.height() * SCREEN_SHARE)))
