"""What the heard phones support: each word's support, and the words they fit better (audio evidence).

Candidates for a stretch of one or two transcript words come from the glossary (names that sound alike,
and their hints), from the pronouncing dictionary (words one close sound away, two words heard as one:
"all ready" -> "already"). Each candidate is compared with the transcript's
words on the phones heard over the stretch and one word either side, so a boundary misplaced by a phone
does not decide; a candidate is kept when it fits clearly better. Pure: the phones were heard before.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from editor.core.glossary import FUNCTION_WORDS, glossary_of
from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, Word
from editor.timing.phone_match import CLOSE_COST, phone_distance, phone_similarity
from editor.timing.recognize import load_dictionary
from editor.timing.recording_fit import TRUSTED, Demand, demand_for
from editor.timing.word_odds import led_to, likelier
from editor.timing.word_sounds import (
    Phones,
    fit,
    flapped,
    in_dictionary,
    letters,
    neighbours,
    phones_distance,
    same_sound,
    variants,
)

MAX_SPAN_WORDS = 2  # a name heard as two words ("their bill"); three mostly hold a correct neighbour a fix
# would swallow ("captured in eastern" for Kurdistan, the one three-word flag on the tune voices, was false)
FULL_GAIN = 0.4  # phone edits saved per phone by a candidate that the audio clearly says instead
NEIGHBOUR_BELOW = 1.0  # dictionary neighbours are sought for any word the heard phones do not match exactly
UNKNOWN_WORD_SCORE = 0.5  # a likelier word that sounds as good as an unknown written one: worth a look
MIN_FIT = 0.6  # a candidate must itself match the phones heard this well
NEIGHBOUR_MIN_PHONES = 4
WEIGHED_NEIGHBOUR_MIN_PHONES = 2  # alignment tells "cave" from "gave", "ice" from "eyes"; the phones alone do not
MIN_PHONES = 2  # fewer phones heard than this match too many names by chance
ORDINARY_MIN_PHONES = 3  # shorter words say little about how well the recording is heard
KEPT = 3  # alternatives kept per word
TOPIC_COUNT = 3  # a name used this often in the transcript is one of its topic words
TOPIC_MIN_LETTERS = 4
TOPIC_DISTANCE = 1.0  # phone edits between a topic word and the written words for it to be a candidate
# Forced alignment's verdicts, in log-likelihood per 10 ms frame (pocketsphinx's units), chosen on the tune voices:
CONFIRMED = -1.0  # it must not clearly prefer the written words over what the phones heard
WEIGHED_FLAG = 2.0  # by this much it alone may prefer a candidate the phones missed ...
WEIGHED_NEIGHBOUR_FLAG = 0.75  # ... (one sound apart, and likelier English where it stands: by this much) ...
WEIGHED_LOWEST, WEIGHED_FULL = 0.4, 5.0  # ... scoring 0.4 there, rising to 1.0 at WEIGHED_FULL
WEIGHED_MIN_FIT = 0.4  # ... if the phones heard still fit the candidate this well (and, by the recording's
# fit, sound enough like the written words: recording_fit.Demand, as do the phones' own gains)
NEAR_HOMOPHONE = 0.8  # a name this alike in sound ("their bill": Erbil) wins a tie: alignment need not prefer it
_DOUBLED = re.compile(r"(.)\1")  # "all ready" is written "already"


@dataclass(frozen=True, slots=True)
class Slot:
    """A word of the document with the phones heard over it."""

    cue: int
    index: int
    word: Word
    heard: Phones


Weighed = Mapping[tuple[int, int, int, str], float]  # (cue, word, words, candidate) -> likelihood ratio


def slots_of(document: Document) -> list[Slot]:
    """The document's timed words in order, each with the phones heard over it."""
    return [
        Slot(cue_index, index, word, tuple(word.heard.split()))
        for cue_index, cue in enumerate(document.cues) for index, word in enumerate(cue.words)
        if not word.is_gap and word.is_timed
    ]


def rescore(document: Document, weighed: Weighed | None = None) -> Document:
    """Support and alternatives for every word with heard phones (others are left as they are).

    `weighed` holds what forced alignment made of candidates (spoken_choice.py): per frame, how much better
    the audio fits each than the transcript's words. Without it the heard phones alone decide.
    """
    slots = slots_of(document)
    if not any(slot.heard for slot in slots):
        return document
    terms, vocabulary = tuple(glossary_of(document)), topic_words(document)
    fits = ordinary_word_fits(slots)
    demand = demand_for(fits)
    updated: dict[tuple[int, int], Word] = {}
    for position, slot in enumerate(slots):  # "supported": heard as well as this recording's ordinary words are
        support = round(min(1.0, fit(slot.word.text, slot.heard) + demand.shortfall), 3)
        alternatives = tuple(_alternatives(slots, position, terms, vocabulary, weighed, demand))[:KEPT]
        updated[(slot.cue, slot.index)] = replace(slot.word, support=support, alternatives=alternatives)
    return document.with_cues([_updated_cue(cue_index, cue, updated) for cue_index, cue in enumerate(document.cues)])


def ordinary_word_fits(slots: Sequence[Slot]) -> list[float]:
    """How well the phones heard fit each ordinary word (lower-case, known, three phones or more): the
    measure of how well the acoustic model fits the recording (recording_fit.py)."""
    return [fit(slot.word.text, slot.heard) for slot in slots
            if slot.heard and slot.word.text[:1].islower() and in_dictionary(slot.word.text)
            and len(variants(slot.word.text)[0]) >= ORDINARY_MIN_PHONES]


def _updated_cue(cue_index: int, cue: Cue, updated: dict[tuple[int, int], Word]) -> Cue:
    words = tuple(updated.get((cue_index, index), word) for index, word in enumerate(cue.words))
    return cue if words == cue.words else replace(cue, words=words)


@dataclass(frozen=True)
class Stretch:
    """One to three transcript words, the phones heard over them and around them, and the words around."""

    text: str
    own: Phones  # heard over the words themselves
    heard: Phones  # heard over them and one word either side
    left: str
    right: str
    before: list[str]  # up to two words before, for the language model
    after: list[str]
    unknown: bool  # a single word the pronouncing dictionary lacks (its phones are a guess)

    def spoken(self, words: str) -> float:
        return phones_distance(f"{self.left} {words} {self.right}", self.heard)


def _alternatives(slots: Sequence[Slot], position: int, terms: tuple[GlossaryTerm, ...], vocabulary: frozenset[str],
                  weighed: Weighed | None, demand: Demand) -> list[HeardAlternative]:
    """What fits the heard phones better than the transcript, from this word on, best first."""
    found: list[HeardAlternative] = []
    for span, stretch in stretches_from(slots, position):
        count = len(span)
        for candidate, full_gain in candidates_for(span, terms, vocabulary, weighed is not None).items():
            weight = None if weighed is None else weighed.get((span[0].cue, span[0].index, count, candidate))
            unweighed_neighbour = weighed is not None and weight is None and full_gain < FULL_GAIN
            if unweighed_neighbour and not flapped(stretch.text, candidate):
                continue  # one sound apart and not weighed: the phones alone cannot tell voicing
            score = _score(candidate, full_gain, stretch, weight, demand)
            if score is not None:
                found.append(HeardAlternative(_in_case_of(candidate, stretch.text), count, score))
    return sorted(found, key=lambda alternative: -alternative.score)


def stretches_from(slots: Sequence[Slot], position: int) -> Iterator[tuple[Sequence[Slot], Stretch]]:
    """The one to MAX_SPAN_WORDS words from `position` on, within one cue, whose heard phones are worth asking
    about, each with its stretch."""
    for count in range(1, MAX_SPAN_WORDS + 1):
        span = slots[position: position + count]
        if len(span) < count or any(slot.cue != span[0].cue for slot in span):
            return
        if span[-1].index - span[0].index != count - 1:
            return  # words either side of a `--` gap: speech the transcript lacks lies between them
        stretch = _stretch_at(slots, position, count)
        if _worth_asking(stretch.text, stretch.own):
            yield span, stretch


def _stretch_at(slots: Sequence[Slot], position: int, count: int) -> Stretch:
    """The words from `position` on, with the phones heard over and around them."""
    span = slots[position: position + count]
    text = " ".join(slot.word.text for slot in span)
    return Stretch(
        text, tuple(phone for slot in span for phone in slot.heard),
        tuple(phone for slot in slots[max(0, position - 1): position + count + 1] for phone in slot.heard),
        slots[position - 1].word.text if position > 0 else "",
        slots[position + count].word.text if position + count < len(slots) else "",
        [slot.word.text for slot in slots[max(0, position - 2): position]],
        [slot.word.text for slot in slots[position + count: position + count + 1]],
        count == 1 and not in_dictionary(text),
    )


def _score(candidate: str, full_gain: float, stretch: Stretch, weight: float | None,
           demand: Demand) -> float | None:
    """0..1 when the audio clearly says the candidate instead (None when it does not).

    Where forced alignment weighed the candidate, it has the last word: a candidate the phones prefer must
    not align worse than the written words, and one they miss counts when it aligns clearly better. A word
    one sound away is then left to alignment alone: the phone recogniser confuses voicing. Words that sound the
    same as the written ones are left to the words around.
    """
    if candidate.islower() and same_sound(stretch.text, candidate):  # "all ready": already
        return UNKNOWN_WORD_SCORE if likelier(candidate, stretch.text, stretch.before, stretch.after) else None
    by_phones = _phone_score(candidate, full_gain, stretch, demand)
    if flapped(stretch.text, candidate):  # alignment cannot tell a flapped T from D: the phones and the words
        return by_phones if by_phones is not None else _by_words_around(candidate, stretch)  # around decide
    if weight is None:
        return by_phones
    flag = WEIGHED_NEIGHBOUR_FLAG if full_gain < FULL_GAIN else WEIGHED_FLAG
    by_alignment = WEIGHED_LOWEST + (1.0 - WEIGHED_LOWEST) * min(1.0, (weight - flag) / (WEIGHED_FULL - flag))
    if by_phones is not None and full_gain >= FULL_GAIN:
        return None if weight < CONFIRMED else round(max(by_phones, by_alignment if weight >= flag else 0.0), 3)
    if weight < _flag_for(candidate, full_gain, stretch, flag, demand) or not may_be_weighed_in(
            candidate, full_gain, stretch, demand):
        return None
    return round(max(WEIGHED_LOWEST, by_alignment), 3)


def _flag_for(candidate: str, full_gain: float, stretch: Stretch, flag: float, demand: Demand) -> float:
    """How much better than the written words alignment must find a candidate the phones missed: `flag`, or,
    for a name that sounds nearly the same (a near-homophone), no worse. Between near-homophones the audio says
    little, least of all in noise (it masks the one consonant that differs, as in "license" and ISIS), and the
    transcriber's ear chose the word it knew: a name the programme is known to use wins the tie. On a recording
    the phones hear poorly (noise masks more sounds) a name less alike wins it too, where the phones heard it
    nearer than the written words ("crisis" and ISIS at 13 dB; "busy", heard as itself, stays)."""
    if full_gain < FULL_GAIN or candidate.islower():
        return flag
    alike = max(_written_alike(stretch.text, candidate), _alike_borrowing(stretch, candidate))
    tie = -demand.shortfall  # in noise, "no worse" within the blur noise leaves on every fit
    if alike >= NEAR_HOMOPHONE:
        return tie
    heard_nearer = phones_distance(candidate, stretch.own) < phones_distance(stretch.text, stretch.own)
    return tie if heard_nearer and alike + demand.shortfall >= NEAR_HOMOPHONE else flag


def _alike_borrowing(stretch: Stretch, candidate: str) -> float:
    """How alike they sound when the written words' first sound is the one the word before ends with ("of
    vices" and "of ISIS"): said once, it may belong to either."""
    ends = {phones[-1] for phones in variants(stretch.left) if phones} if stretch.left else set()
    return max((phone_similarity(mine[1:], theirs) for mine in variants(stretch.text) if mine and mine[0] in ends
                for theirs in variants(candidate)), default=0.0)


def _by_words_around(candidate: str, stretch: Stretch) -> float | None:
    """A flap the phones blurred (they fit neither spelling well) is told as same-sound words are: by the words
    around, unless the phones heard the written sound rather than the candidate's."""
    if phones_distance(candidate, stretch.own) > phones_distance(stretch.text, stretch.own):
        return None
    return UNKNOWN_WORD_SCORE if likelier(candidate, stretch.text, stretch.before, stretch.after) else None


def worth_weighing(candidate: str, full_gain: float, stretch: Stretch, demand: Demand = TRUSTED) -> bool:
    """Whether alignment's verdict could matter: to confirm what the phones heard, or to put a candidate forward
    (asked as a recording that fits well would be, read with this one's `demand.shortfall`)."""
    if candidate.islower() and same_sound(stretch.text, candidate):
        return False  # no alignment tells them apart
    lenient = replace(TRUSTED, shortfall=demand.shortfall)
    heard = full_gain >= FULL_GAIN and _phone_score(candidate, full_gain, stretch, lenient) is not None
    return heard or may_be_weighed_in(candidate, full_gain, stretch, lenient)


def may_be_weighed_in(candidate: str, full_gain: float, stretch: Stretch, demand: Demand = TRUSTED) -> bool:
    """Whether forced alignment alone may put forward a candidate the phones did not: they still fit it, and
    for words run together or one sound apart (which the audio cannot tell apart), the words around read it as
    likelier English; for a name, it sounds like what was written ("crisis" for ISIS) and the words before do
    not lead to the written words (no language model knows the name to weigh it against them; on voices the
    model fits poorly, alignment alone found "busy", "military", "America" 2-14 units worse than a name, all
    led to, where no garble was)."""
    allowance = demand.shortfall if full_gain >= FULL_GAIN else 0.0  # names: one sound apart, the words around
    if fit(candidate, stretch.own) + allowance < WEIGHED_MIN_FIT:  # and alignment have to tell, not a blur
        return False
    if letters(candidate) == letters(stretch.text) or full_gain < FULL_GAIN:
        return likelier(candidate, stretch.text, stretch.before, stretch.after)
    return _written_alike(stretch.text, candidate) >= demand.written_alike and not led_to(
        stretch.before, stretch.text.split())


def _written_alike(text: str, candidate: str) -> float:
    return max(phone_similarity(mine, theirs) for mine in variants(text) for theirs in variants(candidate))


def _phone_score(candidate: str, full_gain: float, stretch: Stretch, demand: Demand = TRUSTED) -> float | None:
    """0..1 from the heard phones alone.

    A word one sound away from the written one counts only where the words around read it as likelier
    English; where the sound cannot tell them apart (a written word no dictionary knows, "Everly": every; a
    flapped T or D, "putting": pudding), sounding as good as it is then enough.
    """
    neighbour = full_gain < FULL_GAIN
    alone, written_alone = phones_distance(candidate, stretch.own), phones_distance(stretch.text, stretch.own)
    undecided = neighbour and (stretch.unknown or flapped(stretch.text, candidate))  # the words around decide
    if alone > written_alone or (alone == written_alone and not undecided):
        return None  # not heard better on the stretch's own phones
    if fit(candidate, stretch.own) < MIN_FIT:
        return None
    if neighbour and not likelier(candidate, stretch.text, stretch.before, stretch.after):
        return None  # the recogniser's confusion of close sounds, unless the words around agree
    gain = (stretch.spoken(stretch.text) - stretch.spoken(candidate)) / _length(stretch.text, candidate)
    if undecided and gain >= 0:
        return round(max(UNKNOWN_WORD_SCORE, min(1.0, gain / full_gain)), 3)
    return round(min(1.0, gain / full_gain), 3) if gain >= full_gain * demand.min_share else None


def _worth_asking(text: str, heard: Phones) -> bool:
    """Phones were heard, and the words carry meaning: "and", "to that" are never taken for a name."""
    words = [letters(word) for word in text.split()]
    return len(heard) >= MIN_PHONES and any(word not in FUNCTION_WORDS for word in words)


def candidates_for(span: Sequence[Slot], terms: Iterable[GlossaryTerm], vocabulary: frozenset[str],
                   weighing: bool = False) -> dict[str, float]:
    """Glossary names and the document's topic words of about the span's length, joined words, and (for one
    word) its sound neighbours, each with the gain that scores 1.0: a neighbour differs by one close sound, so
    it can gain at most half a phone. A span holding one of the topic words is no garble of a name: the
    transcriber wrote that name often, so knew it ("here America is", "Kerry": never Maliki, Nouri). Nor is a
    candidate with the span's very letters, only spaces, hyphens or case apart ("Thy self", "thyself"): the
    same words, written another way."""
    text = " ".join(slot.word.text for slot in span)
    plain = letters(text)
    length = _length(text, text)
    named = {plain, *(letters(part) for part in re.split(r"[\s\-‐]+", text))}  # "Al-Maliki" names Maliki
    found: dict[str, float] = {}
    if not any(_bare(slot.word.text) in vocabulary for slot in span):
        found = {
            term.term: FULL_GAIN for term in terms
            if letters(term.term) not in named and _close_in_length(_length(term.term, term.term), length)
        }
        found |= {word: FULL_GAIN for word in _topic_alikes(text, vocabulary) if word not in found}
    if len(span) == 2:
        joined = _DOUBLED.sub(r"\1", plain)  # "all. Ready" -> "already"
        if joined in load_dictionary():
            found[joined] = FULL_GAIN
    shortest = WEIGHED_NEIGHBOUR_MIN_PHONES if weighing else NEIGHBOUR_MIN_PHONES
    if len(span) == 1 and _worth_neighbours(span[0], shortest):
        found |= {word: CLOSE_COST / length for word in neighbours(span[0].word.text) if word not in found}
    return {word: gain for word, gain in found.items() if letters(word) != plain}


def topic_words(document: Document) -> frozenset[str]:
    """Names the transcript itself uses often ("Iraq" in a story on Iraq): a garble may be one of them. A name
    is a word always written with a capital, at least once inside a sentence."""
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    lowered: set[str] = set()
    for cue in document.cues:
        words = [_bare(word) for word in cue.text.split()]
        for previous, word in zip([".", *cue.text.split()], words, strict=False):
            counts[word] += 1
            if word[:1].islower():
                lowered.add(word.lower())
            elif not previous.endswith((".", "?", "!", "--")):
                inside.add(word)
    return frozenset(word for word, count in counts.items()
                     if count >= TOPIC_COUNT and word in inside and word.lower() not in lowered
                     and len(letters(word)) >= TOPIC_MIN_LETTERS)


@functools.lru_cache(maxsize=16384)
def _topic_alikes(text: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """Topic words that sound nearly like the written words ("rock" for Iraq), other than the words themselves
    or another form of one of them ("Iraq's", "Iraqi", "in Iraq" for Iraq: a different ending is no mishearing)."""
    written = variants(text)[0]
    near = [word for word in vocabulary if abs(len(variants(word)[0]) - len(written)) <= 2]
    return tuple(word for word in near if not _shares_a_stem(word, text)
                 and phone_distance(variants(word)[0], written) <= TOPIC_DISTANCE)


def _shares_a_stem(word: str, text: str) -> bool:
    """One of the text's words and `word` begin alike, one running on where the other ends ("Iraq", "Iraqis")."""
    plain = letters(word)
    return any(other.startswith(plain) or plain.startswith(other) for other in map(letters, text.split()) if other)


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'“”‘’()")


def _close_in_length(candidate: int, spoken: int) -> bool:
    return abs(candidate - spoken) <= max(2, spoken // 2)


def _length(text: str, candidate: str) -> int:
    return max(len(variants(text)[0]), len(variants(candidate)[0]), 1)


def _worth_neighbours(slot: Slot, shortest: int) -> bool:
    """Long enough that one sound changed is a different word, and not well supported as it stands."""
    length = _length(slot.word.text, slot.word.text)
    return length >= shortest and fit(slot.word.text, slot.heard) < NEIGHBOUR_BELOW


def _in_case_of(candidate: str, original: str) -> str:
    """A dictionary word written as the transcript's word was ("Every" at a sentence start); names as named."""
    if candidate != candidate.lower() or not original[:1].isupper():
        return candidate
    return candidate[:1].upper() + candidate[1:]
