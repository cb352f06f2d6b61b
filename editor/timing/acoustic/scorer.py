"""Per-frame log-likelihoods of senones, from the acoustic model's Gaussians, as pocketsphinx computes them.

Every Gaussian of every codebook is scored once per frame (one matrix product per stream) and each codebook
keeps its best few densities (`codebook_tops`); a senone then mixes those with its own weights
(`senone_score`), only when a search asks for it: senones nobody visits cost nothing, which is what makes
alignment cheaper than recognition.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from editor.timing.acoustic.jit import compiled, inlined, single_threaded_blas
from editor.timing.acoustic.model import AcousticModel

BLOCK_FRAMES = 500  # frames scored at once: bounds the density table to ~30 MB
TOP = 4  # densities kept per codebook and frame (pocketsphinx's -topn)
STEP = np.float32(0.01)  # resolution of the table that adds probabilities given as logs
ADD_TABLE = np.log1p(np.exp(-np.arange(0.0, 20.0, float(STEP)))).astype(np.float32)


class Tops(NamedTuple):
    """Each frame's best densities per stream and codebook: log densities, best first, and which they are."""

    values: np.ndarray  # (frames, streams, codebooks, TOP) float32
    where: np.ndarray  # (frames, streams, codebooks, TOP) uint8: a codebook has 128 densities


class Scorer:
    """Scores frames against one model's codebooks."""

    def __init__(self, model: AcousticModel) -> None:
        single_threaded_blas()  # the products are small: threads cost more than they save on two cores
        self.model = model
        self._products = [_density_product(model, stream) for stream in range(model.means.shape[0])]

    def codebook_tops(self, frames: np.ndarray) -> Tops:
        """The TOP best densities of every codebook on (frames, streams, dims) features."""
        streams, codebooks = self.model.means.shape[:2]
        values = np.empty((len(frames), streams, codebooks, TOP), np.float32)
        where = np.empty((len(frames), streams, codebooks, TOP), np.uint8)
        for first in range(0, len(frames), BLOCK_FRAMES):
            block = frames[first: first + BLOCK_FRAMES]
            for stream, product in enumerate(self._products):
                feature = block[:, stream, :]
                terms = np.hstack([feature * feature, feature, np.ones((len(block), 1), np.float32)])
                table = (terms @ product).reshape(len(block), -1, codebooks)
                _keep_top(table, values[first: first + len(block), stream], where[first: first + len(block), stream])
        return Tops(values, where)

    def scores(self, tops: Tops, senones: np.ndarray) -> np.ndarray:
        """(frames, senones) log-likelihoods in nats of the given senones on every frame."""
        result = np.empty((len(tops.values), len(senones)), np.float32)
        _fill_scores(tops.values, tops.where, self.model.log_weights, self.model.senone_codebook,
                     np.asarray(senones, np.int64), result)
        return result


def _density_product(model: AcousticModel, stream: int) -> np.ndarray:
    """(2 dims + 1, densities * codebooks): [x*x, x, 1] times this gives every Gaussian's log density, the
    codebooks side by side for each density (so the search for the best ones runs across codebooks at once)."""
    means, precision = model.means[stream], model.inverse_variances[stream]
    constant = model.log_norms[stream] - (precision * means * means).sum(axis=-1)
    rows = np.concatenate([-precision, 2 * precision * means, constant[..., None]], axis=-1)
    return np.ascontiguousarray(rows.transpose(1, 0, 2).reshape(-1, rows.shape[-1]).T, dtype=np.float32)


@compiled
def _keep_top(table: np.ndarray, values: np.ndarray, where: np.ndarray) -> None:  # pragma: no cover - compiled
    """The TOP largest of each frame's (densities, codebooks) table per codebook, best first.

    Branch-free, all codebooks at once: each density becomes an integer key that sorts as its float does,
    its low 7 bits replaced by its number (a change of under 0.01 %), and passes down a min/max ladder.
    """
    frames, densities, codebooks = table.shape
    bits = table.view(np.int32)
    ladder = np.empty((TOP, codebooks), np.int32)
    for frame in range(frames):
        ladder[:] = np.iinfo(np.int32).min
        for density in range(densities):
            row = bits[frame, density]
            for book in range(codebooks):
                key = (row[book] ^ ((row[book] >> 31) & 0x7FFFFFFF)) & -128 | density
                for rank in range(TOP - 1):
                    higher = max(ladder[rank, book], key)
                    key = min(ladder[rank, book], key)
                    ladder[rank, book] = higher
                ladder[TOP - 1, book] = max(ladder[TOP - 1, book], key)
        for book in range(codebooks):
            for rank in range(TOP):
                density = ladder[rank, book] & 127
                values[frame, book, rank] = table[frame, density, book]
                where[frame, book, rank] = density


@inlined
def senone_score(values: np.ndarray, where: np.ndarray, log_weights: np.ndarray, codebook: np.ndarray, frame: int,
                 senone: int) -> float:  # pragma: no cover - compiled
    """One senone's log-likelihood on one frame: per stream, its weights over the codebook's top densities."""
    book = codebook[senone]
    total = 0.0
    for stream in range(values.shape[1]):
        mixture = values[frame, stream, book, 0] + log_weights[stream, senone, where[frame, stream, book, 0]]
        for rank in range(1, TOP):
            other = values[frame, stream, book, rank] + log_weights[stream, senone, where[frame, stream, book, rank]]
            high, gap = max(mixture, other), abs(mixture - other)
            slot = int(gap / STEP)
            mixture = high + (ADD_TABLE[slot] if slot < len(ADD_TABLE) else 0.0)
        total += mixture
    return total


@compiled
def _fill_scores(values: np.ndarray, where: np.ndarray, log_weights: np.ndarray, codebook: np.ndarray,
                 senones: np.ndarray, result: np.ndarray) -> None:  # pragma: no cover - compiled
    for frame in range(values.shape[0]):
        for column in range(len(senones)):
            result[frame, column] = senone_score(values, where, log_weights, codebook, frame, senones[column])
