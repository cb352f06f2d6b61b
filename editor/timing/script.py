"""The transcript as the recogniser sees it: spoken tokens, which word each belongs to, and sentences.

Alignment works on tokens ("40" is heard as "forty"; "al-Maliki" as "al maliki") and reports back on the
document's words, so every token remembers its word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.model import Word
from editor.timing.pronounce import pronunciations, spoken_tokens

_SENTENCE_END = re.compile(r"[.!?][\"')\]”’]*$")


@dataclass(frozen=True)
class Script:
    """Tokens of the whole transcript with their owners, and where sentences end (token index after)."""

    tokens: tuple[str, ...]
    owner: tuple[int, ...]  # word index of each token
    word_tokens: tuple[range, ...]  # token indices of each word (empty for gaps and bare punctuation)
    sentence_starts: tuple[int, ...]  # token index where each sentence starts

    def sentences_between(self, first: int, last: int) -> list[str]:
        """Sentences overlapping tokens [first, last), as lines of tokens (clipped to the range)."""
        bounds = [*self.sentence_starts, len(self.tokens)]
        lines = []
        for start, end in itertools.pairwise(bounds):
            low, high = max(start, first), min(end, last)
            if low < high:
                lines.append(" ".join(self.tokens[low:high]))
        return lines


def ends_sentence(text: str) -> bool:
    """The word closes a sentence (. ! or ?, before any closing quotes or brackets)."""
    return bool(_SENTENCE_END.search(text))


def make_script(words: Sequence[Word], dictionary: dict[str, list[str]]) -> Script:
    """Tokenise every word; a sentence ends after a word ending in . ! or ?."""
    tokens: list[str] = []
    owner: list[int] = []
    ranges: list[range] = []
    starts = [0]
    for index, word in enumerate(words):
        spoken = spoken_tokens(word.text, dictionary)
        ranges.append(range(len(tokens), len(tokens) + len(spoken)))
        tokens.extend(spoken)
        owner.extend([index] * len(spoken))
        if ends_sentence(word.text) and starts[-1] != len(tokens):
            starts.append(len(tokens))
    if starts[-1] == len(tokens) and len(starts) > 1:
        starts.pop()
    return Script(tuple(tokens), tuple(owner), tuple(ranges), tuple(starts))


def script_pronunciations(script: Script, dictionary: dict[str, list[str]]) -> dict[str, list[str]]:
    """Phones for every token of the script, guessed where the dictionary has none."""
    return {token: pronunciations(token, dictionary) for token in set(script.tokens)}
