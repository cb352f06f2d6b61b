"""How long a background job still needs, said the way staff plan around it ("About 6 min left").

Auto-sync of an hour takes minutes; a bare percentage does not say whether to wait or go for a coffee. The
estimate is the job's recent pace, over the last quarter of the time it has run (at least 10 s): its stages
move at different paces (decoding an hour fills the first tenth of the bar in seconds, recognition the next
two thirds in minutes), and the pace since the start would promise far too little. It is only said once the
job has run long enough for that pace to mean something.
"""

from __future__ import annotations

import time
from collections.abc import Callable

PACE_SHARE = 4  # the pace over the last quarter of the run: recent enough to follow a new stage
PACE_MIN_S = 10.0  # ...and long enough to span several reports (recognition reports every few seconds)
MINUTES_FROM_S = 90  # from here the time left is said in whole minutes, below it in tens of seconds
FEW_S = 10  # below this, counting seconds is noise


class TimeLeft:
    """Feed it each progress fraction of one job; `text` is what to show (empty until there is a pace)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._reports: list[tuple[float, float]] = []  # (time, fraction), oldest first
        self.text = ""

    def update(self, fraction: float) -> str:
        """The time left after this report, as text."""
        now = self._clock()
        self._reports.append((now, fraction))
        elapsed = now - self._reports[0][0]
        if elapsed < PACE_MIN_S:
            return self.text
        since = now - max(PACE_MIN_S, elapsed / PACE_SHARE)
        then, then_fraction = next((t, f) for t, f in reversed(self._reports) if t <= since)
        if fraction > then_fraction:
            self.text = said((now - then) * (1.0 - fraction) / (fraction - then_fraction))
        return self.text


def said(seconds: float) -> str:
    """"About 6 min left", "About 40 s left", "A few seconds left"."""
    if seconds >= MINUTES_FROM_S:
        return f"About {round(seconds / 60)} min left"
    if seconds >= FEW_S:
        return f"About {round(seconds / 10) * 10} s left"
    return "A few seconds left"
