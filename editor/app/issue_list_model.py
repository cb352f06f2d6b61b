"""The checks panel's model: one row per issue, in cue order, refreshed whenever the tracker changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from editor.app.issue_tracker import IssueTracker
from editor.checks.issue import Issue, Severity

AnyIndex = QModelIndex | QPersistentModelIndex
CUE_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(issue: Issue) -> str:
    """One line for the panel: where, how bad, what."""
    return f"Cue {issue.cue_index + 1} · {issue.severity.value}: {issue.message}"


class IssueListModel(QAbstractListModel):
    """Issues as rows; `CUE_INDEX_ROLE` gives the cue an activated row should select."""

    def __init__(self, tracker: IssueTracker, parent: Any = None) -> None:
        super().__init__(parent)
        self._tracker = tracker
        self._issues: list[Issue] = tracker.issues
        tracker.issues_changed.connect(self._on_issues_changed)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(issue)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{issue.rule}: {issue.message}"
        if role == CUE_INDEX_ROLE:
            return issue.cue_index
        if role == Qt.ItemDataRole.ForegroundRole and issue.severity == Severity.ERROR:
            return Qt.GlobalColor.darkRed
        return None

    def _on_issues_changed(self) -> None:
        self.beginResetModel()
        self._issues = self._tracker.issues
        self.endResetModel()
