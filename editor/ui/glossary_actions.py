"""The main window's glossary and spell check: the glossary dialog as undo steps, spelling in the text pane.

Kept out of main_window.py so the window only creates this object and the Tools menu calls `open_dialog`;
it sees the window only as a FeatureHost (editor/ui/host.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from editor.checks.ignoring import IgnoredIndex
from editor.checks.issue import Issue, Severity, TextSpan
from editor.checks.spelling import NAME as SPELLING_RULE
from editor.checks.spelling import heard_as_written
from editor.core.glossary import glossary_of, with_glossary
from editor.core.model import Document, GlossaryTerm
from editor.ui.glossary_dialog import GlossaryDialog
from editor.ui.host import FeatureHost
from editor.ui.spelling import attach_spelling


class GlossaryActions(QObject):
    """Opens the glossary dialog, records its changes as undo steps, and keeps spell check on the glossary."""

    def __init__(self, host: FeatureHost) -> None:
        super().__init__(host.widget)
        self._host = host
        self._session = host.session
        self.spelling = attach_spelling(host.text_pane, self.terms, self.add_term, lambda: self._session.style.spelling,
                                        self._not_flagged)
        self._ignored_seen = self._session.document.ignored
        self._session.cues_spliced.connect(self._follow_glossary)  # also after undo of a glossary edit
        self._session.document_replaced.connect(self._follow_glossary)

    def terms(self) -> list[GlossaryTerm]:
        return glossary_of(self._session.document)

    def open_dialog(self) -> None:
        """The names glossary: each "Replace selected", and the glossary's own edit, is one undo step."""
        dialog = GlossaryDialog(self._session.document, self._record, self._host.widget)
        dialog.exec()
        dialog.deleteLater()

    def add_term(self, word: str) -> None:
        """Add a word the spell check did not know as a name (one undo step)."""
        document = with_glossary(self._session.document, [*self.terms(), GlossaryTerm(word)])
        self._record(document, f"Add “{word}” to the glossary")

    def _record(self, document: Document, label: str) -> None:
        self._host.push_edit(label, document, self._host.current_index())

    def _follow_glossary(self, *_changes: object) -> None:
        self.spelling.follow_glossary(self.terms(), self._session.style.spelling)
        if self._session.document.ignored != self._ignored_seen:  # an ignore, or its undo
            self._ignored_seen = self._session.document.ignored
            self.spelling.rehighlight()

    def _not_flagged(self, text: str, start: int, end: int) -> bool:
        """Whether the misspelling at text[start:end] of the current cue, shown in the text pane, is no problem:
        staff ignored it, or the audio supports it as a name (as the spelling check judges). The pane is drawn as
        each key is typed, before the document takes the text: the cue is judged as that edit will leave it."""
        document, row = self._session.document, self._host.current_index()
        if row is None or row >= len(document.cues):
            return False
        cue = document.cues[row].with_text(text)
        if heard_as_written(cue, start):
            return True
        misspelling = Issue(row, Severity.WARNING, SPELLING_RULE, "", TextSpan(start, end))
        return bool(document.ignored) and IgnoredIndex.of(document.ignored).covers(cue, misspelling)
