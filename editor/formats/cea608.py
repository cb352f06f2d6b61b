"""CEA-608 (line 21) byte pairs for caption channel 1: characters, control codes, rows, parity.

The character set is the standard's: basic characters (ASCII with ten places swapped for accented letters),
special characters (a two-byte code) and extended characters (a two-byte code that replaces the basic
character sent just before it, so an old decoder shows a close fallback). Control codes are sent twice:
a decoder ignores an identical code that immediately repeats one, which guards against a lost pair.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

COLUMNS = 32
ROWS = 15
NULL_PAIR = (0x00, 0x00)

# Miscellaneous control codes (first byte 0x14 in channel 1).
MISC = 0x14
RESUME_CAPTION_LOADING = 0x20
BACKSPACE = 0x21
DELETE_TO_END_OF_ROW = 0x24
ROLL_UP = (0x25, 0x26, 0x27)
RESUME_DIRECT_CAPTIONING = 0x29
ERASE_DISPLAYED_MEMORY = 0x2C
CARRIAGE_RETURN = 0x2D
ERASE_NON_DISPLAYED_MEMORY = 0x2E
END_OF_CAPTION = 0x2F
TAB = 0x17  # first byte of tab offsets 1-3 (0x21-0x23)

_BASIC_SWAPS = {0x2A: "á", 0x5C: "é", 0x5E: "í", 0x5F: "ó", 0x60: "ú", 0x7B: "ç", 0x7C: "÷", 0x7D: "Ñ", 0x7E: "ñ",
                0x7F: "█"}
SPECIAL = dict(zip(range(0x30, 0x40), "®°½¿™¢£♪à\u00a0èâêîôû", strict=True))
EXTENDED = {
    0x12: dict(zip(range(0x20, 0x40), "ÁÉÓÚÜü‘¡*’—©℠•“”ÀÂÇÈÊËëÎÏïÔÙùÛ«»", strict=True)),
    0x13: dict(zip(range(0x20, 0x40), "ÃãÍÌìÒòÕõ{}\\^_|~ÄäÖöß¥¤¦ÅåØø┌┐└┘", strict=True)),
}
BASIC = {code: _BASIC_SWAPS.get(code, chr(code)) for code in range(0x20, 0x80)}
_BASIC_CODES = {character: code for code, character in BASIC.items()}
_SPECIAL_CODES = {character: code for code, character in SPECIAL.items()}
_EXTENDED_CODES = {character: (first, code) for first, table in EXTENDED.items() for code, character in table.items()}
_FALLBACKS = {"¡": "!", "*": ".", "‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "«": '"', "»": '"', "•": ".",
              "©": "c", "℠": "s", "{": "(", "}": ")", "\\": "/", "^": "'", "_": "-", "|": "!", "~": "-",
              "ß": "s", "¥": "Y", "¤": "o", "¦": "!", "┌": "+", "┐": "+", "└": "+", "┘": "+", "Ø": "O", "ø": "o"}
_TRANSLITERATIONS = {"…": "...", "–": "-", "‐": "-", "′": "'", "″": '"', "\t": " ", "\u00a0": " "}

# Preamble address codes: the row's first byte and the base of its second byte (row 1 at the top).
ROW_CODES = {1: (0x11, 0x40), 2: (0x11, 0x60), 3: (0x12, 0x40), 4: (0x12, 0x60), 5: (0x15, 0x40),
             6: (0x15, 0x60), 7: (0x16, 0x40), 8: (0x16, 0x60), 9: (0x17, 0x40), 10: (0x17, 0x60),
             11: (0x10, 0x40), 12: (0x13, 0x40), 13: (0x13, 0x60), 14: (0x14, 0x40), 15: (0x14, 0x60)}
_ROWS_BY_CODE = {codes: row for row, codes in ROW_CODES.items()}


class UnwritableCharacter(ValueError):
    """A character CEA-608 has no form for."""


def with_parity(byte: int) -> int:
    """The byte with its top bit set when needed for odd parity, as line 21 transmits it."""
    byte &= 0x7F
    return byte | 0x80 if bin(byte).count("1") % 2 == 0 else byte


def word(first: int, second: int) -> str:
    """The pair as an SCC hex word, parity included."""
    return f"{with_parity(first):02x}{with_parity(second):02x}"


def preamble(row: int, column: int) -> tuple[int, int]:
    """The preamble address code putting the cursor on row at the indent at or before column (multiple of 4)."""
    first, base = ROW_CODES[row]
    return first, base | 0x10 | ((column // 4) << 1)


def row_of_preamble(first: int, second: int) -> int | None:
    """Row 1-15 of a channel-1 preamble address code, or None if the pair is not one."""
    return _ROWS_BY_CODE.get((first, second & 0x60)) if 0x40 <= second <= 0x7F else None


def indent_of_preamble(second: int) -> int:
    """The column a preamble address code moves the cursor to (0 for the colour and italic codes)."""
    return ((second & 0x0E) >> 1) * 4 if second & 0x10 else 0


def screen_text(text: str) -> str:
    """Text (lines kept) with every character CEA-608 shows, others transliterated; UnwritableCharacter: the rest."""
    result = []
    for character in text:
        character = _TRANSLITERATIONS.get(character, character)
        for single in character:
            result.append(single if single == "\n" else _writable(single))
    return "".join(result)


def _writable(character: str) -> str:
    if character in _BASIC_CODES or character in _SPECIAL_CODES or character in _EXTENDED_CODES:
        return character
    stripped = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
    if stripped and all(c in _BASIC_CODES for c in stripped):
        return stripped
    raise UnwritableCharacter(character)


def character_pairs(line: str) -> Iterator[tuple[int, int]]:
    """Byte pairs (parity not yet set) that draw a line of screen text; special and extended codes doubled."""
    pending: list[int] = []
    for character in line:
        if character in _BASIC_CODES:
            pending.append(_BASIC_CODES[character])
            continue
        if character in _EXTENDED_CODES:
            pending.append(_BASIC_CODES[_FALLBACKS.get(character, _base_letter(character))])
        yield from _flush(pending)
        first, second = (0x11, _SPECIAL_CODES[character]) if character in _SPECIAL_CODES else _EXTENDED_CODES[character]
        yield first, second
        yield first, second
    yield from _flush(pending)


def _flush(pending: list[int]) -> Iterator[tuple[int, int]]:
    """Basic characters two to a pair; an odd one out is padded with a null so a code starts a new pair."""
    for index in range(0, len(pending), 2):
        pair = pending[index : index + 2]
        yield pair[0], pair[1] if len(pair) == 2 else 0x00
    pending.clear()


def _base_letter(character: str) -> str:
    return unicodedata.normalize("NFKD", character)[0]
