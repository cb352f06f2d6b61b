"""How alike two phone strings sound, so heard phones can tell which spelling the speech supports.

Phones are CMUdict's ARPAbet without stress. A phone recogniser confuses neighbours (vowels with vowels,
voiced with voiceless consonants, M with N) far more often than distant sounds, and it inserts short
phones freely: such edits cost half.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
_CLOSE = frozenset(
    frozenset(pair.split("-"))
    for pair in "P-B T-D K-G F-V S-Z SH-ZH CH-JH TH-DH M-N N-NG L-R ER-R DH-D TH-T S-SH Z-JH HH-SIL".split()
)
_LIGHT = frozenset({"HH", "SIL", "AH", "IH", "D", "T", "N", "L", "R", "Y", "W"})  # often heard where nothing was said
CLOSE_COST = 0.5
LIGHT_COST = 0.5


def _substitution(mine: str, theirs: str) -> float:
    if mine == theirs:
        return 0.0
    if (mine in VOWELS and theirs in VOWELS) or frozenset((mine, theirs)) in _CLOSE:
        return CLOSE_COST
    return 1.0


def _indel(phone: str) -> float:
    return LIGHT_COST if phone in _LIGHT or phone in VOWELS else 1.0


@lru_cache(maxsize=262144)
def phone_distance(expected: tuple[str, ...], heard: tuple[str, ...]) -> float:
    """Weighted edit distance from the phones a spelling expects to the phones heard."""
    previous = [0.0]
    for phone in heard:
        previous.append(previous[-1] + _indel(phone))
    for mine in expected:
        current = [previous[0] + _indel(mine)]
        for column, theirs in enumerate(heard, start=1):
            current.append(min(
                previous[column - 1] + _substitution(mine, theirs),
                previous[column] + _indel(mine),
                current[column - 1] + _indel(theirs),
            ))
        previous = current
    return previous[-1]


def phone_similarity(expected: Sequence[str], heard: Sequence[str]) -> float:
    """1.0 when the heard phones are the expected ones, towards 0.0 as they differ."""
    scale = max(len(expected), len(heard), 1)
    return max(0.0, 1.0 - phone_distance(tuple(expected), tuple(heard)) / scale)
