"""Which candidates forced alignment should weigh against the transcript's words, and over which audio.

The heard phones (sounds_like.py) propose; alignment decides. For every stretch of one or two words, the
candidates the phones do not rule out (heard about as well as the written words or better) become one
question: the written words and each candidate, with the word either side, aligned to the same span of
audio. Pure: the audio is read elsewhere (evidence.py) and the answers go back to `sounds_like.rescore`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.glossary import glossary_of
from editor.core.model import Document
from editor.timing.pronounce import pronunciations, spoken_tokens
from editor.timing.recognize import load_dictionary
from editor.timing.recording_fit import demand_for
from editor.timing.sounds_like import (
    Slot,
    Weighed,
    candidates_for,
    ordinary_word_fits,
    slots_of,
    stretches_from,
    topic_words,
    worth_weighing,
)
from editor.timing.spoken_choice import Reading
from editor.timing.word_odds import led_to
from editor.timing.word_sounds import phones_distance

SLACK = 0.5  # phone edits a candidate may be heard worse than the written words and still be weighed
MAX_CANDIDATES = 4  # per stretch, the ones the phones heard best
JOINED_MS = 300  # a neighbour this close belongs to the same breath and is aligned with the stretch
EDGE_MS = 60  # audio kept around the words, so their first and last phones are whole


@dataclass(frozen=True)
class Question:
    """Weigh `candidates` against `count` words from word `index` of cue `cue`, over start_ms..end_ms.

    `readings` are the written words in context first, then each candidate in the same context. `widen`: where
    the usual beams lose a reading, weigh them all again on the widest (spoken_choice.py).
    """

    cue: int
    index: int
    count: int
    start_ms: int
    end_ms: int
    candidates: tuple[str, ...]
    readings: tuple[Reading, ...]
    widen: bool


def questions(document: Document) -> list[Question]:
    """Every stretch with candidates worth weighing, in document order."""
    slots = slots_of(document)
    terms, vocabulary = tuple(glossary_of(document)), topic_words(document)
    demand = demand_for(ordinary_word_fits(slots))
    found = []
    for position in range(len(slots)):
        for span, stretch in stretches_from(slots, position):
            written = phones_distance(stretch.text, stretch.own)
            proposed = candidates_for(span, terms, vocabulary, weighing=True)
            doubtful = [candidate for candidate, full_gain in proposed.items()
                        if phones_distance(candidate, stretch.own) <= written + SLACK
                        and worth_weighing(candidate, full_gain, stretch, demand)]
            doubtful.sort(key=lambda candidate: phones_distance(candidate, stretch.own))
            if doubtful:
                found.append(_question(slots, position, len(span), tuple(doubtful[:MAX_CANDIDATES])))
    return found


def _question(slots: Sequence[Slot], position: int, count: int, candidates: tuple[str, ...]) -> Question:
    first, last = slots[position], slots[position + count - 1]
    left = slots[position - 1] if position > 0 else None
    right = slots[position + count] if position + count < len(slots) else None
    left = left if left is not None and _joined(left, first) else None
    right = right if right is not None and _joined(last, right) else None
    start = (left or first).word.start_ms or 0
    end = (right or last).word.end_ms or start
    written = " ".join(slot.word.text for slot in slots[position: position + count])
    readings = tuple(_reading(left, text, right) for text in (written, *candidates))
    before = [slot.word.text for slot in slots[max(0, position - 2): position]]
    return Question(first.cue, first.index, count, max(0, start - EDGE_MS), end + EDGE_MS, candidates, readings,
                    not led_to(before, written.split()))


def _joined(earlier: Slot, later: Slot) -> bool:
    """Next to each other in the transcript (no `--` between: speech it lacks) and in time."""
    next_in_text = later.index == earlier.index + 1 if later.cue == earlier.cue else later.index == 0
    return next_in_text and (later.word.start_ms or 0) - (earlier.word.end_ms or 0) <= JOINED_MS


def _reading(left: Slot | None, text: str, right: Slot | None) -> Reading:
    words = [slot.word.text for slot in (left,) if slot] + text.split() + [slot.word.text for slot in (right,) if slot]
    dictionary = load_dictionary()
    return tuple(pronunciations(token, dictionary)[0] for word in words for token in spoken_tokens(word, dictionary))


def weighed(asked: Sequence[Question], answers: Sequence[Sequence[float | None]]) -> Weighed:
    """How much better each candidate aligned than the written words, per frame (missing where either failed)."""
    found: dict[tuple[int, int, int, str], float] = {}
    for question, scores in zip(asked, answers, strict=True):
        written = scores[0]
        for candidate, score in zip(question.candidates, scores[1:], strict=True):
            if written is not None and score is not None:
                found[(question.cue, question.index, question.count, candidate)] = score - written
    return found
