"""Where a word said after a pause starts: where its sound rises out of that pause.

The recogniser reads a word's first frame from features that see ahead of the frame (a 25.6 ms window and
deltas over three frames either side), so after a pause it starts a word 20-60 ms before the word is heard:
captions came out 31 ms early on real speech and 16 ms on espeak-ng. The word's start moves to where its
sound rises out of the pause: from the first frame surely speech (SURE over the pause's own floor) back
over the frames still standing out of the floor (ABOVE it). Energy is measured after the recogniser's own
pre-emphasis, so a breathy or voiceless onset (h, f, s), far quieter than the vowel after it, still stands
out of low rumble; an onset the noise buries cannot be told, and the rise is taken from where it shows.
The start only ever moves later, by at most what the features see ahead.
"""

from __future__ import annotations

import numpy as np

FRAME = 160  # samples in a 10 ms frame at 16 kHz
FRAME_MS = 10
PRE_EMPHASIS = 0.97  # the recogniser's own front end
SURE = 16.0  # 12 dB over the pause's floor: surely speech, not the noise's own wobble
ABOVE = 2.0  # 3 dB over it: still standing out of the pause
# how far a word's features see ahead of its sound: a frame's 25.6 ms window, three frames of double deltas
# (30 ms), and the 10 ms frame a word's start is counted in (our own aligner starts "Few" in -48 dBFS room
# noise 61 ms early: its F fits the noise as soon as the features see the word; at 60 it stayed there)
LOOK_AHEAD_MS = 70
SURE_WITHIN_MS = 300  # how far into the word its surely-speech frame is looked for
FLOOR_MS = 100  # the stretch of pause whose median is its floor
MIN_FLOOR_MS = 50  # less pause than this before a word gives no floor to rise out of
DIGITAL_SILENCE = (1 / 32768) ** 2  # a frame this quiet holds no microphone's noise: an edit's silence
MIN_ROOM_FRAMES = 3  # fewer frames of room noise than this in a pause give no floor to rise out of


class Rises:
    """Word starts after pauses, read from one recording's pre-emphasised frame energies (emphasised_energy)."""

    def __init__(self, emphasised: np.ndarray) -> None:
        self._emphasised = emphasised

    def start_after_pause(self, start_ms: int, pause_from_ms: int) -> int:
        """Where a word the recogniser started at start_ms, after quiet since pause_from_ms, is first heard
        (start_ms if its sound never surely rises out of the pause, or rises too far from start_ms)."""
        first = start_ms // FRAME_MS
        floor_from = max(first - FLOOR_MS // FRAME_MS, -(-pause_from_ms // FRAME_MS), 1)
        if (first - floor_from) * FRAME_MS < MIN_FLOOR_MS:
            return start_ms
        energy = self._emphasised[floor_from: first + SURE_WITHIN_MS // FRAME_MS]
        floor = _floor(energy[: first - floor_from])
        sure = np.flatnonzero(energy[first - floor_from:] > SURE * floor)
        if len(sure) == 0:
            return start_ms
        rise = first - floor_from + int(sure[0])
        while rise > first - floor_from and energy[rise - 1] > ABOVE * floor:
            rise -= 1
        moved = (rise - (first - floor_from)) * FRAME_MS
        return start_ms if moved > LOOK_AHEAD_MS else (floor_from + rise) * FRAME_MS


def emphasised_energy(samples: np.ndarray, before: float) -> np.ndarray:
    """Mean square of each whole 10 ms frame of 16 kHz samples after pre-emphasis; `before` is the sample
    preceding them (so a recording measured in pieces gets the energies it gets whole)."""
    piece = np.concatenate([[before], samples[: len(samples) // FRAME * FRAME].astype(np.float64)])
    emphasised = piece[1:] - PRE_EMPHASIS * piece[:-1]
    return np.asarray((emphasised.reshape(-1, FRAME) ** 2).mean(axis=1))


def _floor(pause: np.ndarray) -> float:
    """The pause's own level: its room noise, not the digital silence an edit may have put in it (any sound
    would rise out of that)."""
    room = pause[pause > DIGITAL_SILENCE]
    return float(np.median(room)) if len(room) >= MIN_ROOM_FRAMES else DIGITAL_SILENCE
