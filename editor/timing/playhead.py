"""Playhead arithmetic without Qt: a smooth clock over libvlc's coarse time, the shuttle ladder, cue lookup.

libvlc's `get_time()` moves in steps of about 250 ms; a playhead drawn from it stutters. `PlayheadClock`
extrapolates from the last step with a monotonic clock, re-anchoring on each new step, and never draws the
playhead backwards for the small corrections that re-anchoring makes.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Sequence

from editor.core.model import Cue

SHUTTLE_RATES = (0.5, 0.75, 1.0, 1.5, 2.0)
JUMP_TOLERANCE_MS = 400  # a step further than this from the prediction is a seek, not jitter
REPLAY_MS = 3000  # libvlc cannot play backwards: J at the slowest speed jumps back this far instead


class PlayheadClock:
    """Where the playhead is now, between libvlc's coarse updates."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._anchor_ms = 0.0
        self._anchor_at = now()
        self._rate = 1.0
        self._running = False
        self._last_vlc_ms: int | None = None
        self._shown_ms = 0

    def jump(self, ms: int) -> None:
        """A seek: the playhead goes to `ms` at once, whatever libvlc still reports."""
        self._anchor_ms, self._anchor_at = float(ms), self._now()
        self._shown_ms = ms
        self._last_vlc_ms = None

    def set_running(self, running: bool, rate: float = 1.0) -> None:
        self._anchor_ms, self._anchor_at = float(self.position_ms()), self._now()
        self._running, self._rate = running, rate

    def observe(self, vlc_ms: int) -> None:
        """libvlc's latest time: a new value is fresh at this instant, so re-anchor on it."""
        if vlc_ms == self._last_vlc_ms:
            return
        first = self._last_vlc_ms is None
        self._last_vlc_ms = vlc_ms
        if first and abs(vlc_ms - self._predicted()) > JUMP_TOLERANCE_MS:
            return  # libvlc still reports the time before our seek
        self._anchor_ms, self._anchor_at = float(vlc_ms), self._now()
        if abs(vlc_ms - self._shown_ms) > JUMP_TOLERANCE_MS or not self._running:
            self._shown_ms = vlc_ms

    def position_ms(self) -> int:
        """The playhead: extrapolated while running, never drawn backwards by a small correction."""
        predicted = round(self._predicted())
        if self._running and 0 <= self._shown_ms - predicted <= JUMP_TOLERANCE_MS:
            return self._shown_ms
        self._shown_ms = predicted
        return predicted

    def _predicted(self) -> float:
        if not self._running:
            return self._anchor_ms
        return self._anchor_ms + (self._now() - self._anchor_at) * 1000 * self._rate


def faster(rate: float) -> float:
    """L: one step up the shuttle ladder (stays at the top)."""
    higher = [step for step in SHUTTLE_RATES if step > rate + 1e-6]
    return higher[0] if higher else SHUTTLE_RATES[-1]


def slower(rate: float) -> float | None:
    """J: one step down the ladder; None at the bottom, where J replays the last seconds instead."""
    lower = [step for step in SHUTTLE_RATES if step < rate - 1e-6]
    return lower[-1] if lower else None


class CueTimes:
    """Looks cues up by time; built once per document version, asked 50 times a second while playing."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = cues
        self._starts = [cue.start_ms for cue in cues]

    def index_at(self, ms: int) -> int | None:
        """The cue on screen at `ms` (the later one where two touch), or None in a gap."""
        index = bisect.bisect_right(self._starts, ms) - 1
        if index >= 0 and self.cues[index].start_ms <= ms < self.cues[index].end_ms:
            return index
        return None

    def to_follow(self, ms: int) -> int | None:
        """The cue the editor should select at `ms`: the one on screen, else the last one that started."""
        index = self.index_at(ms)
        if index is not None:
            return index
        started = bisect.bisect_right(self._starts, ms) - 1
        return started if started >= 0 else (0 if self.cues else None)

    def previous(self, ms: int) -> int | None:
        """The cue before the one at `ms`, or the current one again when we are well into it."""
        index = bisect.bisect_left(self._starts, ms - 500) - 1  # half a second in, "previous" restarts it
        return max(index, 0) if self.cues else None

    def next(self, ms: int) -> int | None:
        """The first cue starting after `ms`."""
        index = bisect.bisect_right(self._starts, ms)
        return index if index < len(self.cues) else None
