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
from editor.checks.issue import Fix, Issue, Rule, Severity, TextSpan
from editor.checks.news_vocabulary import NEWS_WORDS
from editor.checks.suggestions import merged, word_fixes
from editor.checks.word_spans import word_spans
from editor.core.glossary import glossary_of
from editor.core.model import Cue, Document, GlossaryTerm
from editor.core.style import CaptionStyle

NAME = "spelling"
_LETTERS = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*"  # letters of any script, inner apostrophes
_WORD = re.compile(rf"{_LETTERS}(?:-{_LETTERS})*")
_SPEAKER_LABEL = re.compile(r"^\s*(?:>>\s*|-\s*)?[A-Z][A-Z .'’-]*:")
_POSSESSIVE = re.compile(r"['’]s?$")
NAME_SUPPORT = 0.95  # the audio fits a capitalised word this well (and nothing better): a name spoken as written


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A word at text[start:end] that no dictionary nor glossary knows."""

    start: int
    end: int
    word: str


def words_of_terms(terms: Iterable[GlossaryTerm]) -> frozenset[str]:
    """The words of glossary terms in lower case, whole and split at hyphens ("al-Qaeda", "al", "qaeda"), as spell
    check accepts them."""
    words: set[str] = set()
    for term in terms:
        for word in term.term.lower().split():
            words.add(word)
            words.update(word.split("-"))
    return frozenset(words)


def _is_acceptable(word: str, accepted: Collection[str], spelling: str = "en-US") -> bool:
    if _POSSESSIVE.sub("", word).isupper() and len(word) > 1:  # an acronym: ISIS, ABC, US, ABC's
        return True
    lowered = word.lower()
    bare = _POSSESSIVE.sub("", lowered)
    if any(form in accepted or form in NEWS_WORDS or dictionary.is_known(form, spelling) for form in (lowered, bare)):
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and all(_is_acceptable(part, accepted, spelling) for part in parts)


def _label_end(line: str) -> int:
    match = _SPEAKER_LABEL.match(line)
    return match.end() if match else 0


@lru_cache(maxsize=65536)
def misspellings(text: str, accepted: frozenset[str] = frozenset(), spelling: str = "en-US") -> tuple[Misspelling, ...]:
    """Unknown words in a cue's text, with their offsets, for the checks panel and the text pane's underline;
    `spelling` is the style's dictionary ("en-GB" knows "neighbour").

    Cached per text: a re-check after an edit only looks at the cues that changed.
    """
    found: list[Misspelling] = []
    offset = 0
    for line in text.split("\n"):
        previous: re.Match[str] | None = None
        for match in _WORD.finditer(line, _label_end(line)):
            word = match.group()
            surname = previous is not None and _is_surname(text, offset, previous, match)
            if not surname and not _is_acceptable(word, accepted, spelling):
                found.append(Misspelling(offset + match.start(), offset + match.start() + len(word), word))
            previous = match
        offset += len(line) + 1
    return tuple(found)


def _is_surname(text: str, offset: int, previous: re.Match[str], match: re.Match[str]) -> bool:
    """A capitalised word right after another inside a sentence is the second part of a name ("Ambassador Ryan
    Crocker", "on Michelle Franzen"): news names more people than any dictionary."""
    first, word = previous.group(), match.group()
    if not (first[:1].isupper() and word[:1].isupper()) or word.isupper():
        return False
    return previous.string[previous.end():match.start()] == " " and inside_sentence(text, offset + previous.start())


def inside_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` follows other words of its sentence in the cue, so a capital there marks a
    name (at a sentence's or the cue's start any word is capitalised)."""
    before = text[:start].rstrip(" \n\"“”'‘’")
    return bool(before) and not before.endswith((".", "?", "!", ":", ";", "--", ">>"))


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each word neither the dictionary nor the glossary knows, with its span and fixes.

    A capitalised word the audio clearly supports is a name, not a misspelling ("Crocker").
    """
    terms = glossary_of(document)
    accepted = words_of_terms(terms)
    issues = []
    for index, cue in enumerate(document.cues):
        heard = _heard_fixes(cue, {term.term for term in terms})
        before = document.cues[index - 1].text + "\n" if index else ""  # a cue may start inside a sentence
        for item in misspellings(cue.text, accepted, style.spelling):
            if heard.get(item.start) == ():
                continue
            message = f"unknown word “{item.word}”"
            in_sentence = inside_sentence(before + cue.text, len(before) + item.start)
            fixes = merged([*heard.get(item.start, ()), *word_fixes(item.word, terms, in_sentence, accepted)])
            issues.append(Issue(index, Severity.WARNING, NAME, message, TextSpan(item.start, item.end), fixes))
    return issues


def heard_as_written(cue: Cue, start: int) -> bool:
    """Whether the word at `start` of the cue's text is a capitalised word the audio supports as written: a name,
    which the text pane does not underline either."""
    return _heard_fixes(cue, set()).get(start) == ()


def _heard_fixes(cue: Cue, names: set[str]) -> dict[int, tuple[Fix, ...]]:
    """By where a word starts: what the audio sounds like instead of it; () for a capitalised word the audio
    supports as written, a name rather than a misspelling ("Crocker")."""
    found: dict[int, tuple[Fix, ...]] = {}
    for word, span in zip(cue.words, word_spans(cue), strict=False):
        alternatives = [alt for alt in word.alternatives if alt.words == 1]
        if alternatives:
            found[span.start] = tuple(
                Fix(alt.text, alt.score, ("audio", "glossary" if alt.text in names else "dictionary"))
                for alt in alternatives
            )
        elif (word.support or 0.0) >= NAME_SUPPORT and cue.text[span.start].isupper():
            found[span.start] = ()
    return found


RULE = Rule(NAME, "words neither the dictionary nor the glossary knows", check)
