"""Spell check: words neither the dictionary nor the project's glossary knows (FCC: "spelled right"), one issue
each with its span and ranked fixes, so the problem navigator can step through them.

Skipped on purpose: `--` runs (their own rule), numbers, acronyms and speaker labels ("KERRY:", ">>"),
which no dictionary holds. Words are looked up once each (cached), so a 10,000-cue document re-checks fast.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from editor.checks import dictionary
from editor.checks.issue import Issue, Rule, Severity, TextSpan
from editor.checks.suggestions import word_fixes
from editor.core.glossary import GlossaryTerm, glossary_of
from editor.core.model import Document
from editor.core.style import CaptionStyle

NAME = "spelling"
_LETTERS = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*"  # letters of any script, inner apostrophes
_WORD = re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")
_SPEAKER_LABEL = re.compile(r"^\s*(?:>>\s*|-\s*)?[A-Z][A-Z .'’-]*:")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A word at text[start:end] that no dictionary nor glossary knows."""

    start: int
    end: int
    word: str


def accepted_words(document: Document) -> frozenset[str]:
    """The glossary's words in lower case, whole and split at hyphens ("al-Qaeda", "al", "qaeda")."""
    return words_of_terms(glossary_of(document))


def words_of_terms(terms: Iterable[GlossaryTerm]) -> frozenset[str]:
    """The words of glossary terms, as spell check accepts them."""
    words: set[str] = set()
    for term in terms:
        for word in term.term.lower().split():
            words.add(word)
            words.update(word.split("-"))
    return frozenset(words)


def _is_acceptable(word: str, accepted: Collection[str]) -> bool:
    if word.isupper() and len(word) > 1:  # an acronym: ISIS, ABC, US
        return True
    lowered = word.lower()
    bare = _POSSESSIVE.sub("", lowered)
    if lowered in accepted or bare in accepted or dictionary.is_known(lowered) or dictionary.is_known(bare):
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and all(_is_acceptable(part, accepted) for part in parts)


def _label_end(line: str) -> int:
    match = _SPEAKER_LABEL.match(line)
    return match.end() if match else 0


@lru_cache(maxsize=65536)
def misspellings(text: str, accepted: frozenset[str] = frozenset()) -> tuple[Misspelling, ...]:
    """Unknown words in a cue's text, with their offsets, for the checks panel and the text pane's underline.

    Cached per text: a re-check after an edit only looks at the cues that changed.
    """
    found: list[Misspelling] = []
    offset = 0
    for line in text.split("\n"):
        for match in _WORD.finditer(line, _label_end(line)):
            word = match.group()
            if not _is_acceptable(word, accepted):
                found.append(Misspelling(offset + match.start(), offset + match.start() + len(word), word))
        offset += len(line) + 1
    return tuple(found)


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each word neither the dictionary nor the glossary knows, with its span and fixes."""
    terms = glossary_of(document)
    accepted = words_of_terms(terms)
    issues = []
    for index, cue in enumerate(document.cues):
        for item in misspellings(cue.text, accepted):
            message = f"unknown word “{item.word}”"
            span = TextSpan(item.start, item.end)
            issues.append(Issue(index, Severity.WARNING, NAME, message, span, word_fixes(item.word, terms)))
    return issues


RULE = Rule(NAME, "words neither the dictionary nor the glossary knows", check)
