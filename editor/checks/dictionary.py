"""The English dictionary behind spell check and sound-alike ranking; pyspellchecker stays behind this module.

pyspellchecker was chosen over symspellpy: it is pure Python (MIT, nothing to compile or bundle beyond a
650 kB word list), knows 160,000 words with spoken-language frequencies (from subtitles, close to what
captions hold, possessives and contractions included), and loads in about 0.2 s where symspellpy's
82,000-word list took 3.5 s to load here. Its slower suggestions are only asked for one word at a time.
"""

from __future__ import annotations

import math
import threading
from functools import cache, lru_cache

from spellchecker import SpellChecker

from editor.paths import resource_path

SUGGESTIONS = 5
LONG_WORD = 7  # two-letter-edit suggestions for longer words cost up to a second: one edit only
_EVERYDAY_LOG_SHARE = -3.5  # log10 share of all words: "try", "sure" and commoner are everyday speech
_RARITY_SPAN = 3.0  # a word 1,000 times rarer than everyday counts as fully rare


_LOADING = threading.Lock()  # the checks' thread and the editor's underlines may both ask first


def _checker() -> SpellChecker:
    with _LOADING:
        return _loaded_checker()


@cache
def _loaded_checker() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def is_loaded() -> bool:
    """True once the word list is in memory, so asking about a word costs nothing (loading takes 0.2 s)."""
    return _loaded_checker.cache_info().currsize > 0


def load() -> None:
    """Read the word list now (from a worker thread, say) rather than at the first word asked about."""
    _checker()


@cache
def is_known(word: str, spelling: str = "en-US") -> bool:
    """True if the dictionary knows the word (any case; straight or curly apostrophe) in that spelling.

    pyspellchecker's list is mostly American; the words Hunspell's en-US or en-GB dictionary adds (from
    resources/dictionaries, see its SOURCE.md) make "neighbour" right in British captions only.
    """
    normal = _normal(word)
    return bool(_checker().known([normal])) or normal in _hunspell_extra(spelling)


@cache
def _hunspell_extra(spelling: str) -> frozenset[str]:
    path = resource_path("dictionaries", f"{spelling.replace('-', '_')}.txt")
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def _normal(word: str) -> str:
    return word.replace("’", "'").lower()


@lru_cache(maxsize=4096)
def suggestions(word: str, limit: int = SUGGESTIONS, *, mid_sentence: bool = False,
                names: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Likely intended words, commonest first, in the word's own capitalisation.

    Inside a sentence (`mid_sentence`) a capital the garble alone gave is dropped from words written lower case
    ("tries Everly diplomatic trick": "every"), and kept on names: the dictionary's ("London") and `names`, the
    glossary's words in lower case. At a sentence's start every suggestion keeps the capital.
    """
    checker, normal = _checker(), _normal(word)
    found = checker.edit_distance_1(normal) if len(normal) > LONG_WORD else None
    candidates = checker.known(found) if found is not None else checker.candidates(normal)
    if not candidates and len(normal) <= LONG_WORD:
        candidates = checker.known(checker.edit_distance_2(normal))
    ranked = sorted(candidates or (), key=lambda candidate: (-checker.word_usage_frequency(candidate), candidate))
    ranked = [candidate for candidate in ranked if candidate != normal][:limit]
    if not word[:1].isupper():
        return tuple(ranked)
    return tuple(
        candidate if mid_sentence and not (candidate in names or is_name(candidate)) else candidate.capitalize()
        for candidate in ranked
    )


@cache
def is_name(word: str) -> bool:
    """True if English writes the word with a capital, always or at times ("London", "Americans", "Turkey"), as
    Hunspell's en_US dictionary does (resources/dictionaries/names.txt, see its SOURCE.md)."""
    normal = _normal(word)
    return normal in _names() or normal.removesuffix("'s") in _names()


@cache
def _names() -> frozenset[str]:
    return frozenset(resource_path("dictionaries", "names.txt").read_text(encoding="utf-8").split())


@cache
def word_rarity(word: str) -> float:
    """0.0 for everyday words up to 1.0 for words the dictionary hardly or never saw."""
    frequencies = _checker().word_frequency
    share = (frequencies[_normal(word)] + 1) / max(1, frequencies.total_words)
    return min(1.0, max(0.0, (_EVERYDAY_LOG_SHARE - math.log10(share)) / _RARITY_SPAN))
