"""The names glossary dialog: edit the names, find the places that sound like them, replace the chosen ones.

The search runs off the GUI thread (a few seconds on a long programme). Ticking one proposal ticks every
other place where the same words were heard for the same name, so a name is fixed everywhere at once.
"Replace selected" hands one new document to `on_change`, which the window records as one undo step; the
replaced mishearings are kept as hints on their term, so the next search finds them for certain.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.app.plain_text import plain_tooltip
from editor.checks.dictionary import word_rarity
from editor.checks.suspect_words import heard_proposals
from editor.core.glossary import (
    Proposal,
    apply_proposals,
    format_term,
    glossary_of,
    line_problem,
    parse_term,
    propose_replacements,
    with_glossary,
)
from editor.core.model import Document, GlossaryTerm
from editor.core.wording import counted

SURE_SCORE = 0.8  # proposals this good start ticked; the rest wait for a person to look
COLUMNS = ("Replace", "Cue", "Heard", "Name", "Score", "In context")
DocumentChange = Callable[[Document, str], None]  # the new document and an undo label


class _SearchThread(QThread):
    progressed = Signal(float)
    found = Signal(object)  # list[Proposal]

    def __init__(self, document: Document, terms: list[GlossaryTerm], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document, self._terms = document, terms
        self.stop = threading.Event()

    def run(self) -> None:
        proposals = propose_replacements(
            self._document, self._terms, rarity=word_rarity, progress=self.progressed.emit, cancelled=self.stop.is_set
        )
        if not self.stop.is_set():
            self.found.emit(heard_proposals(self._document, proposals))


def learned_terms(terms: list[GlossaryTerm], chosen: list[Proposal]) -> list[GlossaryTerm]:
    """The terms with each replaced mishearing added as a hint (once), for the next search."""
    heard: dict[str, list[str]] = {term.term: list(term.hints) for term in terms}
    for proposal in chosen:
        words = " ".join(proposal.found.split())
        hints = heard.setdefault(proposal.term, [])
        if words != proposal.term and words.lower() not in {hint.lower() for hint in hints}:
            hints.append(words)
    return [GlossaryTerm(term.term, tuple(heard[term.term])) for term in terms]


class GlossaryDialog(QDialog):
    """Edit the glossary (one name a line, "ISIL ~ sisal, Beisel"), find sound-alikes, replace the chosen."""

    def __init__(self, document: Document, on_change: DocumentChange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Names glossary")
        self._document = document
        self._on_change = on_change
        self._proposals: list[Proposal] = []
        self._search: _SearchThread | None = None
        self._syncing = False
        self._build()
        self.terms_edit.setPlainText("\n".join(format_term(term) for term in document.glossary))

    def _build(self) -> None:
        self.terms_edit = QPlainTextEdit()
        self.terms_edit.setPlaceholderText("One name a line; add mishearings after ~\nISIL ~ sisal, Beisel\nErbil")
        self.find_button = QPushButton("&Find sound-alikes")
        self.find_button.clicked.connect(self.find_sound_alikes)
        self.replace_button = QPushButton("&Replace selected")
        self.replace_button.clicked.connect(self.replace_selected)
        self.replace_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel("Type the names of this programme, then find the places that sound like them.")
        self.table = self._make_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for widget in (self.find_button, self.progress, self.replace_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        label = QLabel("&Names:")
        label.setBuddy(self.terms_edit)
        layout.addWidget(label)
        layout.addWidget(self.terms_edit, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._tick_same_mishearing)
        return table

    @property
    def document(self) -> Document:
        return self._document

    def terms(self) -> list[GlossaryTerm]:
        """The glossary as typed in the dialog."""
        lines = self.terms_edit.toPlainText().split("\n")
        return [parse_term(line) for line in lines if line.strip() and line_problem(line) is None]

    def set_document(self, document: Document) -> None:
        """Follow the window's document (after an undo, say); proposals made on the old one are dropped."""
        if document is not self._document:
            self._document = document
            self._show([])

    def find_sound_alikes(self) -> None:
        """Search the document for the glossary's names in the background."""
        self.cancel_search()
        terms = self.terms()
        if not terms:
            self.status.setText("The glossary is empty: type some names first.")
            return
        self._search = _SearchThread(self._document, terms, self)
        self._search.progressed.connect(lambda share: self.progress.setValue(round(share * 100)))
        self._search.found.connect(self._on_found)
        self.progress.setValue(0)
        self.progress.show()
        self.find_button.setEnabled(False)
        self.status.setText("Listening for the names in the text…")
        self._search.start(QThread.Priority.LowPriority)

    def cancel_search(self) -> None:
        if self._search is not None:
            self._search.stop.set()
            self._search.wait()
            self._search = None
        self.progress.hide()
        self.find_button.setEnabled(True)

    @property
    def searching(self) -> bool:
        return self._search is not None

    def _on_found(self, proposals: list[Proposal]) -> None:
        if self._search is not None:
            self._search.wait()
        self._search = None
        self.progress.hide()
        self.find_button.setEnabled(True)
        self._show(proposals)

    def _show(self, proposals: list[Proposal]) -> None:
        self._proposals = sorted(proposals, key=lambda p: (-p.score, p.cue_index, p.start))  # likeliest first
        self._syncing = True
        self.table.setRowCount(0)
        self.table.setRowCount(len(proposals))
        for row, proposal in enumerate(self._proposals):
            self._fill_row(row, proposal)
        self._syncing = False
        self.table.resizeColumnsToContents()
        self._update_status()

    def _fill_row(self, row: int, proposal: Proposal) -> None:
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tick.setCheckState(Qt.CheckState.Checked if proposal.score >= SURE_SCORE else Qt.CheckState.Unchecked)
        context = self._document.cues[proposal.cue_index].text.replace("\n", " / ")
        cells = [tick] + [
            QTableWidgetItem(text)
            for text in (str(proposal.cue_index + 1), proposal.found.replace("\n", " "), proposal.term)
        ]
        cells += [QTableWidgetItem(f"{proposal.score:.2f}"), QTableWidgetItem(context)]
        for column, item in enumerate(cells):
            item.setToolTip(plain_tooltip(context))
            self.table.setItem(row, column, item)

    def chosen(self) -> list[Proposal]:
        """The ticked proposals."""
        return [
            proposal
            for row, proposal in enumerate(self._proposals)
            if self._tick(row).checkState() == Qt.CheckState.Checked
        ]

    def _tick_same_mishearing(self, item: QTableWidgetItem) -> None:
        """Tick or untick every place where the same words were heard for the same name."""
        if self._syncing or item.column() != 0:
            return
        ticked = self._proposals[item.row()]
        key = (" ".join(ticked.found.lower().split()), ticked.term)
        self._syncing = True
        for row, proposal in enumerate(self._proposals):
            if (" ".join(proposal.found.lower().split()), proposal.term) == key:
                self._tick(row).setCheckState(item.checkState())
        self._syncing = False
        self._update_status()

    def _tick(self, row: int) -> QTableWidgetItem:
        """The tick box of a proposal's row (every row gets one when the proposals are shown)."""
        item = self.table.item(row, 0)
        assert item is not None
        return item

    def _update_status(self) -> None:
        count = len(self.chosen())
        self.replace_button.setEnabled(count > 0)
        if self._proposals:
            sound = "sounds" if len(self._proposals) == 1 else "sound"
            self.status.setText(f"{counted(len(self._proposals), 'place')} {sound} like a name; {count} ticked.")
        else:
            self.status.setText("No place sounds like a name of the glossary.")

    def replace_selected(self) -> Document:
        """Apply the ticked proposals and the edited glossary as one change; returns the new document."""
        chosen = self.chosen()
        terms = learned_terms(self.terms(), chosen)
        document = apply_proposals(with_glossary(self._document, terms), chosen)
        self.terms_edit.setPlainText("\n".join(format_term(term) for term in terms))
        self._document = document
        self._on_change(document, f"Replace {counted(len(chosen), 'misheard name')}")
        self._show([])
        self.status.setText(f"Replaced {len(chosen)}. Find again to look for more.")
        return document

    def done(self, result: int) -> None:
        """On closing, a changed glossary is saved into the document (its own undo step); a line it cannot take
        is not dropped without asking."""
        if self._keeps_a_line_to_fix():
            return
        self.cancel_search()
        if self.terms() != glossary_of(self._document):
            document = with_glossary(self._document, self.terms())
            self._document = document
            self._on_change(document, "Edit glossary")
        super().done(result)

    def _keeps_a_line_to_fix(self) -> bool:
        """A typed line that is not a name ("~ sisal") was dropped on closing without a word: ask first. True when
        staff chose to fix it: the dialog stays open with the cursor on that line."""
        lines = self.terms_edit.toPlainText().split("\n")
        bad = [(number, line, problem) for number, line in enumerate(lines)
               if line.strip() and (problem := line_problem(line)) is not None]
        if not bad:
            return False
        number, line, problem = bad[0]
        others = f" ({counted(len(bad) - 1, 'other line')} too)" if len(bad) > 1 else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "Names glossary",
                          f"Line {number + 1}, “{line.strip()}”: {problem}.", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(f"Closing now drops it{others}.")
        fix = box.addButton("&Fix it", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Drop it", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(fix)
        box.exec()
        if box.clickedButton() is not fix:
            return False
        cursor = QTextCursor(self.terms_edit.document().findBlockByNumber(number))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        self.terms_edit.setTextCursor(cursor)
        self.terms_edit.setFocus()
        return True
