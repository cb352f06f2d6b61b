"""Doubtful words in the text pane: the words the checks doubt (low confidence after auto-sync; after
listening, what the speech heard as other words) underlined in the timeline's "unsure" yellow, with the
check's message in a tooltip, so staff see which words to check by ear. They are the problems the checks list
(checks/word_problems.py): a word the speech supports, or whose problem staff ignored, is left plain.

The marks are extra selections of the text edit, not a syntax highlighter: the spell check's highlighter
owns the document's formats, and the two never overwrite each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from editor.app.plain_text import plain_tooltip
from editor.checks.ignoring import IgnoredIndex
from editor.checks.issue import Issue
from editor.checks.word_problems import DOUBT_RULES, word_problems
from editor.core.model import Cue, Document, Word
from editor.core.style import CaptionStyle
from editor.ui.timeline_blocks import MARK_COLORS
from editor.ui.timeline_track import MarkKind

_TOKEN = re.compile(r"\S+")
PlacedWord = tuple[int, int, Word]  # start and end offsets in the cue's text, and the word there


def placed_words(cue: Cue | None, text: str) -> list[PlacedWord]:
    """The cue's timed words with their offsets in `text`; none unless `text` still holds exactly those words."""
    if cue is None or not cue.words:
        return []
    tokens = list(_TOKEN.finditer(text))
    if [token.group() for token in tokens] != [word.text for word in cue.words]:
        return []
    return [(token.start(), token.end(), word) for token, word in zip(tokens, cue.words, strict=True)]


def token_at(text: str, position: int) -> str:
    """The whitespace-separated token under a text cursor position ("" between tokens)."""
    return next((token.group() for token in _TOKEN.finditer(text) if token.start() <= position <= token.end()), "")


def word_at(cue: Cue | None, text: str, position: int) -> Word | None:
    """The cue's word under a text cursor position (touching either end counts)."""
    return next((word for start, end, word in placed_words(cue, text) if start <= position <= end), None)


def doubt_tooltip(problem: Issue) -> str:
    """What hovering a doubtful word says: the check's message, shown literally (never as markup)."""
    return plain_tooltip(f"{problem.message}. Listen to it (F8 stops on it and plays it) and check it.")


def _doubt_format() -> QTextCharFormat:
    unsure = MARK_COLORS[MarkKind.UNSURE]
    mark = QTextCharFormat()
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    mark.setUnderlineColor(unsure.darker(140))
    tint = unsure.lighter(100)
    tint.setAlpha(90)
    mark.setBackground(tint)
    return mark


class DoubtfulWordMarks(QObject):
    """Keeps a text edit's doubt underlines on the words the checks doubt in the cue it shows; call `refresh`
    after changes."""

    def __init__(self, edit: QPlainTextEdit, current_cue: Callable[[], Cue | None],
                 judging: Callable[[], tuple[Document, CaptionStyle]]) -> None:
        """`judging` gives the document (its glossary and ignores) and the style the checks judge by."""
        super().__init__(edit)
        self._edit = edit
        self._current_cue, self._judging = current_cue, judging
        self._format = _doubt_format()
        self.marked: list[tuple[int, int, Issue]] = []
        edit.textChanged.connect(self.refresh)
        edit.viewport().installEventFilter(self)

    def refresh(self) -> None:
        """Underline the words the checks doubt in the cue shown (none while its text differs from the cue's)."""
        cue, text = self._current_cue(), self._edit.toPlainText()
        self.marked = []
        if cue is not None and cue.words and text == cue.text:
            document, style = self._judging()
            problems = word_problems(cue, document.glossary, style, IgnoredIndex.of(document.ignored),
                                     document.doubt_limit)
            self.marked = [(p.span.start, p.span.end, p) for p in problems if p.span and p.rule in DOUBT_RULES]
        selections = []
        for start, end, _problem in self.marked:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format
            selections.append(selection)
        self._edit.setExtraSelections(selections)

    def tooltip_at(self, position: int) -> str | None:
        """The tooltip for a character position, if a marked word is there."""
        return next((doubt_tooltip(problem) for start, end, problem in self.marked if start <= position <= end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(self._edit.cursorForPosition(event.pos()).position())
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self._edit)
                return True
        return super().eventFilter(watched, event)
