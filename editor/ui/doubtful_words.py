"""Low-confidence words in the text pane: underlined in the timeline's "unsure" yellow, with the confidence
in a tooltip, so staff see which words to check by ear; a word whose problem staff ignored is left plain, as
on the timeline.

The marks are extra selections of the text edit, not a syntax highlighter: the spell check's highlighter
owns the document's formats, and the two never overwrite each other.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from editor.checks.ignoring import IgnoredIndex, is_cleared
from editor.core.model import LOW_CONFIDENCE, Cue, IgnoredProblem, Word
from editor.ui.timeline_blocks import MARK_COLORS
from editor.ui.timeline_track import RULES_OF_MARK, MarkKind

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


def doubt_tooltip(word: Word) -> str:
    """What hovering a low-confidence word says (shown literally: Qt must not read it as markup)."""
    plain = (f"“{word.text}”: confidence {word.confidence:.2f} (below {LOW_CONFIDENCE:.2f}): "
             "the audio hardly supports this word; listen and check it")
    return "<qt>" + html.escape(plain) + "</qt>"


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
    """Keeps a text edit's low-confidence marks in step with the cue it shows; call `refresh` after changes."""

    def __init__(self, edit: QPlainTextEdit, current_cue: Callable[[], Cue | None],
                 ignored: Callable[[], Collection[IgnoredProblem]] = tuple) -> None:
        super().__init__(edit)
        self._edit = edit
        self._current_cue, self._ignored = current_cue, ignored
        self._format = _doubt_format()
        self.marked: list[PlacedWord] = []
        edit.textChanged.connect(self.refresh)
        edit.viewport().installEventFilter(self)

    def refresh(self) -> None:
        """Underline the doubtful words of the cue shown (none while its text differs from the cue's), but those
        staff ignored."""
        cue, text = self._current_cue(), self._edit.toPlainText()
        ignored = IgnoredIndex.of(self._ignored())
        cleared = ignored.cleared_spans(cue, RULES_OF_MARK[MarkKind.UNSURE]) if cue is not None and ignored else []
        self.marked = [(start, end, word) for start, end, word in placed_words(cue, text)
                       if word.is_doubtful and not is_cleared(cleared, start, end)]
        selections = []
        for start, end, _word in self.marked:
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
        return next((doubt_tooltip(word) for start, end, word in self.marked if start <= position <= end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(self._edit.cursorForPosition(event.pos()).position())
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self._edit)
                return True
        return super().eventFilter(watched, event)
