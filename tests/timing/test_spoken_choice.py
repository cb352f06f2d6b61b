"""Forced alignment as a judge: speech synthesised in the test says one thing; of a few readings of the same
audio, the one it says aligns best, so a candidate the phone recogniser blurs can still be told apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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


def test_a_reading_scores_the_same_whatever_was_weighed_before(speech_folder: Path) -> None:
    """A worker weighs many questions in turn: one reading's score must not lean on the audio or readings weighed
    before it (each is judged from a fresh start), or the same question gets a different verdict."""
    samples = flite_speech("the fighting in Iraq today", speech_folder)
    said, garbled = reading("the fighting in Iraq today"), reading("the fighting in rock today")
    first = weigh_readings(ReadingsJob(pcm_bytes(samples), (said, garbled)))
    noise = np.random.default_rng(1).normal(0.0, 0.3, len(samples)).astype(np.float32)
    weigh_readings(ReadingsJob(pcm_bytes(noise), (garbled,)))
    assert weigh_readings(ReadingsJob(pcm_bytes(samples), (garbled, said))) == first[::-1]


def test_a_reading_the_usual_beams_lose_is_weighed_with_the_others_on_the_widest(speech_folder: Path) -> None:
    """Where the written words fit the speech worst (a garble, a voice the model fits poorly), the usual beams can
    lose their path altogether: the stretch is weighed again, every reading alike, so it still gets a verdict."""
    samples = flite_speech("the fighting in Iraq today", speech_folder)
    said, unrelated = weigh_readings(ReadingsJob(pcm_bytes(samples), (
        reading("the fighting in Iraq today"), reading("a meeting of bankers tomorrow"))))
    assert said is not None and unrelated is not None and said > unrelated


def test_a_reading_the_usual_beams_lose_stays_lost_where_the_stretch_may_not_be_widened(speech_folder: Path) -> None:
    """Where the words before lead to the written words, their verdict is not sought on the widest beams."""
    samples = flite_speech("the fighting in Iraq today", speech_folder)
    said, unrelated = weigh_readings(ReadingsJob(pcm_bytes(samples), (
        reading("the fighting in Iraq today"), reading("a meeting of bankers tomorrow")), widen=False))
    assert said is not None and unrelated is None
