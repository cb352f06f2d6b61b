"""The cue table view: fixed row heights and no content measuring, so 10,000 rows open and scroll at once."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from editor.app.cue_table_model import Column, CueTableModel

_COLUMN_WIDTHS = {Column.START: 100, Column.END: 100, Column.DURATION: 70, Column.CPS: 50}


class CueTableView(QTableView):
    """Rows select whole cues; text shows on one line (line breaks as " / ")."""

    def __init__(self, model: CueTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Cue table")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        columns = self.horizontalHeader()
        for column, width in _COLUMN_WIDTHS.items():
            columns.resizeSection(column, width)
        columns.setStretchLastSection(True)

    def selected_rows(self) -> list[int]:
        """The selected cues, in order (the current cue if nothing is selected)."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows
