"""The cue table's model: adapts the session's document row by row and colours cells that break a rule.

It holds no copy of the cues; it announces exactly the rows an edit touched, so a 10,000-row view
repaints only what changed, and values are computed only for the rows on screen.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from editor.app.issue_tracker import IssueTracker
from editor.app.plain_text import plain_tooltip
from editor.app.session import Session
from editor.checks.issue import Severity
from editor.core.edits import CueSplice
from editor.core.model import Cue
from editor.core.style import characters_per_second, cps_text
from editor.core.timecode import format_timecode

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_BRUSH = QBrush(QColor(255, 205, 205))
WARNING_BRUSH = QBrush(QColor(255, 236, 190))


class Column(IntEnum):
    """The table's columns; the cue number is the vertical header, so rows keep their data when renumbered."""

    START = 0
    END = 1
    DURATION = 2
    CPS = 3
    TEXT = 4


HEADERS = {
    Column.START: "Start",
    Column.END: "End",
    Column.DURATION: "Duration",
    Column.CPS: "CPS",
    Column.TEXT: "Text",
}

# Which cell shows a rule's finding (rules attach timing problems between cues to the earlier cue).
_RULE_COLUMNS = {
    "reading-speed": Column.CPS,
    "reading-speed-limit": Column.CPS,
    "min-duration": Column.DURATION,
    "max-duration": Column.DURATION,
    "overlap": Column.END,
    "min-gap": Column.END,
}


def column_of_rule(rule: str) -> Column:
    """The cell where an issue of this rule is shown; text rules (and new rules) mark the text."""
    return _RULE_COLUMNS.get(rule, Column.TEXT)


def one_line(text: str) -> str:
    """Cue text on one table row: line breaks shown as a visible separator."""
    return text.replace("\n", " / ")


def _display(cue: Cue, column: int) -> str:
    if column == Column.START:
        return format_timecode(cue.start_ms, ".")
    if column == Column.END:
        return format_timecode(cue.end_ms, ".")
    if column == Column.DURATION:
        return f"{cue.duration_ms / 1000:.3f}"
    if column == Column.CPS:
        return cps_text(characters_per_second(cue))
    return one_line(cue.text)


class CueTableModel(QAbstractTableModel):
    """Read-only rows over the session's cues; edits go through commands, never through setData."""

    def __init__(self, session: Session, issues: IssueTracker, parent: Any = None) -> None:
        super().__init__(parent)
        self._session = session
        self._issues = issues
        self._cues: tuple[Cue, ...] = session.document.cues  # what the view has been told about
        session.cues_spliced.connect(self._on_splice)
        session.document_replaced.connect(self._on_replaced)
        issues.issues_changed.connect(self._on_issues_changed)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cues)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(self._cues[row], column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            return self._issue_role(row, column, role)
        return None

    def _issue_role(self, row: int, column: int, role: int) -> Any:
        found = [issue for issue in self._issues.issues_of(row) if column_of_rule(issue.rule) == column]
        if not found:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(issue.message for issue in found))
        return ERROR_BRUSH if any(i.severity == Severity.ERROR for i in found) else WARNING_BRUSH

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[Column(section)]
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _on_splice(self, splice: CueSplice) -> None:
        """Announce removed or inserted rows while the old rows are still visible, then the changed ones."""
        start, removed, inserted = splice.start, len(splice.removed), len(splice.inserted)
        old, new = self._cues, self._session.document.cues
        if removed > inserted:
            self.beginRemoveRows(QModelIndex(), start + inserted, start + removed - 1)
            self._cues = old[: start + inserted] + old[start + removed :]
            self.endRemoveRows()
        elif inserted > removed:
            self.beginInsertRows(QModelIndex(), start + removed, start + inserted - 1)
            self._cues = old[: start + removed] + new[start + removed : start + inserted] + old[start + removed :]
            self.endInsertRows()
        self._cues = new
        self._changed(max(0, start - 1), min(len(new) - 1, start + inserted))  # neighbours' checks may change
        if removed != inserted:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, start, len(new) - 1)

    def _changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    def _on_replaced(self) -> None:
        self.beginResetModel()
        self._cues = self._session.document.cues
        self.endResetModel()

    def _on_issues_changed(self) -> None:
        self._changed(0, self.rowCount() - 1)
