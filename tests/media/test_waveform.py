"""Waveform peaks: right values at every zoom, streamed without holding the audio, cached beside the project."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from mediagen import TONE_SECONDS, MakeMedia

from editor.media.audio import DecodeCancelled, MediaError
from editor.media.waveform import (
    cache_path_beside,
    compute_peaks,
    load_or_compute_peaks,
    load_peaks,
    peaks_from_samples,
)

RATE = 16000


def tone_then_silence(seconds_of_tone: float, seconds_of_silence: float, amplitude: float) -> np.ndarray:
    t = np.arange(int(seconds_of_tone * RATE)) / RATE
    tone = amplitude * np.sin(2 * np.pi * 440 * t)
    return np.concatenate((tone, np.zeros(int(seconds_of_silence * RATE)))).astype(np.float32)


def test_peaks_of_the_generated_tone_match_its_amplitude(bars_mp4: Path) -> None:
    peaks = compute_peaks(bars_mp4)
    assert peaks.duration_ms == TONE_SECONDS * 1000
    lows, highs = peaks.minmax(0, TONE_SECONDS * 1000, 300)
    np.testing.assert_allclose(highs, 1 / 8, atol=0.02)
    np.testing.assert_allclose(lows, -1 / 8, atol=0.02)


@pytest.mark.parametrize("pixels", [7, 100, 1000, 6000, 50000])
def test_every_zoom_shows_loud_then_silent(pixels: int) -> None:
    peaks = peaks_from_samples([tone_then_silence(2, 2, 0.5)])
    lows, highs = peaks.minmax(0, 4000, pixels)
    assert len(lows) == len(highs) == pixels
    starts = np.linspace(0, 4000, pixels + 1)
    loud, quiet = starts[1:] <= 1990, starts[:-1] >= 2010
    assert np.all(highs[loud] - lows[loud] > 0.3)  # a 1 ms bucket holds at least 0.4 of a 440 Hz cycle
    assert np.all(np.abs(highs[quiet]) < 0.01) and np.all(np.abs(lows[quiet]) < 0.01)


def test_a_pixel_shows_the_extremes_of_its_whole_slice() -> None:
    samples = np.zeros(RATE * 10, dtype=np.float32)
    samples[RATE * 3 + 5] = 0.9  # one click, one sample wide
    samples[RATE * 7 + 11] = -0.6
    peaks = peaks_from_samples([samples])
    lows, highs = peaks.minmax(0, 10_000, 10)
    assert highs[3] == pytest.approx(0.9, abs=0.01) and highs.sum() == pytest.approx(0.9, abs=0.01)
    assert lows[7] == pytest.approx(-0.6, abs=0.01) and lows.sum() == pytest.approx(-0.6, abs=0.01)


def test_outside_the_media_is_flat() -> None:
    peaks = peaks_from_samples([tone_then_silence(1, 0, 0.5)])
    lows, highs = peaks.minmax(-1000, 3000, 4)
    assert list(highs[[0, 2, 3]]) == [0, 0, 0] and list(lows[[0, 2, 3]]) == [0, 0, 0]
    assert highs[1] > 0.4


def test_chunk_edges_do_not_change_the_peaks() -> None:
    samples = np.random.default_rng(4).uniform(-1, 1, RATE * 3 + 7).astype(np.float32)
    whole = peaks_from_samples([samples])
    pieces = peaks_from_samples(np.array_split(samples, 13))
    assert whole.sample_count == pieces.sample_count == samples.size
    for one, other in zip(whole.levels, pieces.levels, strict=True):
        np.testing.assert_array_equal(one.mins, other.mins)
        np.testing.assert_array_equal(one.maxs, other.maxs)


def test_peaks_are_cached_beside_the_project_and_reused(tone_wav: Path, tmp_path: Path) -> None:
    project = tmp_path / "news.cueline"
    cache = cache_path_beside(project)
    assert cache.parent == tmp_path
    first = load_or_compute_peaks(tone_wav, cache)
    assert cache.exists()
    again = load_or_compute_peaks(tone_wav, cache, cancelled=lambda: True)  # a decode would be cancelled
    np.testing.assert_array_equal(again.levels[0].maxs, first.levels[0].maxs)


def test_a_changed_media_file_makes_the_cache_stale(make_media: MakeMedia, tmp_path: Path) -> None:
    media = make_media("clip.wav", seconds=1)
    cache = tmp_path / "clip.peaks.npz"
    load_or_compute_peaks(media, cache)
    make_media("clip.wav", seconds=2)
    os.utime(media, ns=(1, 1))
    assert load_peaks(cache, media) is None
    assert load_or_compute_peaks(media, cache).duration_ms == 2000


def test_a_damaged_cache_is_recomputed(tone_wav: Path, tmp_path: Path) -> None:
    cache = tmp_path / "tone.peaks.npz"
    cache.write_bytes(b"PK\x03\x04 not really a zip")
    assert load_peaks(cache, tone_wav) is None
    assert load_or_compute_peaks(tone_wav, cache).duration_ms == TONE_SECONDS * 1000
    assert load_peaks(cache, tone_wav) is not None


def test_cancel_and_bad_media_reach_the_caller(tone_wav: Path, tmp_path: Path) -> None:
    with pytest.raises(DecodeCancelled):
        compute_peaks(tone_wav, cancelled=lambda: True)
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(MediaError, match=r"junk\.mp3"):
        load_or_compute_peaks(junk, tmp_path / "junk.peaks.npz")
