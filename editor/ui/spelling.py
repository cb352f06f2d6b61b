"""Spell check as you type: misspelt words get a red wavy underline, and a right-click offers corrections.

Glossary names are accepted, and offered first as corrections when they sound like the word typed
("Mcguirk" -> "Brett McGurk"), because names are what transcripts get wrong most. The word list is read on a
worker thread the first time a text is shown, and the underlines drawn once it is in: a file opens without
waiting for it. A misspelling staff ignored (the problem navigator's Alt+I) is not underlined.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import cache

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from editor.checks import dictionary
from editor.checks.spelling import Misspelling, inside_sentence, misspellings, words_of_terms
from editor.core.model import GlossaryTerm
from editor.core.phonetic import sound_alike_score

GLOSSARY_SUGGESTION_SCORE = 0.6  # a glossary name this close in sound is offered before dictionary words
SUGGESTIONS_SHOWN = 6
LOAD_DELAY_MS = 50  # the word list is read once the window has painted: its JSON parse holds the GIL
TextWidget = QPlainTextEdit | QTextEdit
# the edit's whole text, a misspelling's start and end: no problem (ignored by staff, a name the audio supports)?
IsIgnored = Callable[[str, int, int], bool]


def _misspelt_format() -> QTextCharFormat:
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    underline.setUnderlineColor(Qt.GlobalColor.red)
    return underline


class _DictionaryLoader(QObject):
    """Reads the word list once on a worker thread; `loaded` reaches the GUI thread queued."""

    loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            threading.Thread(target=self._load, name="dictionary", daemon=True).start()

    def _load(self) -> None:
        dictionary.load()
        self.loaded.emit()


@cache
def _dictionary_loader() -> _DictionaryLoader:
    return _DictionaryLoader()


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines the words of a text document that neither the dictionary nor the glossary knows."""

    def __init__(self, document: QTextDocument, accepted: frozenset[str] = frozenset(), spelling: str = "en-US",
                 is_ignored: IsIgnored = lambda _text, _start, _end: False) -> None:
        super().__init__(document)
        self._accepted = accepted
        self._spelling = spelling
        self._is_ignored = is_ignored
        self._format = _misspelt_format()
        self._waiting_for_dictionary = False

    @property
    def accepted(self) -> frozenset[str]:
        return self._accepted

    @property
    def spelling(self) -> str:
        return self._spelling

    def follow_glossary(self, terms: Sequence[GlossaryTerm], spelling: str | None = None) -> None:
        """Accept the words of these glossary terms from now on (and check in the style's spelling, if given)."""
        if spelling is not None and spelling != self._spelling:
            self._spelling = spelling
            self.rehighlight()
        self.set_accepted(words_of_terms(terms))

    def set_accepted(self, accepted: frozenset[str]) -> None:
        """New glossary words (lower case): underlines are redrawn."""
        if accepted != self._accepted:
            self._accepted = accepted
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not dictionary.is_loaded():
            self._underline_once_loaded()
            return
        offset, whole = self.currentBlock().position(), self.document().toPlainText()
        for item in misspellings(text, self._accepted, self._spelling):
            if not self._is_ignored(whole, offset + item.start, offset + item.end):
                self.setFormat(item.start, item.end - item.start, self._format)

    def _underline_once_loaded(self) -> None:
        if self._waiting_for_dictionary:
            return
        self._waiting_for_dictionary = True
        loader = _dictionary_loader()
        loader.loaded.connect(self.rehighlight)
        QTimer.singleShot(LOAD_DELAY_MS, loader.start)
        if dictionary.is_loaded():  # it came in between: its signal may have gone before we listened
            QTimer.singleShot(0, self.rehighlight)


def attach_spelling(
    edit: TextWidget,
    glossary: Callable[[], Sequence[GlossaryTerm]],
    add_to_glossary: Callable[[str], None] | None = None,
    spelling: Callable[[], str] = lambda: "en-US",
    is_ignored: IsIgnored = lambda _text, _start, _end: False,
) -> SpellingHighlighter:
    """Spell check a text edit: underlines, and corrections on right-click; `glossary` gives the current names,
    `spelling` the caption style's ("en-GB" for the bbc profile), `is_ignored` whether staff ignored a misspelling.

    Call `highlighter.follow_glossary(terms, spelling)` when the glossary or the style changes. With
    `add_to_glossary`, the menu also offers to add an unknown word as a name.
    """
    highlighter = SpellingHighlighter(edit.document(), words_of_terms(glossary()), spelling(), is_ignored)
    edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(point: QPoint) -> None:
        highlighter.follow_glossary(glossary(), spelling())
        menu = edit.createStandardContextMenu()
        position = edit.cursorForPosition(point).position()
        add_suggestions(menu, edit, position, glossary(), highlighter.accepted, add_to_glossary, highlighter.spelling)
        menu.exec(edit.mapToGlobal(point))
        menu.deleteLater()

    edit.customContextMenuRequested.connect(show_menu)
    return highlighter


def suggestions_for(word: str, glossary: Sequence[GlossaryTerm] = (), mid_sentence: bool = False) -> list[str]:
    """Corrections for a word: sound-alike glossary names first, then the dictionary's, without repeats (inside
    a sentence, without a capital only the garble gave)."""
    names = sorted(
        ((sound_alike_score(word, term.term), term.term) for term in glossary),
        reverse=True,
    )
    offered = [name for score, name in names if score >= GLOSSARY_SUGGESTION_SCORE]
    for candidate in dictionary.suggestions(word, mid_sentence=mid_sentence, names=words_of_terms(glossary)):
        if candidate not in offered:
            offered.append(candidate)
    return offered[:SUGGESTIONS_SHOWN]


def misspelling_at(edit: TextWidget, position: int, accepted: frozenset[str] = frozenset(), spelling: str = "en-US"
                   ) -> Misspelling | None:
    """The misspelt word under a character position of the edit (offsets are within its block)."""
    block = edit.document().findBlock(position)
    offset = position - block.position()
    for item in misspellings(block.text(), accepted, spelling):
        if item.start <= offset <= item.end:
            return Misspelling(block.position() + item.start, block.position() + item.end, item.word)
    return None


def replace_range(edit: TextWidget, start: int, end: int, text: str) -> None:
    """Replace characters start..end as if typed, so the edit's own change signals report it."""
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    edit.setTextCursor(cursor)


def add_suggestions(
    menu: QMenu,
    edit: TextWidget,
    position: int,
    glossary: Sequence[GlossaryTerm] = (),
    accepted: frozenset[str] = frozenset(),
    add_to_glossary: Callable[[str], None] | None = None,
    spelling: str = "en-US",
) -> list[QAction]:
    """Put corrections for the misspelt word at `position` at the top of a context menu; [] if none."""
    item = misspelling_at(edit, position, accepted, spelling)
    if item is None:
        return []
    actions = []
    in_sentence = inside_sentence(edit.toPlainText(), item.start)
    for suggestion in suggestions_for(item.word, glossary, in_sentence) or ["(no suggestions)"]:
        action = QAction(suggestion, menu)
        if suggestion.startswith("("):
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _=False, s=suggestion: replace_range(edit, item.start, item.end, s))
        actions.append(action)
    if add_to_glossary is not None:
        action = QAction(f"Add “{item.word}” to the glossary", menu)
        action.triggered.connect(lambda _=False: add_to_glossary(item.word))
        actions.append(action)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, actions)  # type: ignore[arg-type]
    if first is not None:
        menu.insertSeparator(first)
    return actions
