"""Ranked fixes for a doubtful stretch of text, so every word-level check offers the same best-first list.

Sources, each scored 0..1 on one scale: a glossary name that sounds like the words ("glossary"; a known
mishearing in the term's hints scores 1.0), and the dictionary's nearest spellings ("dictionary", commonest
first, below any close glossary name). A fix proposed by two sources keeps the best score and both names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from editor.checks import dictionary
from editor.checks.issue import Fix
from editor.core.model import GlossaryTerm
from editor.core.phonetic import sound_alike_score

GLOSSARY_FLOOR = 0.6  # a name sounding less alike than this is a chance resemblance
DICTIONARY_TOP = 0.55  # the dictionary's first spelling; it knows letters, not what was said
DICTIONARY_STEP = 0.05  # each later dictionary spelling ranks a little lower
SHOWN = 5


def glossary_fixes(found: str, terms: Sequence[GlossaryTerm], floor: float = GLOSSARY_FLOOR) -> list[Fix]:
    """Glossary names the words may be a mishearing of, scored by sound (hints match exactly); a one-word
    mishearing may be of one name of a longer term ("nori" of "Nouri al-Maliki")."""
    fixes = []
    lowered = found.lower()
    for term in terms:
        if any(lowered == hint.lower() for hint in term.hints):
            fixes.append(Fix(term.term, 1.0, ("glossary",)))
            continue
        names = [term.term] + (term.term.split() if len(found.split()) == 1 else [])
        for name in names:
            score = sound_alike_score(found, name, floor) if name != found else 0.0
            if score >= floor:
                fixes.append(Fix(name, round(score, 3), ("glossary",)))
    return fixes


def dictionary_fixes(word: str, mid_sentence: bool = False, names: frozenset[str] = frozenset()) -> list[Fix]:
    """The dictionary's nearest spellings of one word, commonest first; inside a sentence a capital only the
    garble gave is dropped from everyday words (`dictionary.suggestions`)."""
    return [
        Fix(spelling, round(DICTIONARY_TOP - rank * DICTIONARY_STEP, 3), ("dictionary",))
        for rank, spelling in enumerate(dictionary.suggestions(word, mid_sentence=mid_sentence, names=names))
    ]


def merged(fixes: Iterable[Fix], limit: int = SHOWN) -> tuple[Fix, ...]:
    """Best first, one entry per replacement (best score, every source that proposed it)."""
    by_text: dict[str, Fix] = {}
    for fix in fixes:
        known = by_text.get(fix.replacement)
        if known is None:
            by_text[fix.replacement] = fix
        else:
            sources = tuple(dict.fromkeys(known.sources + fix.sources))
            by_text[fix.replacement] = Fix(fix.replacement, max(known.score, fix.score), sources)
    ranked = sorted(by_text.values(), key=lambda fix: (-fix.score, fix.replacement))
    return tuple(ranked[:limit])


def word_fixes(word: str, terms: Sequence[GlossaryTerm], mid_sentence: bool = False,
               names: frozenset[str] = frozenset()) -> tuple[Fix, ...]:
    """What a misspelt word may have been: sound-alike names first, then dictionary spellings (`names`: the
    glossary's words in lower case, which keep their capital inside a sentence)."""
    return merged([*glossary_fixes(word, terms), *dictionary_fixes(word, mid_sentence, names)])
