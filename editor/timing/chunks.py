"""Where to cut long audio into chunks a recogniser can take: at the quietest moment near each target.

Cutting inside a word would lose it from both chunks, so each cut goes to the lowest-energy frame within a
few seconds of where a fixed-length cut would fall.
"""

from __future__ import annotations

import itertools

import numpy as np

FRAME_MS = 10
CHUNK_MS = 20_000
SEARCH_MS = 3_000
BLOCK_FRAMES = 6000  # a minute of frames


def frame_energy(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Mean square of each 10 ms frame: cheap loudness to find pauses by (a minute at a time, so an hour
    of audio is never copied whole)."""
    frame = max(1, sample_rate * FRAME_MS // 1000)
    count = len(samples) // frame
    energy = np.zeros(count, dtype=np.float64)
    for first in range(0, count, BLOCK_FRAMES):
        last = min(count, first + BLOCK_FRAMES)
        block = samples[first * frame: last * frame].astype(np.float64).reshape(last - first, frame)
        energy[first:last] = (block**2).mean(axis=1)
    return energy


def chunk_bounds(energy: np.ndarray, duration_ms: int, chunk_ms: int = CHUNK_MS) -> list[tuple[int, int]]:
    """(start_ms, end_ms) of consecutive chunks covering the audio, each cut at a quiet frame (`energy`: the
    audio's frame_energy)."""
    cuts = [0]
    while duration_ms - cuts[-1] > chunk_ms * 3 // 2:
        target = (cuts[-1] + chunk_ms) // FRAME_MS
        low, high = target - SEARCH_MS // FRAME_MS, min(target + SEARCH_MS // FRAME_MS, len(energy))
        quietest = low + int(np.argmin(_smoothed(energy[low:high])))
        cuts.append(quietest * FRAME_MS)
    cuts.append(duration_ms)
    return list(itertools.pairwise(cuts))


def _smoothed(energy: np.ndarray) -> np.ndarray:
    """Energy over 50 ms, so a single quiet frame inside a word does not look like a pause."""
    kernel = np.ones(5) / 5
    return np.asarray(np.convolve(energy, kernel, mode="same"))
