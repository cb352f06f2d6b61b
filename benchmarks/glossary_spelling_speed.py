"""Speed of spell check and sound-alike search on 10,000 cues (the seed's cues repeated, one typo per cue).

Run: .venv/bin/python benchmarks/glossary_spelling_speed.py
Prints: spell check cold (dictionary load + first look-ups) and warm (a re-check after an edit), and the
sound-alike search over the whole document with the seed's glossary, with and without word rarity.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from editor.checks import dictionary, spelling
from editor.core.glossary import parse_term, propose_replacements
from editor.core.model import Document
from editor.core.style import DEFAULT_STYLE

sys.path.insert(0, str(Path(__file__).parent))
from soundalike_seed import SEED_GLOSSARY, seed_document

CUES = 10_000


def _with_typo(text: str, rng: random.Random) -> str:
    """One word of the text with two letters swapped: a fresh unknown word for most cues."""
    words = text.split(" ")
    index = rng.randrange(len(words))
    word = words[index]
    if len(word) > 3:
        at = rng.randrange(1, len(word) - 2)
        words[index] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return " ".join(words)


def big_document() -> Document:
    seed = seed_document()
    rng = random.Random(7)
    cues = [seed.cues[i % len(seed.cues)] for i in range(CUES)]
    cues = [cue.with_text(_with_typo(cue.text, rng)) for cue in cues]
    return Document(cues=tuple(cues), glossary=SEED_GLOSSARY)


def timed(label: str, action: object) -> object:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    document = big_document()
    words = sum(len(cue.text.split()) for cue in document.cues)
    print(f"{len(document.cues)} cues, {words} words")
    issues = timed("spell check, cold (loads the dictionary)", lambda: spelling.check(document, DEFAULT_STYLE))
    print(f"  {len(issues)} cues with unknown words")  # type: ignore[arg-type]
    timed("spell check, warm (re-check after an edit)", lambda: spelling.check(document, DEFAULT_STYLE))
    timed("spell check, one cue (the edit window)", lambda: spelling.misspellings(document.cues[5].text))
    terms = [parse_term(entry) for entry in SEED_GLOSSARY]
    found = timed("sound-alike search, 10,000 cues", lambda: propose_replacements(document, terms))
    print(f"  {len(found)} proposals")  # type: ignore[arg-type]
    timed(
        "sound-alike search with word rarity",
        lambda: propose_replacements(document, terms, rarity=dictionary.word_rarity),
    )
    seed = seed_document()
    timed("sound-alike search, seed (180 cues), fresh caches", lambda: propose_replacements(seed, terms[:-1]))


if __name__ == "__main__":
    main()
