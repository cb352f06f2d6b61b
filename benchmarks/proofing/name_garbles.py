"""Glossary garbles for the real-speech benchmark: a programme's rare words become its glossary (as staff list
a story's names and terms), and a transcriber writes some of them as an everyday word that sounds nearly
alike, chosen from the pronouncing dictionary, not by hand ("herald" -> "harold"). The audio keeps saying
the term. This is where the audio's calibration to the recording (recording_fit.py) decides: a glossary
name the alignment puts forward must read enough like the written word for the recording's fit."""

from __future__ import annotations

import functools
import random
import re

from editor.checks import dictionary
from editor.timing.phone_match import phone_distance
from editor.timing.recognize import load_dictionary

TERM_RARITY = 0.78  # a word at least this rare (dictionary rarity) is one of the programme's terms
TERM_MIN_PHONES = 4  # shorter words sound like too many others to be named by their sound
EVERYDAY = 0.75  # a garble is a word people use (rarity below this)
MAX_EDITS = 1.5  # phone edits between a term and its garble
CHOICES = 3  # a term's garble is one of its this many nearest sound-alikes
GARBLED_SHARE = 0.5  # of the terms, garbled in a seed (every occurrence alike); the rest stay as written


def _core(word: str) -> str:
    return word.strip(".,;:!?\"'")


def _phones(word: str) -> tuple[str, ...]:
    variants = load_dictionary().get(word.lower(), [])
    return tuple(re.sub(r"\d", "", variants[0]).split()) if variants else ()


def glossary_terms(words: list[str]) -> list[str]:
    """The transcript's rare words that the pronouncing dictionary knows, long enough to name, in order."""
    terms: list[str] = []
    for core in map(_core, words):
        lower = core.lower()
        known = dictionary.is_known(lower) and dictionary.word_rarity(lower) >= TERM_RARITY
        if known and len(_phones(core)) >= TERM_MIN_PHONES and core not in terms and core.isalpha():
            terms.append(core)
    return terms


@functools.cache
def _everyday_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((word, _phones(word)) for word in load_dictionary()
                 if re.fullmatch(r"[a-z]+", word) and dictionary.is_known(word)
                 and dictionary.word_rarity(word) < EVERYDAY)


def sound_alikes(term: str) -> list[str]:
    """Everyday words within MAX_EDITS phone edits of the term, nearest first."""
    own = _phones(term)
    near = [(phone_distance(own, phones), word) for word, phones in _everyday_words()
            if abs(len(phones) - len(own)) <= 1 and word != term.lower()]
    return [word for distance, word in sorted(near) if 0 < distance <= MAX_EDITS]


def name_garbles(words: list[str], terms: list[str], seed: int) -> dict[int, tuple[str, str]]:
    """Word index -> (garbled, original): about half of the terms, each written as one of its sound-alikes."""
    rng = random.Random(seed)
    chosen: dict[str, str] = {}
    for term in terms:
        options = sound_alikes(term)[:CHOICES] if rng.random() < GARBLED_SHARE else []
        if options:
            garble = rng.choice(options)
            chosen[term] = garble.capitalize() if term[:1].isupper() else garble
    return {index: (raw.replace(_core(raw), chosen[_core(raw)]), raw)
            for index, raw in enumerate(words) if _core(raw) in chosen}
