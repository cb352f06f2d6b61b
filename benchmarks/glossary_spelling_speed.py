"""Speed of spell check and sound-alike search on 10,000 cues (the seed's cues repeated, one typo per cue).

Run: .venv/bin/python benchmarks/glossary_spelling_speed.py
Prints: the dictionary load, a first full spell check and a re-check after an edit; the sound-alike search
with the seed's glossary over the whole document (with and without word rarity), over 1,000 cues of fresh
text (few repeated phrases: the worst case) and over the seed.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from editor.checks import dictionary, spelling
from editor.core.glossary import parse_term, propose_replacements
from editor.core.model import Cue, Document
from editor.core.style import DEFAULT_STYLE as STYLE

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
    return Document(cues=tuple(cues), glossary=tuple(map(parse_term, SEED_GLOSSARY)))


def fresh_text_document(cues: int) -> Document:
    """Cues of words drawn by their spoken frequency: few repeated phrases, the search's worst case."""
    from spellchecker import SpellChecker

    counts = SpellChecker().word_frequency.dictionary
    words = [word for word, count in counts.items() if count >= 50 and word.isalpha()]
    rng = random.Random(3)
    texts = (" ".join(rng.choices(words, [counts[word] for word in words], k=12)) for _ in range(cues))
    return Document(cues=tuple(Cue(i * 3000, i * 3000 + 2500, text) for i, text in enumerate(texts)))


def timed(label: str, action: object) -> object:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def _fresh_caches() -> None:
    """Forget every cached look-up, so a figure is that of a first run."""
    from editor.core import glossary, phonetic

    for cached in (spelling.misspellings, dictionary.is_known, glossary._span_matches, glossary._score,
                   phonetic.key_distance, phonetic.phrase_key, phonetic.word_key):  # fmt: skip
        cached.cache_clear()


def main() -> None:
    document = big_document()
    words = sum(len(cue.text.split()) for cue in document.cues)
    print(f"{len(document.cues)} cues, {words} words")
    timed("dictionary load (once per run of the editor)", lambda: dictionary.is_known("the"))
    issues = timed("spell check, first full check (every word looked up)", lambda: spelling.check(document, STYLE))
    print(f"  {len(issues)} cues with unknown words")  # type: ignore[arg-type]
    edited = document.with_cues([document.cues[0].with_text("a freshly typed wrod"), *document.cues[1:]])
    timed("spell check, full re-check after one edit", lambda: spelling.check(edited, STYLE))
    terms = [parse_term(entry) for entry in SEED_GLOSSARY]
    for label, rarity in (("", None), (" with word rarity", dictionary.word_rarity)):
        _fresh_caches()
        found = timed(f"sound-alike search{label}, 10,000 cues, first run",
                      lambda rarity=rarity: propose_replacements(document, terms, rarity=rarity))
        print(f"  {len(found)} proposals")  # type: ignore[arg-type]
    _fresh_caches()
    fresh = fresh_text_document(1000)
    timed("sound-alike search with word rarity, 1,000 cues of fresh text (worst case), first run",
          lambda: propose_replacements(fresh, terms, rarity=dictionary.word_rarity))
    _fresh_caches()
    seed = seed_document()
    timed("sound-alike search with word rarity, seed (180 cues), first run",
          lambda: propose_replacements(seed, terms, rarity=dictionary.word_rarity))


if __name__ == "__main__":
    main()
