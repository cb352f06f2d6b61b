"""How written words sound: their pronunciations, how far heard phones are from them, which words sound the
same or one sound apart. Pure lookups in the pronouncing dictionary (cached), shared by the evidence stages."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

from editor.timing.phone_match import VOWELS, phone_distance, phone_similarity
from editor.timing.pronounce import pronunciations, spoken_tokens
from editor.timing.recognize import load_dictionary

MAX_VARIANTS = 4
_FLAP_BEFORE = VOWELS | {"R"}  # a T or D after these and before a vowel is a flap in American English
_STRESS = re.compile(r"\d")
_WORDLIKE = re.compile(r"^[a-z]+$")
Phones = tuple[str, ...]


def in_dictionary(word: str) -> bool:
    """The pronouncing dictionary knows how the word sounds (a possessive of a known word included)."""
    dictionary = load_dictionary()
    tokens = spoken_tokens(word, dictionary)
    return bool(tokens) and all(token in dictionary or token.removesuffix("'s") in dictionary for token in tokens)


def same_sound(text: str, candidate: str) -> bool:
    """Pronounced alike ("all ready", "already"): neither the phones nor alignment can tell which was said."""
    return bool(set(variants(text)) & set(variants(candidate)))


def flapped(text: str, candidate: str) -> bool:
    """The two differ only in a T for a D between vowels ("putting", "pudding"), where American English says
    both as one flap: the acoustic model, trained on such speech, cannot weigh one against the other."""
    for mine, theirs in itertools.product(variants(text), variants(candidate)):
        changed = [at for at, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b]
        if len(mine) == len(theirs) and len(changed) == 1 and 0 < changed[0] < len(mine) - 1:
            at = changed[0]
            swap = {mine[at], theirs[at]} == {"T", "D"}
            if swap and mine[at - 1] in _FLAP_BEFORE and mine[at + 1] in VOWELS:
                return True
    return False


def neighbours(text: str) -> set[str]:
    """Dictionary words one close sound away from the word ("putting" -> "pudding")."""
    spelled = _by_phones()
    found: set[str] = set()
    guessed = not in_dictionary(text)  # a guessed spelling may hold a letter too many
    for phones in variants(text):
        for near in _one_sound_away(phones, guessed):
            found.update(spelled.get(near, ()))
    own = letters(text)
    return {word for word in found if word not in (own, own.removesuffix("s"), f"{own}s")}


def _one_sound_away(phones: Phones, with_deletions: bool) -> Iterable[Phones]:
    """One sound voiced or unvoiced, nasal for nasal (or, for words no dictionary knows, left out: a known
    word losing a phone is more often an inflection or a word boundary misplaced than a mishearing)."""
    for index, phone in enumerate(phones):
        if with_deletions:
            yield phones[:index] + phones[index + 1:]
        for other in _CLOSE_SOUNDS.get(phone, ()):
            yield (*phones[:index], other, *phones[index + 1:])


def _close_sounds(pairs: str) -> dict[str, tuple[str, ...]]:
    close: dict[str, tuple[str, ...]] = {}
    for first, second in (pair.split("-") for pair in pairs.split()):
        close[first] = (*close.get(first, ()), second)
        close[second] = (*close.get(second, ()), first)
    return close


_CLOSE_SOUNDS = _close_sounds("P-B T-D K-G F-V S-Z SH-ZH CH-JH TH-DH M-N N-NG")  # voicing and nasal swaps


@functools.cache
def _by_phones() -> dict[Phones, tuple[str, ...]]:
    """The pronouncing dictionary turned round: phones -> plain words spelt that way."""
    spelled: dict[Phones, list[str]] = {}
    for word, variants in load_dictionary().items():
        if _WORDLIKE.match(word):
            for phones in variants:
                spelled.setdefault(_plain(phones), []).append(word)
    return {phones: tuple(words) for phones, words in spelled.items()}


def phones_distance(text: str, heard: Phones) -> float:
    """Phone edits between the heard phones and the text's nearest pronunciation."""
    return min(phone_distance(phones, heard) for phones in variants(text))


def fit(text: str, heard: Phones) -> float:
    """How well the phones heard match the text's best pronunciation (0..1)."""
    return max((phone_similarity(phones, heard) for phones in variants(text)), default=0.0)


@functools.lru_cache(maxsize=65536)
def variants(text: str) -> tuple[Phones, ...]:
    """A few pronunciations of a phrase (the dictionary's variants, or a letter-to-sound guess)."""
    dictionary = load_dictionary()
    variants: list[Phones] = [()]
    for token in (token for word in text.split() for token in spoken_tokens(word, dictionary)):
        options = [_plain(phones) for phones in pronunciations(token, dictionary)[:2]]
        variants = [done + option for done, option in itertools.product(variants, options)][:MAX_VARIANTS]
    return tuple(variants)


def _plain(phones: str) -> Phones:
    return tuple(_STRESS.sub("", phones).split())


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())
