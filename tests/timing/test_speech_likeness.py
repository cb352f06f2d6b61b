"""Music told from speech by how long its spectrum holds still, on speech and music made in the test: the
music's frames are found, however loud, and no frame of anyone talking is taken for music."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spoken import RATE, speak

from editor.timing.fallback import fill_failed_span
from editor.timing.gaps import Onsets
from editor.timing.recording import recording_of
from editor.timing.speech_likeness import music_frames

SENTENCES = ["The minister arrived in Baghdad on Monday morning.", "Officials said the talks went well yesterday.",
             "And it is up to the leaders to form a new government over the next days."]


def chords(seconds: float, seed: int) -> np.ndarray:
    """Music as the benchmark's fixtures make it: a chord a second, with a beat of noise twice a second."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    out = np.zeros_like(t)
    for second, root in enumerate(rng.choice([196, 220, 247, 262, 294, 330], size=int(seconds))):
        part = (t >= second) & (t < second + 1)
        for ratio in (1.0, 1.25, 1.5, 2.0):
            out[part] += 0.06 * np.sin(2 * np.pi * root * ratio * t[part])
    beat = (np.sin(2 * np.pi * 2 * t) > 0.95) * rng.standard_normal(len(t)) * 0.2
    return (out + beat).astype(np.float32)


def programme(folder: Path, voice: str, music_gain: float) -> tuple[np.ndarray, list[tuple[int, int]], tuple[int, int]]:
    """Two sentences, 7 s of music, a quiet third sentence, in noise: the samples, each sentence's (start_ms,
    end_ms) and the music's."""
    first = speak([0.5, SENTENCES[0], 0.5, SENTENCES[1], 0.4], folder, voice)
    last = speak([0.4, SENTENCES[2], 0.5], folder, voice)
    music = chords(7, seed=3) * music_gain
    samples = np.concatenate([first.samples, music, last.samples * 0.5])  # the voice after the music is quieter
    samples = samples + np.random.default_rng(1).standard_normal(len(samples)).astype(np.float32) * 0.01
    music_start = len(first.samples) * 1000 // RATE
    music_end = music_start + len(music) * 1000 // RATE
    last_start, last_end = last.phrase(SENTENCES[2])
    sentences = [first.phrase(SENTENCES[0]), first.phrase(SENTENCES[1]), (music_end + last_start, music_end + last_end)]
    return samples, sentences, (music_start, music_end)


@pytest.mark.parametrize("voice", ["en-us", "flite:kal16"])
@pytest.mark.parametrize("music_gain", [0.5, 2.0], ids=["soft music", "loud music"])
def test_music_is_found_and_speech_is_not_taken_for_it(speech_folder: Path, voice: str, music_gain: float) -> None:
    samples, sentences, (music_start, music_end) = programme(speech_folder, voice, music_gain)
    recording = recording_of(samples)
    music = music_frames(recording.pcm, len(recording.energy))
    assert music[music_start // 10: music_end // 10].mean() >= 0.9
    for start, end in sentences:
        assert not music[start // 10: end // 10].any()


def test_words_of_a_failed_span_after_music_go_on_the_speech_after_it(speech_folder: Path) -> None:
    """A span that opens after a sentence's anchored last word, holds music, then a quiet sentence the aligner
    could not place: the sentence runs on from the span's start on the first speech there, which is after the
    music once music counts as nobody talking (on the music before: 7 s early)."""
    samples, sentences, _ = programme(speech_folder, "en-us", 2.0)
    recording = recording_of(samples)
    onsets = Onsets(recording.energy, music_frames(recording.pcm, len(recording.energy)))
    tokens = SENTENCES[2].lower().rstrip(".").split()
    span_start, (sentence_start, sentence_end) = sentences[1][1] + 50, sentences[2]  # after the anchor's sound
    ends = {99, 99 + len(tokens)}  # the anchored sentence before ends at token 99; this one opens at 100
    times, _ = fill_failed_span(tokens, 100, (span_start, sentence_end + 200), [3] * len(tokens), 75.0, onsets, (),
                                ends)
    assert abs(times[100][0] - sentence_start) <= 150
