"""Find and replace across cues: plain text or a regular expression, match case, whole words.

Qt-free so it is tested directly; the find bar turns its fields into a `SearchQuery` and replace-all
into one undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.core.edits import set_texts
from editor.core.model import Document


class SearchError(ValueError):
    """A pattern that cannot be searched for (a broken regular expression)."""


@dataclass(frozen=True)
class SearchQuery:
    text: str
    regex: bool = False
    match_case: bool = False
    whole_words: bool = False

    def compiled(self) -> re.Pattern[str]:
        """The query as a regular expression; a broken one raises SearchError with a readable reason."""
        if not self.text:
            raise SearchError("type something to find")
        body = self.text if self.regex else re.escape(self.text)
        if self.whole_words:
            body = rf"\b(?:{body})\b"
        try:
            return re.compile(body, 0 if self.match_case else re.IGNORECASE)
        except re.error as error:
            raise SearchError(f"not a valid regular expression: {error}") from None


@dataclass(frozen=True)
class Match:
    """Where a match is: the cue and the character span in its text."""

    cue_index: int
    start: int
    end: int


def _matches_in(document: Document, pattern: re.Pattern[str], index: int) -> list[Match]:
    found = pattern.finditer(document.cues[index].text)
    return [Match(index, m.start(), m.end()) for m in found if m.end() > m.start()]


def find_next(document: Document, query: SearchQuery, after: Match | None, *, backwards: bool = False) -> Match | None:
    """The next match after `after` (or from the top), wrapping around the document once."""
    pattern = query.compiled()
    count = len(document.cues)
    if not count:
        return None
    first = after.cue_index if after else (count - 1 if backwards else 0)
    step = -1 if backwards else 1
    for offset in range(count + 1):
        index = (first + step * offset) % count
        matches = _matches_in(document, pattern, index)
        if backwards:
            matches.reverse()
        for match in matches:
            if after is None or offset > 0 or _is_beyond(match, after, backwards):
                return match
    return None


def _is_beyond(match: Match, after: Match, backwards: bool) -> bool:
    return match.start < after.start if backwards else match.start >= after.end


def expand_replacement(query: SearchQuery, replacement: str) -> str:
    """Plain replacements are literal; regex replacements may use \\1 or \\g<name>."""
    return replacement if query.regex else replacement.replace("\\", "\\\\")


def replace_one(document: Document, query: SearchQuery, match: Match, replacement: str) -> Document:
    """The document with one match replaced."""
    text = document.cues[match.cue_index].text
    found = query.compiled().match(text, match.start)
    if found is None or found.end() != match.end:
        raise SearchError("the text changed since it was found; search again")
    new_text = text[: match.start] + found.expand(expand_replacement(query, replacement)) + text[match.end :]
    return set_texts(document, {match.cue_index: new_text})


def replace_all(document: Document, query: SearchQuery, replacement: str) -> tuple[Document, int]:
    """Every match replaced, and how many there were (the caller pushes it as one undo step)."""
    pattern = query.compiled()
    template = expand_replacement(query, replacement)
    texts: dict[int, str] = {}
    total = 0
    for index, cue in enumerate(document.cues):
        new_text, count = pattern.subn(template, cue.text)
        if count:
            texts[index] = new_text
            total += count
    return set_texts(document, texts), total
