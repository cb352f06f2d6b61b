"""The names glossary and the sound-alike replacements it proposes, so staff fix every misheard name at once.

A document keeps its glossary as typed terms (`Document.glossary`: `GlossaryTerm`s, each with the mishearings
already met); the glossary dialog shows one a line, "ISIL ~ sisal, Beisel" (`parse_term`, `format_term`).
Proposals are computed from a document and applied as a pure function returning a new document, so the editor
turns "replace selected" into one undo step.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from editor.core.model import EDGE_PUNCTUATION, Cue, Document, GlossaryTerm, is_gap_text
from editor.core.phonetic import MIN_SOUND, key_weight, phrase_key, sound_alike_score

HINT_MARK = "~"
EXAMPLE_LINE = "ISIL ~ sisal, Beisel"
MIN_SCORE = 0.62  # below this, proposals on the seed transcript were mostly chance resemblances
MAX_EXTRA_WORDS = 1  # a name may be heard as one word more than it has ("their bill" for Erbil)
MAX_SPAN_WORDS = 3
PROGRESS_EVERY = 20  # cues between two progress reports
SETTLED_COUNT = 3  # a word the transcript uses this often was meant (see _swallows_settled)
SETTLED_LETTERS = 4
RARITY_WEIGHT = 0.2  # share of the score given to how rare the heard words are, when a dictionary is at hand
# Spans made only of these are everyday speech ("this is", "he says"), never a misheard name.
FUNCTION_WORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been am it its it's this that "
    "these those there their they them he him his she her we us our you your i me my not no so do does did "
    "has have had will would can could should may might must here what who whom which when where why how "
    "all any some up out off over into than then too very just also says said say "
    "don't doesn't didn't isn't aren't wasn't can't won't i'm i've i'll i'd you're we're they're that's "
    "what's there's he's she's let's".split()
)
Rarity = Callable[[str], float]  # a lowercase word -> 0.0 (everyday) .. 1.0 (no dictionary knows it)
_TOKEN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_SPAN_BREAK = frozenset(".,;:!?…")
_NOT_LETTER = re.compile(r"[^a-z]")


@dataclass(frozen=True, slots=True)
class Proposal:
    """Replace `found` at text[start:end] of cue `cue_index` by `term`; `score` in 0..1 ranks the proposals."""

    cue_index: int
    start: int
    end: int
    found: str
    term: str
    score: float


def parse_term(entry: str) -> GlossaryTerm:
    """One line of the glossary dialog, "ISIL ~ sisal, Beisel", as a term and its hints."""
    term, _, hints = entry.partition(HINT_MARK)
    return GlossaryTerm(" ".join(term.split()), tuple(h.strip() for h in hints.split(",") if h.strip()))


def line_problem(entry: str) -> str | None:
    """Why a glossary file's line is not a term and its mishearings (None: it is one), in words that say how to
    write it; `parse_term` would read such a line as a nameless term or a garbled name."""
    term, mark, hints = entry.partition(HINT_MARK)
    if any(not character.isprintable() and character != "\t" for character in entry) or "\ufffd" in entry:
        return "unreadable characters: is this a text file of names, one a line?"
    if not any(character.isalnum() for character in term):
        return f"no name{' before ' + HINT_MARK if mark else ''}: write the name first ({EXAMPLE_LINE})"
    if HINT_MARK in hints:
        return f"more than one {HINT_MARK}: one name a line, then one {HINT_MARK} and its mishearings ({EXAMPLE_LINE})"
    return None


def format_term(term: GlossaryTerm) -> str:
    """The line the glossary dialog shows for a term; `parse_term` reads it back."""
    return f"{term.term} {HINT_MARK} {', '.join(term.hints)}" if term.hints else term.term


def glossary_of(document: Document) -> list[GlossaryTerm]:
    """The document's glossary terms, blank ones skipped."""
    return [term for term in document.glossary if term.term]


def with_glossary(document: Document, terms: Iterable[GlossaryTerm]) -> Document:
    """The document with a new glossary (cues untouched)."""
    return replace(document, glossary=tuple(term for term in terms if term.term))


def _is_function_word(word: str) -> bool:
    return word.lower().replace("’", "'") in FUNCTION_WORDS


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.lower())


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    breaks_after: bool  # punctuation after the word ends a phrase there

    def text(self, cue_text: str) -> str:
        return cue_text[self.start : self.end]


def _tokens(text: str) -> list[_Token | None]:
    """The cue's words with their core span (no edge punctuation, no possessive); None for a `--` or number."""
    tokens: list[_Token | None] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        core = raw.strip(EDGE_PUNCTUATION)
        if not core or is_gap_text(core) or not any(char.isalpha() for char in core):
            tokens.append(None)
            continue
        start = match.start() + raw.index(core)
        core = _POSSESSIVE.sub("", core)
        trailing = raw[raw.index(core) + len(core) :]
        tokens.append(_Token(start, start + len(core), any(char in _SPAN_BREAK for char in trailing)))
    return tokens


def _spans(text: str) -> Iterable[tuple[int, int, list[str]]]:
    """Every run of 1 to MAX_SPAN_WORDS words not crossing a gap, a number or a clause break."""
    tokens = _tokens(text)
    for first in range(len(tokens)):
        run: list[_Token] = []
        for candidate in tokens[first : first + MAX_SPAN_WORDS]:
            if candidate is None:
                break
            run.append(candidate)
            yield run[0].start, candidate.end, [word.text(text) for word in run]
            if candidate.breaks_after:
                break


def _word_parts(text: str) -> set[str]:
    return {part for part in re.split(r"[\s\-‐]+", text.lower()) if part}


def _already_named(words: Sequence[str], term: GlossaryTerm) -> bool:
    """The span holds the term (or a plural of it), or is a short form of it ("Kerry" of "John Kerry")."""
    heard, wanted = _letters("".join(words)), _letters(term.term)
    if heard == wanted:
        return " ".join(words) == term.term  # same letters, other case or spacing: worth a fix
    if heard.startswith(wanted) and heard[len(wanted) :] in ("s", "es"):
        return True
    heard_parts, wanted_parts = _word_parts(" ".join(words)), _word_parts(term.term)
    return wanted_parts <= heard_parts or heard_parts < wanted_parts


@dataclass(frozen=True, slots=True)
class _TermIndex:
    """The glossary arranged for a fast search: by sound weight, by exact spelling, by distinctive word."""

    weights: tuple[float, ...]  # sorted, matching `by_weight`
    by_weight: tuple[GlossaryTerm, ...]
    spelled: dict[str, frozenset[GlossaryTerm]]  # letters of a term or of a hint -> terms
    owners: dict[str, set[str]]  # distinctive word -> terms holding it


@lru_cache(maxsize=16)
def _index(terms: tuple[GlossaryTerm, ...]) -> _TermIndex:
    weighted = sorted((key_weight(phrase_key(term.term)), term.term, term) for term in terms)
    spelled: dict[str, set[GlossaryTerm]] = {}
    owners: dict[str, set[str]] = {}
    for term in terms:
        for spelling in (term.term, *term.hints):
            spelled.setdefault(_letters(spelling), set()).add(term)
        for part in _word_parts(term.term):
            if len(part) > 2 and part not in FUNCTION_WORDS:
                owners.setdefault(part, set()).add(term.term)
    return _TermIndex(
        tuple(weight for weight, _name, _term in weighted),
        tuple(term for _weight, _name, term in weighted),
        {letters: frozenset(found) for letters, found in spelled.items()},
        owners,
    )


def _reachable(words: tuple[str, ...], index: _TermIndex) -> set[GlossaryTerm]:
    """Terms whose sound weight is close enough to the span's to ever score, plus exact spellings."""
    weight = key_weight(phrase_key(" ".join(words)))
    low = bisect_left(index.weights, weight * MIN_SOUND)
    high = bisect_right(index.weights, weight / MIN_SOUND)
    return set(index.by_weight[low:high]) | index.spelled.get(_letters("".join(words)), frozenset())


def _names_in(words: Sequence[str], owners: dict[str, set[str]]) -> set[str]:
    """Terms the span already names, even in a plural ("Iraqis" names Iraqi)."""
    named: set[str] = set()
    for part in _word_parts(" ".join(words)):
        for form in (part, part.removesuffix("s"), part.removesuffix("es")):
            named |= owners.get(form, set())
    return named


def _blocked(words: Sequence[str], term: GlossaryTerm, named: set[str]) -> bool:
    """A span holding a name keeps it: it may only grow into a longer term sharing that name.

    A span has at least as many words as its term: a first name is heard, however garbled.
    """
    term_words = len(term.term.split())
    most_words = len(_word_parts(term.term)) + MAX_EXTRA_WORDS  # "al-Maliki" may be heard as "all my leaky"
    if not term_words <= len(words) <= most_words or _already_named(words, term):
        return True
    if _letters("".join(words)) == _letters(term.term):
        return False
    return bool(named) and (term.term not in named or term_words == 1)


def _span_rarity(words: Sequence[str], rarity: Rarity) -> float:
    """The rarest word that carries meaning: misheard names come out as rare words ("sisal", "Diocese")."""
    content = [word for word in words if not _is_function_word(word)] or list(words)
    return max(rarity(_letters(word)) for word in content)


@lru_cache(maxsize=131072)
def _score(words: tuple[str, ...], term: GlossaryTerm, floor: float, rarity: Rarity | None, written: bool) -> float:
    """How likely the words are a mishearing of the term. Rarity lifts rare words, except towards a name the
    transcript writes itself (`written`): its transcriber knew that name, so another rare word they wrote
    ("Mosul", with the garbled "Beisel" added to the glossary) is more likely a second name they knew than a
    mishearing of it; there rarity may only lower the score of everyday words."""
    found = " ".join(words)
    heard = _letters(found)
    if heard == _letters(term.term) or any(heard == _letters(hint) for hint in term.hints):
        return 1.0  # a known mishearing, or the right name in the wrong case or spelling
    if rarity is None:
        return sound_alike_score(found, term.term, floor)
    base_floor = (floor - RARITY_WEIGHT) / (1 - RARITY_WEIGHT)
    base = sound_alike_score(found, term.term, base_floor)
    lifted = (1 - RARITY_WEIGHT) * base + RARITY_WEIGHT * _span_rarity(words, rarity)
    return (min(lifted, base) if written else lifted) if base else 0.0


@lru_cache(maxsize=262144)
def _span_matches(
    words: tuple[str, ...], terms: tuple[GlossaryTerm, ...], min_score: float, rarity: Rarity | None,
    written: frozenset[str],
) -> tuple[tuple[str, float], ...]:
    """The terms a span may be heard for, with scores; cached, since documents repeat their phrases."""
    if all(map(_is_function_word, words)):
        return ()
    index = _index(terms)
    reachable = _reachable(words, index)
    named = _names_in(words, index.owners)
    matches = []
    for term in terms:
        if term in reachable and not _blocked(words, term, named):
            score = _score(words, term, min_score, rarity, term.term in written)
            if score >= min_score:
                matches.append((term.term, round(score, 3)))
    return tuple(matches)


def _cue_candidates(
    index: int, cue: Cue, terms: tuple[GlossaryTerm, ...], min_score: float, rarity: Rarity | None,
    settled: tuple[str, ...], written: frozenset[str],
) -> list[Proposal]:
    return [
        Proposal(index, start, end, cue.text[start:end], term, score)
        for start, end, words in _spans(cue.text)
        for term, score in _span_matches(tuple(words), terms, min_score, rarity, written)
        if not _swallows_settled(words, term, settled)
    ]


def _settled_words(document: Document) -> tuple[str, ...]:
    """The transcript's words in order, as letters: how often each is used, and in what company."""
    return tuple(_letters(word) for cue in document.cues for word in cue.text.split())


def _written_terms(terms: Sequence[GlossaryTerm], settled: tuple[str, ...]) -> frozenset[str]:
    """The terms the transcript itself writes, word for word."""
    text = f" {' '.join(settled)} "
    return frozenset(term.term for term in terms if f" {' '.join(map(_letters, term.term.split()))} " in text)


def _swallows_settled(words: Sequence[str], term: str, settled: tuple[str, ...]) -> bool:
    """A span longer than its name would take in a word the transcript uses often elsewhere ("Iraq" in a story
    on Iraq): "Iraq all" is not Erbil, and a fix for it must never reach the many right "Iraq"s. A garble
    repeated as it is ("their bill" each time) does not make its own words settled."""
    if len(words) <= len(term.split()):
        return False
    phrase = [_letters(word) for word in words]
    repeats = sum(1 for at in range(len(settled)) if list(settled[at: at + len(phrase)]) == phrase)
    return any(len(word) >= SETTLED_LETTERS and word not in FUNCTION_WORDS
               and settled.count(word) - repeats >= SETTLED_COUNT for word in phrase)


def _best_without_overlap(candidates: list[Proposal]) -> list[Proposal]:
    """The best-scoring proposal for each stretch of text; on ties the longer span wins."""
    chosen: list[Proposal] = []
    for proposal in sorted(candidates, key=lambda p: (-p.score, p.start - p.end, p.start)):
        if all(proposal.end <= other.start or proposal.start >= other.end for other in chosen):
            chosen.append(proposal)
    return sorted(chosen, key=lambda p: p.start)


def propose_replacements(
    document: Document,
    terms: Sequence[GlossaryTerm] | None = None,
    min_score: float = MIN_SCORE,
    rarity: Rarity | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Proposal]:
    """Every place whose words sound like a glossary term (the best term per stretch), in text order.

    `rarity` (from a word-frequency dictionary, outside core) lifts rare words: garbled names mostly are.
    A long document takes seconds, so `progress` hears the share done and `cancelled` stops the search
    early with the proposals found so far.
    """
    glossary = tuple(glossary_of(document) if terms is None else [term for term in terms if term.term])
    settled = _settled_words(document) if glossary else ()
    written = _written_terms(glossary, settled)
    proposals: list[Proposal] = []
    for index, cue in enumerate(document.cues if glossary else ()):  # no names: nothing can sound like one
        if cancelled is not None and cancelled():
            break
        candidates = _cue_candidates(index, cue, glossary, min_score, rarity, settled, written)
        proposals.extend(_best_without_overlap(candidates))
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index / len(document.cues))
    return proposals


def _replaced_text(text: str, proposals: Iterable[Proposal]) -> str:
    """Later spans first, so earlier offsets stay valid; stale or overlapping proposals are skipped."""
    limit = len(text) + 1
    for proposal in sorted(proposals, key=lambda p: p.start, reverse=True):
        if proposal.end <= limit and text[proposal.start : proposal.end] == proposal.found:
            text = text[: proposal.start] + proposal.term + text[proposal.end :]
            limit = proposal.start
    return text


def apply_proposals(document: Document, proposals: Iterable[Proposal]) -> Document:
    """The document with the chosen proposals applied; untouched cues stay the same objects."""
    by_cue: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        by_cue.setdefault(proposal.cue_index, []).append(proposal)
    cues = list(document.cues)
    for index, chosen in by_cue.items():
        if 0 <= index < len(cues):
            text = _replaced_text(cues[index].text, chosen)
            if text != cues[index].text:
                cues[index] = cues[index].with_text(text)
    return document.with_cues(cues)
