"""Music told from speech: a stretch whose spectrum holds still for seconds is music, not someone talking.

Speech changes its spectrum with every phone (about every 80 ms), so the sound 200 ms on seldom shares it;
the notes and chords of music hold theirs as long as they sound. Loudness cannot tell the two apart: music
louder than a quiet voice passes any threshold, and a sentence after it was put on the music ("And it's up"
7.5 s early, s-mix-10dB). The spectrum compared is its part above the noise floor of the minute around it
(steady noise, alike in every frame, would make every stretch look held).
"""

from __future__ import annotations

import numpy as np

SAMPLE_RATE = 16_000
HOP = SAMPLE_RATE // 100  # one spectrum per 10 ms frame, as the frame loudness
FFT = 512  # 32 ms: a few pitch periods, so a held note shows as steady peaks (16 ms blurs them into speech's)
LOW_BIN, HIGH_BIN = 4, 128  # 125-4000 Hz: where voices and instruments share the band
STEP = 2  # a spectrum every other frame (20 ms; half the CPU, and music holds far longer)
LAG_FRAMES = 20  # 200 ms apart: longer than a phone holds its sound, shorter than a note
WINDOW_FRAMES = 50  # the likeness averaged over half a second either side (a chord change is a blip in it)
# Mean likeness (cosine of the spectra's excess over the floor, 200 ms apart) above which sound holds still.
# Tune half and syncacc9's and syncacc10's own sets (flite mixes at 10-12 dB, espeak-ng): music's frames 0.77-0.80
# (5th percentile), sentences' 0.76-0.80 (99th), so frames alone cannot tell; runs can (MUSIC_MIN_FRAMES).
HELD_LIKENESS = 0.72
# 2 s held at least. Every music insert of those sets (6-10 s) is found to within 0.1 s of its edges; of their
# speech, one stretch of flite slt in t-mix-shorts (3.5 s) passes for music, no other sentence, pause or insert.
MUSIC_MIN_FRAMES = 200
FLOOR_PERCENTILE = 20  # each band's noise floor: the level it keeps in the quietest fifth of its frames...
FLOOR_MARGIN = 2.0  # ...and the excess counted only where power is twice that (3 dB over the floor)
EDGE_FRAMES = 10  # where a held stretch's edge lies: the likeness averaged over 100 ms either side
EDGE_REACH_FRAMES = WINDOW_FRAMES + LAG_FRAMES  # how far the half-second average can blur an edge
BLOCK_FRAMES = 6000  # measured a minute at a time (the floor follows the noise; memory stays small)


def music_frames(pcm: np.ndarray, frame_count: int) -> np.ndarray:
    """One bool per 10 ms frame (of `frame_count`) of 16 kHz 16-bit `pcm`: music is playing there."""
    held = np.zeros(frame_count, bool)
    edge = LAG_FRAMES + WINDOW_FRAMES
    for first in range(0, frame_count, BLOCK_FRAMES):
        low, high = max(0, first - edge), min(frame_count, first + BLOCK_FRAMES + edge)
        last = min(first + BLOCK_FRAMES, frame_count)
        held[first:last] = _to_edges(_alike(pcm, low, high))[first - low: last - low]
    return held


def _to_edges(alike: np.ndarray) -> np.ndarray:
    """Frames in a long run whose likeness, averaged over WINDOW_FRAMES either side, holds above HELD_LIKENESS,
    widened to the run's true edges: the frames next to it, as far as the half-second average can blur an edge,
    whose own likeness to the frame LAG_FRAMES before or after (averaged over EDGE_FRAMES) holds too (a held
    stretch's last frames are like the ones before them), and EDGE_FRAMES more for that average's own blur."""
    held = _mean_around(alike, WINDOW_FRAMES) > HELD_LIKENESS
    behind = np.concatenate([np.zeros(LAG_FRAMES), alike[:-LAG_FRAMES]])
    near = _mean_around(np.maximum(alike, behind), EDGE_FRAMES) > HELD_LIKENESS
    music = np.zeros(len(alike), bool)
    for start, end in _runs(held):
        if end - start < MUSIC_MIN_FRAMES:
            continue
        low, high = start, end
        while low > max(0, start - EDGE_REACH_FRAMES) and near[low - 1]:
            low -= 1
        while high < min(len(near), end + EDGE_REACH_FRAMES) and near[high]:
            high += 1
        music[max(0, low - EDGE_FRAMES): high + EDGE_FRAMES] = True
    return music


def _alike(pcm: np.ndarray, first: int, last: int) -> np.ndarray:
    """Frames first..last-1: how alike each frame's spectrum is to the one LAG_FRAMES after it."""
    start = first * HOP - (FFT - HOP) // 2  # each spectrum centred on its frame
    stop = start + (last - first) * HOP + FFT
    samples = pcm[max(0, start): stop].astype(np.float32) / 32768
    samples = np.pad(samples, (max(0, -start), stop - start - max(0, -start) - len(samples)))
    frames = np.lib.stride_tricks.sliding_window_view(samples, FFT)[:: HOP * STEP][: -(-(last - first) // STEP)]
    power = np.abs(np.fft.rfft(frames * np.hanning(FFT).astype(np.float32), axis=1)[:, LOW_BIN:HIGH_BIN]) ** 2
    power = np.repeat(power, STEP, axis=0)[: last - first]
    floor = np.percentile(power, FLOOR_PERCENTILE, axis=0)
    excess = np.sqrt(np.maximum(power - FLOOR_MARGIN * floor, 0))
    norms = np.linalg.norm(excess, axis=1) + 1e-12
    ahead = np.zeros(len(excess))
    ahead[:-LAG_FRAMES] = (excess[:-LAG_FRAMES] * excess[LAG_FRAMES:]).sum(axis=1) / (
        norms[:-LAG_FRAMES] * norms[LAG_FRAMES:])
    return ahead


def _mean_around(values: np.ndarray, reach: int) -> np.ndarray:
    """Each value averaged with those up to `reach` frames either side."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(len(values))
    low = np.clip(index - reach, 0, len(values))
    high = np.clip(index + reach + 1, 0, len(values))
    return np.asarray((sums[high] - sums[low]) / np.maximum(high - low, 1))


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(first, past the last) frame of each run of True in `flags`."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], flags.astype(np.int8), [0]])))
    return [(int(start), int(end)) for start, end in zip(edges[::2], edges[1::2], strict=True)]
