"""The time left that auto-sync's progress dialog and listening's bar show: nothing until the job has a pace,
then the pace since the first report (decoding, before it, is far quicker), in words staff plan with."""

from __future__ import annotations

from editor.app.time_left import TimeLeft, said


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_time_left_follows_the_pace_since_the_first_report() -> None:
    clock = Clock()
    left = TimeLeft(clock)
    clock.now = 3.0
    assert left.update(0.10) == ""  # decoding done: the first report sets the start
    clock.now = 6.0
    assert left.update(0.13) == ""  # 3 s in: too soon to say
    clock.now = 63.0
    assert left.update(0.19) == "About 9 min left"  # 0.09 in 60 s: 0.81 left takes 540 s
    clock.now = 303.0
    assert left.update(0.70) == "About 3 min left"  # 0.6 in 300 s: 150 s
    clock.now = 393.0
    assert left.update(0.96) == "About 20 s left"  # 0.86 in 390 s: 18 s
    assert left.update(0.99) == "A few seconds left"


def test_a_sliver_of_progress_says_nothing_yet() -> None:
    clock = Clock()
    left = TimeLeft(clock)
    left.update(0.10)
    clock.now = 30.0
    assert left.update(0.11) == ""


def test_times_are_said_in_minutes_tens_of_seconds_or_a_few_seconds() -> None:
    assert said(3600) == "About 60 min left"
    assert said(95) == "About 2 min left"
    assert said(44) == "About 40 s left"
    assert said(9.9) == "A few seconds left"
