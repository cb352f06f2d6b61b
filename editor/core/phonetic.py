"""Sound-alike keys and scores, so a misheard name ("sisal", "their bill") can be matched to the real one.

Why our own key rather than Double Metaphone: core takes no third-party imports, and Double Metaphone's
hundreds of rules serve the spelling of foreign surnames, while mishearings cross word boundaries and
swap similar sounds (R/L, T/K, B/P). So the key here is a compact Metaphone-like transcription that keeps
vowels as one symbol `A` (they carry the syllable count), folds voiced into voiceless consonants, joins the
words of a phrase, and is compared with an edit distance that charges little for vowels and for swaps
within a sound class. A letter edit distance is mixed in, so spelling still counts for near-identical keys.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

VOWEL = "A"
_VOWELS = frozenset("aeiou")
# Pairs of sounds a listener confuses easily: swapping them costs half.
_CLOSE_PAIRS = frozenset(
    frozenset(pair) for pair in "PT TK PK F0 0S SX XJ LR MN AH AW AY HW WY".split()
)
_LIGHT = frozenset("AHWY")  # vowels and glides: dropped or added by ear easily
_SILENT_START = ("kn", "gn", "pn", "wr", "ps")
_PLAIN = {"b": "P", "d": "T", "f": "F", "j": "J", "k": "K", "l": "L", "m": "M", "n": "N",
          "q": "K", "r": "R", "v": "F", "z": "S"}  # fmt: skip
_SOFTENING = frozenset("eiy")
_LETTERS = re.compile(r"[^a-z]")


def _consonant(word: str, index: int) -> tuple[str, int]:
    """The symbol for the consonant at `index` and how many letters it uses (digraphs take two)."""
    letter = word[index]
    following = word[index + 1] if index + 1 < len(word) else ""
    after = word[index + 2] if index + 2 < len(word) else ""
    if letter == "c":
        if following == "h":
            return "X", 2
        return ("S", 1) if following in _SOFTENING else ("K", 2 if following in "kq" else 1)
    if letter == "g":
        if following == "h":
            return ("K", 2) if index == 0 else ("", 2)  # "ghost" vs "night", "Baghdad"
        return ("J", 1) if following in _SOFTENING and after != "t" else ("K", 1)
    if letter in "st":
        if following == "h":
            return ("X" if letter == "s" else "0"), 2
        if following == "i" and after in ("o", "a"):
            return "X", 1
        return letter.upper(), 1
    if letter == "p":
        return ("F", 2) if following == "h" else ("P", 1)
    if letter in "hwy":  # a glide sounds only before a vowel
        return (letter.upper(), 1) if following in _VOWELS else ("" if letter != "y" else VOWEL, 1)
    if letter == "x":
        return "KS", 1
    if letter == "q" and following == "u":
        return "K", 2
    return _PLAIN.get(letter, ""), 1


def _letters(text: str) -> str:
    return _LETTERS.sub("", text.lower())


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """A word's sound-alike key: "ISIL" -> "ASAL", "Beisel" -> "PASAL", "Erbil" -> "ARPAL"."""
    letters = _letters(word)
    if letters.startswith(_SILENT_START):
        letters = letters[1:]
    if letters.startswith("x"):
        letters = "s" + letters[1:]
    silent_e = len(letters) > 2 and letters.endswith("e") and letters[-2] not in _VOWELS  # "ice" stays soft
    symbols: list[str] = []
    index = 0
    while index < len(letters):
        if silent_e and index == len(letters) - 1:
            break
        if letters[index] in _VOWELS:
            symbol, used = VOWEL, 1
        else:
            symbol, used = _consonant(letters, index)
        symbols.append(symbol)
        index += used
    return _collapse("".join(symbols))


def _collapse(key: str) -> str:
    """Repeated symbols sound once ("ll", "dt", "Mark Clark" -> one K)."""
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=131072)
def phrase_key(text: str) -> str:
    """The key of a phrase as heard: words run together ("their bill" -> "0ARPAL", like "Erbil")."""
    return _collapse("".join(word_key(word) for word in text.split()))


_SYMBOLS = "APTKFS0XJLRMNHWY"
_INSERT = {symbol: 0.5 if symbol in _LIGHT else 1.0 for symbol in _SYMBOLS}
_SWAP_ROWS = {
    mine: {theirs: 0.0 if mine == theirs else 0.5 if frozenset((mine, theirs)) in _CLOSE_PAIRS else 1.0
           for theirs in _SYMBOLS}
    for mine in _SYMBOLS
}  # fmt: skip


_COARSE = {symbol: index for index, group in enumerate(("PTK", "F0SXJ", "LR", "MN", "AHWY")) for symbol in group}


@lru_cache(maxsize=131072)
def _sound_profile(key: str) -> tuple[int, ...]:
    """How many sounds of each coarse kind a key has: close pairs never cross kinds."""
    counts = [0] * 5
    for symbol in key:
        counts[_COARSE[symbol]] += 1
    return tuple(counts)


def _distance_floor(first: str, second: str) -> float:
    """A cheap lower bound of `key_distance`: every edit mends at most two kind counts at half a point each."""
    pairs = zip(_sound_profile(first), _sound_profile(second), strict=True)
    return 0.5 * sum(abs(mine - theirs) for mine, theirs in pairs)


@lru_cache(maxsize=65536)
def key_weight(key: str) -> float:
    """What it costs to hear a key from nothing: the scale for a key distance."""
    return sum(_INSERT[symbol] for symbol in key)


@lru_cache(maxsize=262144)
def key_distance(first: str, second: str, limit: float = math.inf) -> float:
    """Weighted edit distance between two keys: cheap for vowels, glides and close sounds.

    Returns infinity as soon as the distance must exceed `limit` (each row bounds the final distance from
    below: a cell's value plus the weight difference of what is left on both sides), which keeps a
    document-wide search fast.
    """
    insert = _INSERT
    second_costs = [insert[symbol] for symbol in second]
    second_rest = [0.0]  # weight of second[j:], for j from the end
    for cost in reversed(second_costs):
        second_rest.append(second_rest[-1] + cost)
    second_rest.reverse()
    first_rest = key_weight(first)
    previous = [0.0]
    for cost in second_costs:
        previous.append(previous[-1] + cost)
    for mine in first:
        cost_mine, swap_row = insert[mine], _SWAP_ROWS[mine]
        first_rest -= cost_mine
        diagonal = previous[0]
        left = diagonal + cost_mine
        least_final = left + abs(first_rest - second_rest[0])  # no path through this row ends below this
        current = [left]
        for theirs, cost_theirs, above, rest in zip(second, second_costs, previous[1:], second_rest[1:], strict=True):
            best = diagonal + swap_row[theirs]
            if above + cost_mine < best:
                best = above + cost_mine
            if left + cost_theirs < best:
                best = left + cost_theirs
            current.append(best)
            final = best + (first_rest - rest if first_rest > rest else rest - first_rest)
            if final < least_final:
                least_final = final
            left, diagonal = best, above
        if least_final > limit:
            return math.inf
        previous = current
    return previous[-1]


def key_similarity(first: str, second: str, floor: float = 0.0) -> float:
    """1.0 for keys that sound the same, falling towards 0.0 as more sounds differ (0.0 below `floor`)."""
    scale = max(key_weight(first), key_weight(second))
    if scale == 0:
        return 0.0
    limit = (1.0 - floor) * scale
    if abs(key_weight(first) - key_weight(second)) > limit or _distance_floor(first, second) > limit:
        return 0.0  # each edit moves the weight by at most its cost
    similarity = 1.0 - key_distance(first, second, limit) / scale
    return similarity if similarity >= floor else 0.0


def letter_distance(first: str, second: str) -> int:
    """Plain Levenshtein distance over letters."""
    previous = list(range(len(second) + 1))
    for row, mine in enumerate(first, start=1):
        current = [row]
        for column, theirs in enumerate(second, start=1):
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (mine != theirs)))
        previous = current
    return previous[-1]


def letter_similarity(first: str, second: str) -> float:
    """Spelling closeness of two phrases, ignoring case, spaces and punctuation."""
    mine, theirs = _letters(first), _letters(second)
    longest = max(len(mine), len(theirs))
    return 1.0 - letter_distance(mine, theirs) / longest if longest else 0.0


SOUND_WEIGHT = 0.7  # sound matters more than spelling: the transcriber wrote what they heard
MIN_SOUND = 0.6  # below this the sounds differ too much for any spelling to make a match


def sound_alike_score(heard: str, term: str, floor: float = 0.0) -> float:
    """How likely `heard` is a mishearing of `term`, 0..1: sound closeness mixed with spelling closeness.

    Pairs that cannot reach `floor`, or sound less than MIN_SOUND alike, score 0.0 early.
    """
    sound_floor = max(MIN_SOUND, (floor - (1 - SOUND_WEIGHT)) / SOUND_WEIGHT)
    sound = key_similarity(phrase_key(heard), phrase_key(term), sound_floor)
    if sound == 0.0:
        return 0.0
    return SOUND_WEIGHT * sound + (1 - SOUND_WEIGHT) * letter_similarity(heard, term)
