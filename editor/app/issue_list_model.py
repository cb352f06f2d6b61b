"""The checks panel's model: one row per issue, in cue order, refreshed whenever the tracker changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from editor.app.issue_tracker import IssueTracker
from editor.checks.issue import Issue, Severity

AnyIndex = QModelIndex | QPersistentModelIndex
CUE_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(cue_index: int, issue: Issue) -> str:
    """One line for the panel: where, how bad, what."""
    return f"Cue {cue_index + 1} · {issue.severity.value}: {issue.message}"


class IssueListModel(QAbstractListModel):
    """Issues as rows; `CUE_INDEX_ROLE` gives the cue an activated row should select."""

    def __init__(self, tracker: IssueTracker, parent: Any = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._entries: list[tuple[int, Issue]] = tracker.entries()
        tracker.issues_changed.connect(self._on_issues_changed)
        tracker.rows_replaced.connect(self._on_rows_replaced)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cue_index, issue = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(cue_index, issue)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{issue.rule}: {issue.message}"
        if role == CUE_INDEX_ROLE:
            return cue_index
        if role == Qt.ItemDataRole.ForegroundRole and issue.severity == Severity.ERROR:
            return Qt.GlobalColor.darkRed
        return None

    def _on_issues_changed(self) -> None:
        self.beginResetModel()
        self._entries = self._tracker.entries()
        self.endResetModel()

    def _on_rows_replaced(self, first: int, removed: int, inserted: int) -> None:
        """An edit replaced a few rows; rows below keep their place but may show new cue numbers."""
        if removed:
            self.beginRemoveRows(QModelIndex(), first, first + removed - 1)
            self._entries = self._entries[:first] + self._entries[first + removed :]
            self.endRemoveRows()
        if inserted:
            self.beginInsertRows(QModelIndex(), first, first + inserted - 1)
            self._entries = self._tracker.entries()
            self.endInsertRows()
        self._entries = self._tracker.entries()
        if first + inserted < len(self._entries):
            self.dataChanged.emit(self.index(first + inserted), self.index(len(self._entries) - 1))
