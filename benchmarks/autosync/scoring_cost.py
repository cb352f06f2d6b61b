"""What scoring every frame of 12:45 against the acoustic model would cost vectorised, instead of pocketsphinx.

    python -m venv /tmp/scoring && /tmp/scoring/bin/pip install numpy numba   # numba: BSD-2, not a Cueline dependency
    OPENBLAS_NUM_THREADS=1 /tmp/scoring/bin/python benchmarks/autosync/scoring_cost.py [--frames N]

The en-us model is phonetically tied: 42 codebooks of 128 Gaussians over 3 streams of 13 features, and 5126
senones, each a mixture over its codebook's top 4 Gaussians in each stream. This times, on random data of
those shapes (speed does not depend on the values), the three steps of scoring all 76,500 frames of 12:45: every
Gaussian (one matrix product of [x², x, 1] per stream, BLAS), the top 4 of each codebook (numba), and every
senone's mixture over them (numba). Pocketsphinx recognises 12:45 in about 45-50 s of CPU, about 80 % of it
scoring, but it scores only the senones its search keeps active.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

try:
    import numba
except ImportError as missing:
    raise SystemExit("needs numba in a separate venv (see the docstring); Cueline does not depend on it") from missing

FRAMES_12_45 = 76_500
CODEBOOKS, DENSITIES, STREAMS, FEATURES, SENONES, TOP = 42, 128, 3, 13, 5126, 4
BLOCK = 1000


@numba.njit(cache=True, fastmath=True)
def top_densities(scores: np.ndarray, values: np.ndarray, indices: np.ndarray) -> None:
    """The TOP best densities of each frame's codebooks, best first (insertion into a short sorted list)."""
    for frame in range(scores.shape[0]):
        for book in range(scores.shape[1]):
            best, where = values[frame, book], indices[frame, book]
            best[:] = -1e30
            for density in range(scores.shape[2]):
                value = scores[frame, book, density]
                slot = TOP - 1
                if value <= best[slot]:
                    continue
                while slot > 0 and best[slot - 1] < value:
                    best[slot], where[slot] = best[slot - 1], where[slot - 1]
                    slot -= 1
                best[slot], where[slot] = value, density


@numba.njit(cache=True, fastmath=True)
def add_senones(values: np.ndarray, indices: np.ndarray, codebook: np.ndarray, weights: np.ndarray,
                total: np.ndarray) -> None:
    """Add one stream's log mixture (over the top densities) to every senone of every frame."""
    for frame in range(values.shape[0]):
        for senone in range(codebook.shape[0]):
            book = codebook[senone]
            peak = -1e30
            for rank in range(TOP):
                peak = max(peak, values[frame, book, rank] - weights[senone, indices[frame, book, rank]])
            mixture = 0.0
            for rank in range(TOP):
                mixture += np.exp(values[frame, book, rank] - weights[senone, indices[frame, book, rank]] - peak)
            total[frame, senone] += peak + np.log(mixture)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=5000, help="frames timed (the figures are scaled to 12:45)")
    frames = parser.parse_args().frames
    rng = np.random.default_rng(0)
    gaussians = [rng.standard_normal((2 * FEATURES + 1, CODEBOOKS * DENSITIES)).astype(np.float32)
                 for _ in range(STREAMS)]
    weights = [rng.uniform(0, 20, (SENONES, DENSITIES)).astype(np.float32) for _ in range(STREAMS)]
    codebook = np.sort(rng.integers(0, CODEBOOKS, SENONES)).astype(np.int32)
    spent = dict.fromkeys(("every Gaussian (BLAS)", "top 4 per codebook (numba)", "every senone (numba)"), 0.0)
    step(rng, 10, gaussians, weights, codebook, dict(spent))  # compile first
    for _ in range(0, frames, BLOCK):
        step(rng, BLOCK, gaussians, weights, codebook, spent)
    scale = FRAMES_12_45 / (frames // BLOCK * BLOCK)
    print(f"CPU seconds to score the {FRAMES_12_45} frames of 12:45 ({frames} timed):")
    for name, seconds in spent.items():
        print(f"| {name} | {seconds * scale:.1f} |")


def step(rng: np.random.Generator, count: int, gaussians: list[np.ndarray], weights: list[np.ndarray],
         codebook: np.ndarray, spent: dict[str, float]) -> None:
    """Score `count` frames of random features, adding each step's CPU seconds to `spent`."""
    features = rng.standard_normal((count, FEATURES)).astype(np.float32)
    terms = np.hstack([features**2, features, np.ones((count, 1), np.float32)])
    total = np.zeros((count, SENONES), np.float32)
    names = list(spent)
    for stream in range(STREAMS):
        began = time.process_time()
        scores = (terms @ gaussians[stream]).reshape(count, CODEBOOKS, DENSITIES)
        ranked = time.process_time()
        values = np.empty((count, CODEBOOKS, TOP), np.float32)
        indices = np.empty((count, CODEBOOKS, TOP), np.int32)
        top_densities(scores, values, indices)
        chosen = time.process_time()
        add_senones(values, indices, codebook, weights[stream], total)
        spent[names[0]] += ranked - began
        spent[names[1]] += chosen - ranked
        spent[names[2]] += time.process_time() - chosen


if __name__ == "__main__":
    main()
