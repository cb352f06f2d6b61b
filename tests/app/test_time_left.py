"""The time left that auto-sync's progress dialog and listening's bar show: nothing in the first seconds,
then the pace of the last quarter of the run (at least 10 s), so a quick first stage (decoding) does not make
the rest look quick, in words staff plan with."""

from __future__ import annotations

from editor.app.time_left import TimeLeft, said


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def reported(left: TimeLeft, clock: Clock, steps: list[tuple[float, float]]) -> str:
    """The text after reports at (seconds, fraction)."""
    text = ""
    for clock.now, fraction in steps:
        text = left.update(fraction)
    return text


def test_a_quick_first_stage_does_not_make_the_rest_look_quick() -> None:
    clock = Clock()
    left = TimeLeft(clock)
    decoding = [(second / 2, second / 60) for second in range(7)]  # a tenth of the bar in 3 s
    assert reported(left, clock, decoding) == ""  # too soon to say
    recognising = [(3.0 + 5 * step, 0.1 + 0.01 * step) for step in range(1, 13)]  # then 1 % every 5 s
    assert reported(left, clock, recognising) == "About 6 min left"  # 78 % at 1 % per 5 s: 390 s
    steady = [(3.0 + 5 * step, 0.1 + 0.01 * step) for step in range(13, 88)]
    assert reported(left, clock, steady) == "About 20 s left"  # 3 % left at 1 % per 5 s: 15 s
    assert reported(left, clock, [(443.0, 0.995)]) == "A few seconds left"


def test_times_are_said_in_minutes_tens_of_seconds_or_a_few_seconds() -> None:
    assert said(3600) == "About 60 min left"
    assert said(95) == "About 2 min left"
    assert said(44) == "About 40 s left"
    assert said(9.9) == "A few seconds left"
