"""The checks panel's model: one row per issue, in cue order, refreshed whenever the tracker changes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from editor.app.issue_tracker import IssueTracker
from editor.app.plain_text import plain_tooltip
from editor.checks.issue import Issue, Severity

AnyIndex = QModelIndex | QPersistentModelIndex
CUE_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the Issue, with its current cue index
ERROR_COLOR = QColor(Qt.GlobalColor.darkRed)


def describe(cue_index: int, issue: Issue) -> str:
    """One line for the panel: where, how bad, what (words quoted across the cue's line break on it too)."""
    message = " ".join(issue.message.split("\n"))
    return f"Cue {cue_index + 1} · {issue.severity.value}: {message}"


class IssueListModel(QAbstractListModel):
    """Issues as rows; `CUE_INDEX_ROLE` gives the cue an activated row should select, `ISSUE_ROLE` the issue."""

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
            return plain_tooltip(f"{issue.rule}: {issue.message}")
        if role == CUE_INDEX_ROLE:
            return cue_index
        if role == ISSUE_ROLE:
            return issue if issue.cue_index == cue_index else replace(issue, cue_index=cue_index)
        if role == Qt.ItemDataRole.ForegroundRole and issue.severity == Severity.ERROR:
            return ERROR_COLOR
        return None

    def _on_issues_changed(self) -> None:
        self.beginResetModel()
        self._entries = self._tracker.entries()
        self.endResetModel()

    def _on_rows_replaced(self, first: int, removed: int, new_rows: list[tuple[int, Issue]], shift: int) -> None:
        """An edit replaced a few rows; if it added or removed cues, the rows below show new cue numbers."""
        if removed:
            self.beginRemoveRows(QModelIndex(), first, first + removed - 1)
            del self._entries[first : first + removed]
            self.endRemoveRows()
        if new_rows:
            self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
            self._entries[first:first] = new_rows
            self.endInsertRows()
        below = first + len(new_rows)
        if shift and below < len(self._entries):
            self._entries[below:] = [(cue + shift, issue) for cue, issue in self._entries[below:]]
            self.dataChanged.emit(self.index(below), self.index(len(self._entries) - 1))
