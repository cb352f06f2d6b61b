"""Finding where a clip from the middle of a programme is in the programme's transcript: speech made in the
test, the transcript running on before and after it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spoken import speak

from editor.core.model import Word
from editor.timing.excerpt import locate_excerpt, placed
from editor.timing.recognize import HeardWord
from editor.timing.recording import recording_of

BEFORE = [
    "Good evening and welcome to the programme.",
    "Tonight the storm moved north across the coast.",
    "Schools in three counties stayed closed all day.",
    "Farmers counted the cost of the floods.",
    "The river rose faster than anyone expected.",
]
CLIP = [
    "The minister arrived in Baghdad on Monday morning.",
    "Officials said the talks would continue next week.",
    "Prices of oil rose sharply after the news.",
]
AFTER = [
    "In sport the home team won its third match in a row.",
    "Fans waited for hours outside the stadium.",
    "That is all from us tonight, thank you for watching.",
]


def words_of(sentences: list[str]) -> list[Word]:
    return [Word(token) for sentence in sentences for token in sentence.split()]


def test_a_clip_from_the_middle_is_found_in_the_whole_transcript(speech_folder: Path) -> None:
    speech = speak([0.6, CLIP[0], 0.5, CLIP[1], 0.5, CLIP[2], 0.6], speech_folder)
    audio = recording_of(speech.samples)
    words = words_of(BEFORE + CLIP + AFTER)
    said = locate_excerpt(words, audio)
    clip_start = len(words_of(BEFORE))
    assert said is not None
    assert abs(said.start - clip_start) <= 2 and abs(said.stop - (clip_start + len(words_of(CLIP)))) <= 2


def test_speech_the_transcript_does_not_hold_is_not_placed(speech_folder: Path) -> None:
    speech = speak([0.6, *AFTER, 0.6], speech_folder)
    assert locate_excerpt(words_of(BEFORE + CLIP), recording_of(speech.samples)) is None
    assert locate_excerpt(words_of(BEFORE), recording_of(np.zeros(16_000, np.float32))) is None


def heard(tokens: str) -> list[HeardWord]:
    return [HeardWord(token, 300 * n, 300 * n + 250) for n, token in enumerate(tokens.split())]


def test_pairs_of_words_vote_for_one_place_and_a_few_chance_pairs_do_not() -> None:
    tokens = "of the people the river rose faster than anyone expected of the year".split()
    found = placed(heard("a river rose faster than anyone said"), tokens)
    assert [word.token for word in found] == [4, 5, 6, 7]  # "river rose", "rose faster", "faster than", "than anyone"
    assert found[0].at_ms == 300
    assert placed(heard("of the river"), tokens[:8]) == []  # two pairs agree: chance, not a place
    assert placed(heard("river rose faster river rose faster"), tokens) == []  # said again, not further on
