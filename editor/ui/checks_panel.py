"""The checks panel: every issue of the document; activating one selects its cue (and, with the problem
navigator, its words, and plays them)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from editor.app.issue_list_model import CUE_INDEX_ROLE, ISSUE_ROLE, IssueListModel
from editor.checks.issue import Issue
from editor.core.wording import counted


class ChecksPanel(QWidget):
    """A list of issues with a count; Enter or a double click on an issue jumps to its cue."""

    cue_activated = Signal(int)
    issue_activated = Signal(object)  # the Issue, after cue_activated

    def __init__(self, model: IssueListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.count_label = QLabel(self)
        self.list_view = self._issue_view(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.list_view, 1)
        for change in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            change.connect(self._update_count)
        self._update_count()

    def _issue_view(self, model: IssueListModel) -> QTableView:
        """A one-column table rather than a list view: it inserts rows without laying out all of them."""
        view = QTableView(self)
        view.setModel(model)
        view.setAccessibleName("Checks")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.horizontalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 4)
        view.activated.connect(self._on_activated)
        view.clicked.connect(self._on_activated)
        return view

    def _update_count(self) -> None:
        count = self._model.rowCount()
        self.count_label.setText(f"Checks: {counted(count, 'issue')}" if count else "Checks: no issues")

    def _on_activated(self, index: QModelIndex) -> None:
        self.cue_activated.emit(index.data(CUE_INDEX_ROLE))
        self.issue_activated.emit(index.data(ISSUE_ROLE))

    def show_issue(self, issue: Issue) -> None:
        """Mark the issue staff stopped on elsewhere (F8), scrolled into sight; marking it chooses nothing."""
        for row in range(self._model.rowCount()):
            index = self._model.index(row)
            if index.data(ISSUE_ROLE) == issue:
                self.list_view.setCurrentIndex(index)
                self.list_view.scrollTo(index)
                return
