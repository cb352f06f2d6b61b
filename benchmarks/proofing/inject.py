"""Sound-alike garbles injected into a transcript automatically, chosen from the pronouncing dictionary (not by
hand, so the method is not tuned to a text): a word becomes a common dictionary word one close sound away
("dam" -> "tam", "cattle" -> "paddle"), the way a transcriber mishears. The audio keeps saying the original."""

from __future__ import annotations

import random
import re

from editor.checks import dictionary
from editor.core.glossary import FUNCTION_WORDS
from editor.timing.recognize import load_dictionary

CLOSE = {a: b for pair in "P-B T-D K-G F-V S-Z SH-ZH CH-JH TH-DH M-N".split()
         for a, b in (pair.split("-"), pair.split("-")[::-1])}
EVERYDAY = 0.75  # a replacement must be a word people use (dictionary rarity below this)


def _by_phones() -> dict[tuple[str, ...], list[str]]:
    spelled: dict[tuple[str, ...], list[str]] = {}
    for word, variants in load_dictionary().items():
        if re.fullmatch(r"[a-z]+", word):
            for phones in variants:
                spelled.setdefault(tuple(re.sub(r"\d", "", phones).split()), []).append(word)
    return spelled


def sound_alikes(word: str, spelled: dict[tuple[str, ...], list[str]]) -> list[str]:
    """Everyday words that differ from `word` by one voiced/unvoiced or nasal sound."""
    found: set[str] = set()
    for phones in load_dictionary().get(word, [])[:1]:
        plain = tuple(re.sub(r"\d", "", phones).split())
        for index, phone in enumerate(plain):
            if phone in CLOSE:
                found.update(spelled.get((*plain[:index], CLOSE[phone], *plain[index + 1:]), []))
    return sorted(w for w in found if w != word and dictionary.is_known(w) and dictionary.word_rarity(w) < EVERYDAY)


def inject(words: list[str], share: float, seed: int) -> dict[int, tuple[str, str]]:
    """Word index -> (garbled, original) for about `share` of the content words that have a sound-alike."""
    rng, spelled = random.Random(seed), _by_phones()
    chosen: dict[int, tuple[str, str]] = {}
    for index, raw in enumerate(words):
        core = raw.strip(".,;:!?\"'").lower()
        if core in FUNCTION_WORDS or len(core) < 3 or rng.random() > share:
            continue
        options = sound_alikes(core, spelled)
        if options:
            garbled = rng.choice(options)
            garbled = garbled.capitalize() if raw[:1].isupper() else garbled
            chosen[index] = (raw.replace(raw.strip(".,;:!?\"'"), garbled), raw)
    return chosen
