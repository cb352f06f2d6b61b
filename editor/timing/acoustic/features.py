"""The acoustic model's features, computed as pocketsphinx computes them (so its Gaussians fit them).

MFCC with the en-us model's settings (pre-emphasis 0.97, 410-sample Hamming window every 10 ms, 512-point FFT,
25 unit-area mel filters from 130 to 6800 Hz rounded to FFT bins, orthogonal DCT-II, lifter 22) after the
model's spectral noise removal, normalised by the job's mean (batch CMN), then deltas and double deltas:
3 streams of 13 per 10 ms frame. benchmarks/autosync/front_end_match.py checked that pocketsphinx hears the
same words at the same frames from these as from its own.
"""

from __future__ import annotations

import functools

import numpy as np

from editor.timing.acoustic.jit import compiled, inlined

SAMPLE_RATE, SHIFT, SIZE, FFT_SIZE, FILTERS, CEPSTRA, LIFTER = 16_000, 160, 410, 512, 25, 13, 22
LOWEST_HZ, HIGHEST_HZ, PRE_EMPHASIS = 130.0, 6800.0, 0.97
MAX_GAIN = 20.0
LOG_FLOOR = 1e-4  # added to mel power before its log, as pocketsphinx does (digital silence stays finite)
DELTA_REACH = 2  # deltas are c[t+2] - c[t-2]
BLOCK_FRAMES = 3000  # frames transformed at once (30 s), so long jobs are never copied whole


def features(samples: np.ndarray) -> np.ndarray:
    """(frames, 3, 13) features of float samples in [-1, 1] at 16 kHz, one job's worth (normalised on it)."""
    pcm = np.round(np.clip(samples, -1.0, 1.0) * 32767).astype(np.float64)
    count = 1 + (len(pcm) - SIZE) // SHIFT if len(pcm) >= SIZE else 0
    if count < 1:
        return np.zeros((0, 3, CEPSTRA), np.float32)
    emphasised = np.concatenate([pcm[:1], pcm[1:] - PRE_EMPHASIS * pcm[:-1]])
    mel = np.concatenate([_mel_power(emphasised, first, min(count, first + BLOCK_FRAMES))
                          for first in range(0, count, BLOCK_FRAMES)])
    cleaned = _without_noise(mel, _NEIGHBOURS)
    cepstra = np.log(cleaned + LOG_FLOOR) @ _dct().T
    with_energy = cepstra[cepstra[:, 0] >= 0]  # pocketsphinx's batch CMN leaves frames without energy out
    cepstra -= (with_energy if len(with_energy) else cepstra).mean(axis=0)
    return _with_deltas(cepstra.astype(np.float32))


def _mel_power(emphasised: np.ndarray, first: int, last: int) -> np.ndarray:
    frames = np.lib.stride_tricks.sliding_window_view(emphasised, SIZE)[first * SHIFT: (last - 1) * SHIFT + 1: SHIFT]
    spectrum = np.fft.rfft(frames * _window(), FFT_SIZE)
    return np.asarray((spectrum.real**2 + spectrum.imag**2) @ mel_filters().T)


def _with_deltas(cepstra: np.ndarray) -> np.ndarray:
    """Cepstra, c[t+2] - c[t-2] and (c[t+3] - c[t-1]) - (c[t+1] - c[t-3]), edges padded with their frames."""
    reach = DELTA_REACH + 1
    padded = np.concatenate([np.repeat(cepstra[:1], reach, 0), cepstra, np.repeat(cepstra[-1:], reach, 0)])
    count = len(cepstra)

    def at(shift: int) -> np.ndarray:
        return padded[reach + shift: reach + shift + count]

    deltas = at(2) - at(-2)
    doubles = (at(3) - at(-1)) - (at(1) - at(-3))
    return np.ascontiguousarray(np.stack([cepstra, deltas, doubles], axis=1))


@functools.cache
def _window() -> np.ndarray:
    return np.hamming(SIZE)


@functools.cache
def mel_filters() -> np.ndarray:
    """Triangular filters, even on the mel scale, their corners rounded to FFT bins, each of unit area."""
    def to_mel(hz: float) -> float:
        return 2595.0 * float(np.log10(1 + hz / 700.0))

    def from_mel(mel: float) -> float:
        return 700.0 * (10 ** (mel / 2595.0) - 1)

    step = (to_mel(HIGHEST_HZ) - to_mel(LOWEST_HZ)) / (FILTERS + 1)
    bin_hz = SAMPLE_RATE / FFT_SIZE
    hz = np.arange(FFT_SIZE // 2 + 1) * bin_hz
    filters = np.zeros((FILTERS, len(hz)))
    for index in range(FILTERS):
        low, mid, high = (round(from_mel(to_mel(LOWEST_HZ) + (index + k) * step) / bin_hz) * bin_hz for k in range(3))
        rising, falling = (hz - low) / (mid - low), (high - hz) / (high - mid)
        filters[index] = np.clip(np.minimum(rising, falling), 0, None) * 2.0 / (high - low)
    return filters


@functools.cache
def _dct() -> np.ndarray:
    """Orthogonal DCT-II rows, liftered."""
    basis = np.cos(np.pi * np.outer(np.arange(CEPSTRA), np.arange(FILTERS) + 0.5) / FILTERS)
    scale = np.full(CEPSTRA, np.sqrt(2 / FILTERS))
    scale[0] = np.sqrt(1 / FILTERS)
    basis *= scale.reshape(-1, 1)
    return basis * (1 + LIFTER / 2 * np.sin(np.arange(CEPSTRA) * np.pi / LIFTER))[:, None]


_NEIGHBOURS = np.convolve(np.ones(FILTERS), np.ones(9), "same")  # filters within 4 of each, at the edges fewer


@compiled
def _without_noise(mel_power: np.ndarray, neighbours: np.ndarray) -> np.ndarray:  # pragma: no cover - compiled
    """Mel power with the noise floor taken out as pocketsphinx's noise removal does it (Doblinger's minimum
    tracking, Kim's power-normalised cepstra): each filter's smoothed power less a slowly rising noise
    estimate, kept above a floor and after a decaying peak, becomes a gain averaged over 9 neighbouring
    filters. The estimate runs through the frames in order from the job's first frame."""
    frames, filters = mel_power.shape
    power = mel_power[0].copy()
    noise, floor, peak = power / MAX_GAIN, power / MAX_GAIN, np.zeros(filters)
    gain = np.empty(filters)
    cleaned = np.empty_like(mel_power)
    for frame in range(frames):
        for k in range(filters):
            power[k] = 0.7 * power[k] + 0.3 * mel_power[frame, k]
            noise[k] = _follow(power[k], noise[k])
            signal = max(power[k] - noise[k], 1.0)
            floor[k] = _follow(signal, floor[k])
            peak[k] *= 0.85
            masked = peak[k] * 0.2 if signal < 0.85 * peak[k] else signal
            peak[k] = max(peak[k], signal)
            signal = max(masked, floor[k])
            gain[k] = max(signal / power[k] if signal < MAX_GAIN * power[k] else MAX_GAIN, 1 / MAX_GAIN)
        for k in range(filters):
            total = 0.0
            for j in range(max(0, k - 4), min(filters, k + 5)):
                total += gain[j]
            cleaned[frame, k] = mel_power[frame, k] * total / neighbours[k]
    return cleaned


@inlined
def _follow(value: float, envelope: float) -> float:  # pragma: no cover - compiled
    """An envelope that follows values up slowly and down fast."""
    return 0.995 * envelope + 0.005 * value if value >= envelope else 0.5 * envelope + 0.5 * value
