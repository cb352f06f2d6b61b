""""Fix every occurrence like this": a preview listing each change before anything is changed.

Each line shows the cue, its time and the words around the change before and after; staff untick what must
stay. The dialog only chooses; the navigator makes the chosen changes as one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.cue_spans import span_context
from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.core.timecode import format_timecode
from editor.workflows.fixing import placed, recut_by
from editor.workflows.problems import Problem, fix_changes


def change_line(document: Document, problem: Problem, replacement: str, style: CaptionStyle, recut: bool) -> str:
    """"cue 12 · 00:01:23.400 · the Beisel group → the ISIL group", and "(re-cut: …)" when the cue, with every
    ticked change in it, will no longer fit its lines."""
    span = problem.issue.span
    assert span is not None
    text = document.cues[problem.issue.cue_index].text
    start, end, replacement = placed(text, span.start, span.end, replacement)
    after = text[:start] + replacement + text[end:]
    before_context = span_context(text, start, end)
    after_context = span_context(after, start, start + len(replacement))
    where = f"cue {problem.issue.cue_index + 1} · {format_timecode(problem.start_ms, '.')}"
    note = f" (re-cut: too long for {style.max_lines} lines)" if recut else ""
    return f"{where} · {before_context} → {after_context}{note}"


class FixAllDialog(QDialog):
    """Choose the replacement and the occurrences to change; `chosen()` after exec() returns Accepted."""

    def __init__(
        self, document: Document, occurrences: Sequence[Problem], replacements: Sequence[str], style: CaptionStyle,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fix_all_dialog")
        self.setWindowTitle(f"Fix every “{occurrences[0].words}”")
        self._document, self._occurrences, self._style = document, list(occurrences), style
        self.replacement = QComboBox(self)
        self.replacement.setEditable(True)
        self.replacement.addItems(list(replacements))
        self.replacement.setAccessibleName("Replace with")
        self.changes = QListWidget(self)
        self.changes.setAccessibleName("Changes")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.replacement.currentTextChanged.connect(self._describe_changes)
        self.changes.itemChanged.connect(self._describe_changes)  # a tick changes what its cue will hold
        label = QLabel("&Replace with:", self)
        label.setBuddy(self.replacement)
        found = occurrences[0].words
        listed = QLabel(f"Every “{found}” the checks flag like this one ({len(occurrences)}), before and after; "
                        "untick those to keep as they are. One undo step undoes them all.", self)
        listed.setObjectName("fix_all_explanation")
        listed.setTextFormat(Qt.TextFormat.PlainText)
        listed.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (label, self.replacement, listed, self.changes, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 360)
        self._add_ticked_rows()
        self._describe_changes()

    def _add_ticked_rows(self) -> None:
        """One ticked row per occurrence, described by `_describe_changes`."""
        self.changes.blockSignals(True)
        for _problem in self._occurrences:
            item = QListWidgetItem(self.changes)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.changes.blockSignals(False)

    def _describe_changes(self) -> None:
        """Each change before and after; a cue is judged with every ticked change in it (the re-cut note)."""
        replacement = self.replacement.currentText()
        chosen = self.chosen()
        recut = recut_by(self._document, fix_changes(chosen, replacement), self._style) if replacement else set()
        self.changes.blockSignals(True)
        for row, problem in enumerate(self._occurrences):
            recut_here = problem.issue.cue_index in recut
            self.changes.item(row).setText(change_line(self._document, problem, replacement, self._style, recut_here))
        self.changes.blockSignals(False)
        self._update_ok()

    def _is_ticked(self, row: int) -> bool:
        return self.changes.item(row).checkState() == Qt.CheckState.Checked

    def _update_ok(self) -> None:
        count = len(self.chosen())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"&Fix {count}")
        ok.setEnabled(count > 0 and bool(self.replacement.currentText().strip()))

    def chosen(self) -> list[Problem]:
        """The occurrences left ticked."""
        return [problem for row, problem in enumerate(self._occurrences) if self._is_ticked(row)]
