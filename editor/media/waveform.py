"""Waveform peaks: min/max of the audio per bucket at several zoom levels, reduced while the audio streams.

The finest level holds one bucket per millisecond; each coarser level merges four buckets, so any zoom
answers from a level where a pixel spans one to four buckets. Values are stored as int8 (display
precision is a pixel, not a bit), so three hours of peaks fit in about 30 MB and in a small cache file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from editor.media.audio import DEFAULT_SAMPLE_RATE, CancelCheck, ProgressCallback, iter_audio_chunks

SAMPLES_PER_BASE_BUCKET = 16  # 1 ms at 16 kHz
LEVEL_FACTOR = 4
LEVEL_COUNT = 7  # 1 ms .. 4 s per bucket
_SCALE = 127.0
_CACHE_VERSION = 1


@dataclass(frozen=True)
class PeakLevel:
    """One zoom level: the lowest and highest sample of each bucket, scaled to int8."""

    samples_per_bucket: int
    mins: np.ndarray
    maxs: np.ndarray


@dataclass(frozen=True)
class Peaks:
    """The waveform of one media file; `minmax` answers the timeline's PeakSource protocol."""

    sample_rate: int
    sample_count: int
    levels: tuple[PeakLevel, ...]  # finest first

    @property
    def duration_ms(self) -> int:
        return round(self.sample_count * 1000 / self.sample_rate)

    def minmax(self, start_ms: int, end_ms: int, buckets: int) -> tuple[np.ndarray, np.ndarray]:
        """Lowest and highest sample in [-1, 1] for each of `buckets` equal slices of [start_ms, end_ms)."""
        lows = np.zeros(max(0, buckets), dtype=np.float32)
        highs = np.zeros_like(lows)
        if buckets <= 0 or end_ms <= start_ms or self.sample_count == 0:
            return lows, highs
        level = self._level_for((end_ms - start_ms) / buckets)
        bucket_ms = level.samples_per_bucket * 1000 / self.sample_rate
        edges_ms = np.linspace(start_ms, end_ms, buckets + 1)
        edges = edges_ms / bucket_ms
        first = np.floor(edges[:-1]).astype(np.int64)
        count = level.mins.size
        inside = (edges_ms[1:] > 0) & (edges_ms[:-1] < self.duration_ms) & (first < count)
        if not inside.any():
            return lows, highs
        starts = np.clip(first[inside], 0, count - 1)
        stop = min(count, max(int(np.ceil(edges[-1])), int(starts[-1]) + 1))
        lows[inside] = np.minimum.reduceat(level.mins[:stop], starts) / _SCALE
        highs[inside] = np.maximum.reduceat(level.maxs[:stop], starts) / _SCALE
        return lows, highs

    def _level_for(self, ms_per_slice: float) -> PeakLevel:
        """The coarsest level whose bucket still fits in one slice, so a pixel reads at most four buckets."""
        chosen = self.levels[0]
        for level in self.levels:
            if level.samples_per_bucket * 1000 / self.sample_rate <= ms_per_slice:
                chosen = level
        return chosen


class _BaseReducer:
    """Reduces streamed samples to 1 ms min/max buckets, carrying the remainder across chunk edges."""

    def __init__(self) -> None:
        self.mins: list[np.ndarray] = []
        self.maxs: list[np.ndarray] = []
        self.sample_count = 0
        self._carry = np.zeros(0, dtype=np.float32)

    def add(self, samples: np.ndarray) -> None:
        self.sample_count += samples.size
        joined = np.concatenate((self._carry, samples)) if self._carry.size else samples
        whole = joined.size - joined.size % SAMPLES_PER_BASE_BUCKET
        self._reduce(joined[:whole])
        self._carry = joined[whole:].copy()

    def finish(self) -> PeakLevel:
        if self._carry.size:
            padded = np.pad(self._carry, (0, SAMPLES_PER_BASE_BUCKET - self._carry.size), mode="edge")
            self._reduce(padded)
            self._carry = np.zeros(0, dtype=np.float32)
        mins = np.concatenate(self.mins) if self.mins else np.zeros(0, dtype=np.int8)
        maxs = np.concatenate(self.maxs) if self.maxs else np.zeros(0, dtype=np.int8)
        return PeakLevel(SAMPLES_PER_BASE_BUCKET, mins, maxs)

    def _reduce(self, samples: np.ndarray) -> None:
        if not samples.size:
            return
        rows = samples.reshape(-1, SAMPLES_PER_BASE_BUCKET)
        self.mins.append(_to_int8(rows.min(axis=1)))
        self.maxs.append(_to_int8(rows.max(axis=1)))


def peaks_from_samples(
    chunks: Iterable[np.ndarray], sample_rate: int = DEFAULT_SAMPLE_RATE
) -> Peaks:
    """Peaks of float mono samples given as consecutive chunks (or one array in a list)."""
    reducer = _BaseReducer()
    for chunk in chunks:
        reducer.add(np.asarray(chunk, dtype=np.float32).reshape(-1))
    levels = [reducer.finish()]
    while len(levels) < LEVEL_COUNT:
        levels.append(_coarser(levels[-1]))
    return Peaks(sample_rate, reducer.sample_count, tuple(levels))


def compute_peaks(
    media_path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Peaks:
    """Decode the media's audio chunk by chunk and keep only the peaks (raises MediaError/DecodeCancelled)."""
    chunks = iter_audio_chunks(media_path, DEFAULT_SAMPLE_RATE, progress=progress, cancelled=cancelled)
    return peaks_from_samples(chunks, DEFAULT_SAMPLE_RATE)


def cache_path_beside(project_path: Path) -> Path:
    """Where a project's peaks live: next to it, so they travel with the project folder."""
    return project_path.with_name(project_path.stem + ".peaks.npz")


def load_or_compute_peaks(
    media_path: Path,
    cache_path: Path | None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Peaks:
    """The cached peaks when they were made from this very media file; otherwise compute and cache them."""
    if cache_path is not None:
        cached = load_peaks(cache_path, media_path)
        if cached is not None:
            if progress is not None:
                progress(1.0)
            return cached
    peaks = compute_peaks(media_path, progress=progress, cancelled=cancelled)
    if cache_path is not None:
        _save_quietly(peaks, cache_path, media_path)
    return peaks


def save_peaks(peaks: Peaks, cache_path: Path, media_path: Path) -> None:
    """Write the cache atomically, keyed to the media's name, size and modification time."""
    arrays: dict[str, np.ndarray] = {
        "key": np.array(_media_key(media_path)),
        "header": np.array([_CACHE_VERSION, peaks.sample_rate, peaks.sample_count], dtype=np.int64),
    }
    for index, level in enumerate(peaks.levels):
        arrays[f"mins{index}"] = level.mins
        arrays[f"maxs{index}"] = level.maxs
        arrays[f"spb{index}"] = np.array(level.samples_per_bucket)
    handle, temporary = tempfile.mkstemp(prefix=cache_path.name, suffix=".tmp", dir=cache_path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, **arrays)  # type: ignore[arg-type]
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, cache_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_peaks(cache_path: Path, media_path: Path) -> Peaks | None:
    """Cached peaks, or None when the cache is missing, stale (media changed) or unreadable."""
    try:
        with np.load(cache_path, allow_pickle=False) as data:
            version, sample_rate, sample_count = (int(value) for value in data["header"])
            if version != _CACHE_VERSION or str(data["key"]) != _media_key(media_path):
                return None
            levels = tuple(_level_from(data, index) for index in range(LEVEL_COUNT))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None
    return Peaks(sample_rate, sample_count, levels)


def _level_from(data: np.lib.npyio.NpzFile, index: int) -> PeakLevel:
    return PeakLevel(int(data[f"spb{index}"]), data[f"mins{index}"], data[f"maxs{index}"])


def _save_quietly(peaks: Peaks, cache_path: Path, media_path: Path) -> None:
    """A read-only project folder only costs a recompute next time, never the waveform itself."""
    with contextlib.suppress(OSError):
        save_peaks(peaks, cache_path, media_path)


def _media_key(media_path: Path) -> str:
    stat = Path(media_path).stat()
    return f"{Path(media_path).name}|{stat.st_size}|{stat.st_mtime_ns}"


def _coarser(level: PeakLevel) -> PeakLevel:
    return PeakLevel(
        level.samples_per_bucket * LEVEL_FACTOR,
        _reduce_groups(level.mins, np.minimum),
        _reduce_groups(level.maxs, np.maximum),
    )


def _reduce_groups(values: np.ndarray, reduce: Callable[..., np.ndarray]) -> np.ndarray:
    if not values.size:
        return values
    starts = np.arange(0, values.size, LEVEL_FACTOR)
    return reduce.reduceat(values, starts)  # type: ignore[attr-defined, no-any-return]


def _to_int8(values: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(values * _SCALE), -_SCALE, _SCALE).astype(np.int8)
