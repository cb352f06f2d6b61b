"""Forced alignment as a judge: speech synthesised in the test says one thing; of a few readings of the same
audio, the one it says aligns best, so a candidate the phone recogniser blurs can still be told apart."""

from __future__ import annotations

from pathlib import Path

from flite_speech import flite_speech

from editor.timing.pronounce import pronunciations, spoken_tokens
from editor.timing.recognize import load_dictionary, pcm_bytes
from editor.timing.spoken_choice import ReadingsJob, weigh_readings


def reading(text: str) -> tuple[str, ...]:
    dictionary = load_dictionary()
    tokens = [token for word in text.split() for token in spoken_tokens(word, dictionary)]
    return tuple(pronunciations(token, dictionary)[0] for token in tokens)


def test_the_reading_that_was_said_aligns_best(speech_folder: Path) -> None:
    samples = flite_speech("the fighting in Iraq today", speech_folder)
    said, garbled, unrelated = weigh_readings(ReadingsJob(pcm_bytes(samples), (
        reading("the fighting in Iraq today"), reading("the fighting in rock today"),
        reading("a meeting of bankers tomorrow"))))
    assert said is not None and garbled is not None and said > garbled
    assert unrelated is None or unrelated < garbled  # words that were not said may not align at all


def test_a_name_no_dictionary_knows_is_weighed_from_its_guessed_phones(speech_folder: Path) -> None:
    samples = flite_speech("talks with Maliki", speech_folder)
    maliki, morality = weigh_readings(ReadingsJob(pcm_bytes(samples), (
        reading("talks with Maliki"), reading("talks with morality"))))
    assert maliki is not None and morality is not None and maliki > morality
