"""How long a background job still needs, said the way staff plan around it ("About 6 min left").

Auto-sync of an hour takes minutes; a bare percentage does not say whether to wait or go for a coffee. The
estimate is the job's pace since its first report (decoding, reported before it, is far quicker than
recognition, so counting from the job's start would promise too little), and it is only said once there is
enough progress to rest on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

SETTLE_S = 5.0  # the pace of the first seconds (start-up, the first chunks) says little about the rest
SETTLE_FRACTION = 0.02  # ...nor does a sliver of progress
MINUTES_FROM_S = 90  # from here the time left is said in whole minutes, below it in tens of seconds
FEW_S = 10  # below this, counting seconds is noise


class TimeLeft:
    """Feed it each progress fraction of one job; `text` is what to show (empty until there is a pace)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._first: tuple[float, float] | None = None  # (time, fraction) of the first report
        self.text = ""

    def update(self, fraction: float) -> str:
        """The time left after this report, as text."""
        now = self._clock()
        if self._first is None:
            self._first = (now, fraction)
            return self.text
        started, first_fraction = self._first
        elapsed, done = now - started, fraction - first_fraction
        if elapsed >= SETTLE_S and done >= SETTLE_FRACTION:
            self.text = said(elapsed * (1.0 - fraction) / done)
        return self.text


def said(seconds: float) -> str:
    """"About 6 min left", "About 40 s left", "A few seconds left"."""
    if seconds >= MINUTES_FROM_S:
        return f"About {round(seconds / 60)} min left"
    if seconds >= FEW_S:
        return f"About {round(seconds / 10) * 10} s left"
    return "A few seconds left"
