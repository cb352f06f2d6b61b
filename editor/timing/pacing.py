"""Timing a transcript without media: estimate how long each word takes to say, then fit it to the runtime.

Speech is counted half in syllables and half in letters (a syllable guess alone is noisy, and letters are
what a viewer reads, so the blend keeps reading speed even); punctuation adds a pause after the word; a
`--` gap stands for speech the transcriber could not hear, so it takes the time of a word or two. The whole
is scaled so the first word starts at 0 and the last ends at the runtime.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from editor.core.model import Word
from editor.core.words import SPEAKER_CHANGE, ends_clause, ends_sentence

SYLLABLE_MS = 190  # about 5 syllables a second, a newsreader's pace
LETTER_MS = 63  # English news text has about 3 letters per syllable
SENTENCE_PAUSE_MS = 350
CLAUSE_PAUSE_MS = 150
GAP_SPEECH_MS = 700  # an unheard stretch: a word or two of speech
MARKER_MS = 20
DIGIT_SYLLABLES = 1.5  # a digit read aloud ("forty", "three hundred") takes about this many syllables

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LETTERS = re.compile(r"[^a-z]")


def count_syllables(word: str) -> float:
    """A rough syllable count for English: vowel groups, minus a silent final e; digits read as numbers."""
    digits = sum(char.isdigit() for char in word)
    letters = _LETTERS.sub("", word.lower())
    groups = len(_VOWEL_GROUPS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    if groups == 0 and letters:
        groups = len(letters)  # no vowel: an acronym spelled out ("NBC")
    return max(1.0, groups + digits * DIGIT_SYLLABLES)


def speech_and_pause_ms(word: Word) -> tuple[float, float]:
    """How long the word takes to say, and the pause that follows it, before scaling to the runtime."""
    if word.is_gap:
        return float(GAP_SPEECH_MS), 0.0
    if word.text in SPEAKER_CHANGE:
        return float(MARKER_MS), 0.0  # a marker, not speech: just enough to keep words in strict order
    letters = sum(char.isalnum() for char in word.text)
    speech = (count_syllables(word.text) * SYLLABLE_MS + max(letters, 1) * LETTER_MS) / 2
    if ends_sentence(word.text):
        return speech, float(SENTENCE_PAUSE_MS)
    return speech, float(CLAUSE_PAUSE_MS if ends_clause(word.text) else 0)


def pace_along_runtime(words: Sequence[Word], runtime_ms: int) -> list[Word]:
    """The words timed in order from 0 to the runtime, each as long as it takes to say."""
    if not words:
        return []
    estimates = [speech_and_pause_ms(word) for word in words]
    estimates[-1] = (estimates[-1][0], 0.0)  # the last word ends at the runtime
    total = sum(speech + pause for speech, pause in estimates)
    scale = runtime_ms / total
    timed: list[Word] = []
    elapsed = 0.0
    for word, (speech, pause) in zip(words, estimates, strict=True):
        start = round(elapsed * scale)
        elapsed += speech
        end = max(round(elapsed * scale), start + 1)
        elapsed += pause
        timed.append(replace(word, start_ms=start, end_ms=min(end, runtime_ms)))
    return timed
