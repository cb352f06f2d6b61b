"""Auto-sync on speech made in the test: words land where they are spoken, gaps and untranscribed speech
do not pull their neighbours, cancelling changes nothing, and audio without speech is reported."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from spoken import RATE, Speech, speak

from editor.core.model import Word
from editor.core.style import DEFAULT_STYLE
from editor.timing.align import Alignment, AlignmentCancelled, align_words
from editor.timing.pipeline import recut

SENTENCES = [
    "The minister arrived in Baghdad on Monday morning.",
    "Officials said the talks would continue next week.",
    "Fighting has spread to several towns in the north.",
    "Prices of oil rose sharply after the news.",
    "Kerry urged the leaders to form a new government.",
    "The army says it has retaken the refinery.",
]
PAUSES = [0.5, 0.8, 0.45, 1.1, 0.6, 0.9, 0.5]


def words_of(text: str) -> list[Word]:
    return [Word(token) for token in text.split()]


@pytest.fixture(scope="module")
def clean(speech_folder: Path) -> Speech:
    parts: list[str | float] = [PAUSES[0]]
    for sentence, pause in zip(SENTENCES, PAUSES[1:], strict=True):
        parts += [sentence, pause]
    return speak(parts, speech_folder)


@pytest.fixture(scope="module")
def clean_alignment(clean: Speech) -> Alignment:
    return align_words(words_of(" ".join(SENTENCES)), clean.samples, RATE)


def test_every_cue_starts_within_150_ms_of_its_speech(clean: Speech, clean_alignment: Alignment) -> None:
    assert clean_alignment.speech_found
    cues = recut(clean_alignment.words, DEFAULT_STYLE, len(clean.samples) * 1000 // RATE)
    spoken_starts = [start for _, start, _ in clean.phrases]
    for cue in cues:
        assert min(abs(cue.start_ms - start) for start in spoken_starts) <= 150, cue
    for sentence, start, _ in clean.phrases:
        first_word = sentence.split()[0]
        assert any(abs(cue.start_ms - start) <= 150 and cue.text.startswith(first_word) for cue in cues)


def test_every_word_is_timed_in_order_with_confidence(clean_alignment: Alignment) -> None:
    words = clean_alignment.words
    assert [word.text for word in words] == " ".join(SENTENCES).split()
    for before, after in itertools.pairwise(words):
        assert before.start_ms is not None and before.end_ms is not None
        assert before.start_ms <= before.end_ms <= after.start_ms  # type: ignore[operator]
    assert all(word.confidence is not None and 0.0 <= word.confidence <= 1.0 for word in words)
    assert sum(word.confidence == 1.0 for word in words) >= len(words) * 0.8


def test_gap_and_untranscribed_sentence_do_not_pull_neighbours(speech_folder: Path) -> None:
    speech = speak([
        0.5, SENTENCES[0], 0.6, "Officials said", 0.25, "the talks", 0.25, "would continue next week.", 0.7,
        "We will be right back after these messages from our sponsors.", 0.6, SENTENCES[2], 0.5,
        SENTENCES[3], 0.5,
    ], speech_folder)
    transcript = f"{SENTENCES[0]} Officials said -- would continue next week. {SENTENCES[2]} {SENTENCES[3]}"
    alignment = align_words(words_of(transcript), speech.samples, RATE)
    by_text = {word.text: word for word in alignment.words}
    talks_start, talks_end = speech.phrase("the talks")
    assert by_text["said"].end_ms <= talks_start + 100  # type: ignore[operator]
    assert by_text["would"].start_ms >= talks_end - 100  # type: ignore[operator]
    assert any(start <= talks_start + 150 and end >= talks_end - 150 for start, end in alignment.gap_spans)
    extra_start, _extra_end = speech.phrase("We will be right back after these messages from our sponsors.")
    assert by_text["week."].end_ms <= extra_start + 100  # type: ignore[operator]
    assert abs(by_text["Fighting"].start_ms - speech.phrase(SENTENCES[2])[0]) <= 150  # type: ignore[operator]


def test_cancelling_raises_and_returns_nothing(clean: Speech) -> None:
    words = words_of(" ".join(SENTENCES))
    with pytest.raises(AlignmentCancelled):
        align_words(words, clean.samples, RATE, cancelled=lambda: True)
    assert all(word.start_ms is None for word in words)


def test_audio_without_speech_changes_nothing_and_says_so() -> None:
    seconds = np.arange(20 * RATE) / RATE
    hiss = 0.01 * np.random.default_rng(1).standard_normal(len(seconds))
    tone_and_hiss = 0.2 * np.sin(2 * np.pi * 440 * seconds) + hiss
    words = [Word(token, 1000 * n, 1000 * n + 500) for n, token in enumerate(SENTENCES[0].split())]
    alignment = align_words(words, tone_and_hiss.astype(np.float32), RATE)
    assert not alignment.speech_found
    assert alignment.words == words


def test_progress_runs_from_zero_to_one(clean: Speech) -> None:
    reported: list[float] = []
    align_words(words_of(" ".join(SENTENCES[:2])), clean.samples, RATE, progress=reported.append)
    assert reported == sorted(reported)
    assert reported[-1] == pytest.approx(1.0)
