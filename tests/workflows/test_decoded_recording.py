"""The audio auto-sync keeps of a programme (16-bit, half the memory of float samples) gives it what the float
samples gave: the same PCM for the recogniser and, to the bit, the same frame loudness, whole or a scope's part."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from mediagen import decoded_samples, generate_media

from editor.timing.chunks import frame_energy
from editor.timing.recognize import pcm_bytes
from editor.timing.word_onsets import emphasised_energy
from editor.workflows.autosync import decoded

RATE = 16_000


def test_the_recording_holds_what_the_float_samples_give_the_aligner(tmp_path: Path) -> None:
    media = generate_media(tmp_path / "tone.mp4", seconds=23.3)  # AAC: samples off the 16-bit grid
    samples = decoded_samples(media, RATE)
    recording, decoded_ms = decoded(media)
    assert decoded_ms == len(samples) * 1000 // RATE
    assert recording.pcm.dtype.itemsize == 2 and recording.pcm.tobytes() == pcm_bytes(samples)
    np.testing.assert_array_equal(recording.energy, frame_energy(samples, RATE))
    np.testing.assert_array_equal(recording.emphasised, emphasised_energy(samples, 0.0))


def test_a_scope_keeps_only_its_samples_measured_from_its_own_start(tmp_path: Path) -> None:
    media = generate_media(tmp_path / "tone.wav", seconds=12)
    samples = decoded_samples(media, RATE)
    first, last = 3 * RATE + 77, 9 * RATE + 5  # not on a 10 ms frame of the whole
    recording, decoded_ms = decoded(media, first, last)
    assert decoded_ms == 12_000 and recording.duration_ms == (last - first) * 1000 // RATE
    assert recording.pcm.tobytes() == pcm_bytes(samples[first:last])
    np.testing.assert_array_equal(recording.energy, frame_energy(samples[first:last], RATE))
