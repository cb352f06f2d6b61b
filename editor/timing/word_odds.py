"""How likely a word is where it stands, from pocketsphinx's English trigram model (shipped in its wheel).

The phone recogniser confuses voiced and voiceless sounds easily, so "threat" heard as "thread" is weak
evidence on its own; the words around it tell the two apart ("serious threat", "in the pudding").
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from typing import Any

import pocketsphinx

from editor.core.glossary import FUNCTION_WORDS

_PLAIN = re.compile(r"[^a-z']")


@functools.cache
def _model() -> Any:
    path = pocketsphinx.get_model_path(os.path.join("en-us", "en-us.lm.bin"))
    return pocketsphinx.NGramModel(pocketsphinx.Config(), pocketsphinx.LogMath(), path)


def _plain(word: str) -> str:
    return _PLAIN.sub("", word.lower())


def phrase_odds(before: Sequence[str], words: Sequence[str], after: Sequence[str]) -> float:
    """Log odds (the model's units) of `words` and of the word after them, given the two words before."""
    model = _model()
    history = [_plain(word) for word in before[-2:]]
    total = 0.0
    for word in [*words, *after[:1]]:
        plain = _plain(word)
        total += float(model.prob([plain, *reversed(history)]))
        history = [*history, plain][-2:]
    return total


def likelier(candidate: str, written: str, before: Sequence[str], after: Sequence[str]) -> bool:
    """True when the candidate reads as likelier English than the written words, in the same place."""
    return phrase_odds(before, candidate.split(), after) > phrase_odds(before, written.split(), after)


def led_to(before: Sequence[str], words: Sequence[str]) -> bool:
    """True when the words before make the written words' content words likelier than they are anywhere (the
    transcript reads on as English does there: "its military", "is busy"); a garble mostly stands where nothing
    leads to it ("called crisis", "in their bill": "bill"). Function words are led to by almost anything."""
    model = _model()
    history = [_plain(word) for word in before[-2:]]
    lift = 0.0
    for word in words:
        plain = _plain(word)
        if plain not in FUNCTION_WORDS:
            lift += float(model.prob([plain, *reversed(history)])) - float(model.prob([plain]))
        history = [*history, plain][-2:]
    return lift > 0.0
