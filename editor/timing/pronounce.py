"""How transcript words sound: the tokens a recogniser hears for each word, and their phones.

Transcript words carry punctuation, digits and names the dictionary lacks ("Maliki", "ISIL"); every word
must still get phones, or alignment could not place it. The dictionary covers most words, numbers are spelt
out, and a small letter-to-sound rule set covers the rest (the grapheme-to-phoneme fallback).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from editor.core.model import EDGE_PUNCTUATION, is_gap_text

_SPLITTERS = re.compile(r"[-–—/&+]+")
_NUMBER = re.compile(r"(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?")
_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
    "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"), (100, "hundred"))

# Letter groups to phones, longest first: a crude English reading, enough to place a name in time.
_LETTER_RULES: tuple[tuple[str, str], ...] = (
    ("tion", "SH AH N"), ("sion", "ZH AH N"), ("ough", "AO"), ("augh", "AO"), ("eigh", "EY"),
    ("igh", "AY"), ("tch", "CH"), ("sch", "SH"), ("dge", "JH"),
    ("ch", "CH"), ("sh", "SH"), ("th", "TH"), ("ph", "F"), ("wh", "W"), ("ck", "K"), ("ng", "NG"),
    ("qu", "K W"), ("gh", "G"), ("kh", "K"), ("dh", "D"), ("zh", "ZH"),
    ("ee", "IY"), ("ea", "IY"), ("oo", "UW"), ("ou", "AW"), ("ow", "OW"), ("ai", "EY"), ("ay", "EY"),
    ("oi", "OY"), ("oy", "OY"), ("au", "AO"), ("aw", "AO"), ("ie", "IY"), ("ei", "EY"), ("ey", "EY"),
    ("ue", "UW"), ("ew", "UW"), ("ui", "UW"), ("aa", "AA"),
    ("a", "AE"), ("e", "EH"), ("i", "IH"), ("o", "AA"), ("u", "AH"), ("y", "IY"),
    ("b", "B"), ("c", "K"), ("d", "D"), ("f", "F"), ("g", "G"), ("h", "HH"), ("j", "JH"), ("k", "K"),
    ("l", "L"), ("m", "M"), ("n", "N"), ("p", "P"), ("q", "K"), ("r", "R"), ("s", "S"), ("t", "T"),
    ("v", "V"), ("w", "W"), ("x", "K S"), ("z", "Z"), ("'", ""),
)
_WORD_FINAL_VOWELS = {"a": "AA", "i": "IY", "o": "OW", "u": "UW", "y": "IY"}


def spoken_tokens(text: str, dictionary: Mapping[str, Sequence[str]]) -> list[str]:
    """The tokens a listener hears for one transcript word; a `--` gap or bare punctuation says none."""
    if is_gap_text(text):
        return []
    dotted = _plain(text).strip(EDGE_PUNCTUATION.replace(".", ""))  # "U.S." keeps its last dot
    token = dotted.strip(".")
    if not token:
        return []
    for candidate in (dotted, token):
        if candidate in dictionary:
            return [candidate]
    if _NUMBER.fullmatch(token):
        return _spoken_number(token)
    parts = [part for part in _SPLITTERS.split(token) if part]
    if len(parts) > 1:
        return [piece for part in parts for piece in spoken_tokens(part, dictionary)]
    if "." in token:
        undotted = token.replace(".", "")
        return [undotted] if undotted in dictionary or len(undotted) > 3 else list(undotted)
    return [re.sub(r"[^a-z0-9']", "", token) or token]


def _plain(text: str) -> str:
    """Lower case without accents, with typographic apostrophes made plain ("Iraq’s" -> "iraq's")."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def _spoken_number(token: str) -> list[str]:
    """Digits as said: "2,500" two thousand five hundred, "3.5" three point five, "40%" forty percent."""
    whole, _, fraction = token.rstrip("%").replace(",", "").partition(".")
    spoken = number_words(int(whole)) if whole else []
    if fraction:
        spoken += ["point", *(_ONES[int(digit)] for digit in fraction)]
    return spoken + (["percent"] if token.endswith("%") else [])


def number_words(number: int) -> list[str]:
    """A whole number as the words a speaker would say (40 -> forty), so digits can be heard."""
    if number < 20:
        return [_ONES[number]]
    if number < 100:
        tens, ones = divmod(number, 10)
        return [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    for scale, name in _SCALES:
        if number >= scale:
            high, rest = divmod(number, scale)
            return number_words(high) + [name] + (number_words(rest) if rest else [])
    return [_ONES[0]]


def guess_phones(token: str) -> str:
    """Phones for a word the dictionary lacks, read letter group by letter group."""
    letters = re.sub(r"[^a-z']", "", token.lower())
    if len(letters) > 3 and letters.endswith("e") and letters[-2] not in "aeiouy":
        letters = letters[:-1]  # silent final e
    phones: list[str] = []
    position = 0
    while position < len(letters):
        if position == len(letters) - 1 and letters[position] in _WORD_FINAL_VOWELS and position > 0:
            phones.append(_WORD_FINAL_VOWELS[letters[position]])
            break
        group, sound = _letter_group(letters, position)
        if sound and (not phones or phones[-1] != sound):
            phones.append(sound)
        position += len(group)
    return " ".join(phones) or "AH"


def _letter_group(letters: str, position: int) -> tuple[str, str]:
    """The longest letter group at a position and its phones (soft c before e/i/y)."""
    if letters[position] == "c" and letters[position + 1:position + 2] in ("e", "i", "y"):
        return "c", "S"
    for group, sound in _LETTER_RULES:
        if letters.startswith(group, position):
            return group, sound
    return letters[position], ""


def pronunciations(token: str, dictionary: Mapping[str, Sequence[str]]) -> list[str]:
    """Phones of a spoken token: the dictionary's variants, a possessive of a known word, or a guess."""
    if token in dictionary:
        return list(dictionary[token])
    if token.endswith("'s") and token[:-2] in dictionary:
        return [phones + " Z" for phones in dictionary[token[:-2]]]
    return [guess_phones(token)]
