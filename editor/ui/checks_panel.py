"""The checks panel: every issue of the document; activating one selects its cue."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from editor.app.issue_list_model import CUE_INDEX_ROLE, IssueListModel


class ChecksPanel(QWidget):
    """A list of issues with a count; Enter or a double click on an issue jumps to its cue."""

    cue_activated = Signal(int)

    def __init__(self, model: IssueListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.count_label = QLabel(self)
        self.list_view = QListView(self)
        self.list_view.setModel(model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setAccessibleName("Checks")
        self.list_view.activated.connect(self._on_activated)
        self.list_view.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list_view, 1)
        for change in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            change.connect(self._update_count)
        self._update_count()

    def _update_count(self) -> None:
        count = self._model.rowCount()
        self.count_label.setText(f"Checks: {count} issue{'s' if count != 1 else ''}" if count else "Checks: no issues")

    def _on_activated(self, index: QModelIndex) -> None:
        self.cue_activated.emit(index.data(CUE_INDEX_ROLE))
