"""The programme's audio as auto-sync reads it, in half the memory of float samples.

The recogniser reads 16-bit PCM, so that is what is kept (an hour: 115 MB instead of 230 MB of float32). The
loudness of every 10 ms frame, which the chunk cuts, the speech onsets and the word rises read, is measured from
the decoder's float samples as they stream past, so it is the same, to the last bit, as when it was measured on
the float array afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from editor.timing.chunks import frame_energy
from editor.timing.word_onsets import emphasised_energy

SAMPLE_RATE = 16_000
FRAME = SAMPLE_RATE // 100  # samples in a 10 ms frame
PCM = "<i2"  # 16-bit little-endian: the recogniser's input
BLOCK = 10 * SAMPLE_RATE  # samples measured at once: ten seconds at a time is 5 times quicker than an hour at once


def pcm16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] as the 16-bit PCM the recogniser reads."""
    return np.asarray((np.clip(samples, -1.0, 1.0) * 32767).astype(PCM))


@dataclass(frozen=True)
class Recording:
    """16 kHz mono audio as 16-bit PCM, with the mean square of each 10 ms frame, plain (`energy`) and after
    the recogniser's pre-emphasis (`emphasised`, for word_onsets.Rises)."""

    pcm: np.ndarray
    energy: np.ndarray
    emphasised: np.ndarray

    @property
    def duration_ms(self) -> int:
        return len(self.pcm) * 1000 // SAMPLE_RATE

    def pcm_bytes(self, start_ms: int, end_ms: int) -> bytes:
        """The PCM of [start_ms, end_ms), as a recogniser job carries it."""
        return bytes(self.pcm[start_ms * SAMPLE_RATE // 1000: end_ms * SAMPLE_RATE // 1000].tobytes())


class RecordingBuilder:
    """A Recording made from consecutive float32 chunks of a 16 kHz stream (as media.audio streams them),
    keeping only samples first..last-1 of it (a scope's stretch of the programme; all of it by default).

    The PCM goes into one array sized from `expected` (the stream's stated length), so it is never held twice,
    as in a list of chunks and their concatenation; samples past the estimate are appended.
    """

    def __init__(self, first: int = 0, last: int | None = None, expected: int = 0) -> None:
        self._first, self._last = first, last
        self._pcm = np.empty(max(0, (expected if last is None else min(expected, last)) - first), PCM)
        self._filled = 0
        self._beyond: list[np.ndarray] = []
        self._energy: list[np.ndarray] = []
        self._emphasised: list[np.ndarray] = []
        self._unframed = np.zeros(0, np.float32)  # kept samples of a frame not yet whole
        self._before = 0.0  # the sample before the next frame (silence before the first)
        self.seen = 0  # samples the stream held so far, kept or not

    def add(self, chunk: np.ndarray) -> None:
        """The stream's next samples."""
        begin = self.seen
        self.seen += len(chunk)
        low = min(len(chunk), max(0, self._first - begin))
        high = len(chunk) if self._last is None else min(len(chunk), max(0, self._last - begin))
        if high > low:
            self._keep(chunk[low:high])

    def _keep(self, samples: np.ndarray) -> None:
        pcm = pcm16(samples)
        fits = min(len(pcm), len(self._pcm) - self._filled)
        self._pcm[self._filled: self._filled + fits] = pcm[:fits]
        self._filled += fits
        if fits < len(pcm):
            self._beyond.append(pcm[fits:])
        pending = np.concatenate([self._unframed, samples]) if len(self._unframed) else samples
        whole = len(pending) // FRAME * FRAME
        if whole:
            framed = pending[:whole]
            self._energy.append(frame_energy(framed, SAMPLE_RATE))
            self._emphasised.append(emphasised_energy(framed, self._before))
            self._before = float(framed[-1])
        self._unframed = pending[whole:]

    def recording(self) -> Recording:
        """What was kept (a part frame at the end counts in the PCM, not in the frame energies)."""
        kept = self._pcm[: self._filled]
        pcm = np.concatenate([kept, *self._beyond]) if self._beyond else kept
        return Recording(pcm, _joined(self._energy), _joined(self._emphasised))


def recording_of(samples: np.ndarray) -> Recording:
    """Float samples in [-1, 1] at 16 kHz already in memory (a test's speech, a short clip) as a Recording."""
    builder = RecordingBuilder(expected=len(samples))
    for first in range(0, len(samples), BLOCK):
        builder.add(np.asarray(samples[first: first + BLOCK], dtype=np.float32))
    return builder.recording()


def recorded(chunks: Iterable[np.ndarray], first: int = 0, last: int | None = None, expected: int = 0,
             ) -> tuple[Recording, int]:
    """Samples first..last-1 of a stream of float32 chunks as a Recording, and how many samples the stream
    held in all."""
    builder = RecordingBuilder(first, last, expected)
    for chunk in chunks:
        builder.add(chunk)
    return builder.recording(), builder.seen


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, np.float64)
