"""The playhead between libvlc's coarse updates, the J/K/L ladder and following cues (no player needed)."""

from __future__ import annotations

import pytest

from editor.core.model import Cue
from editor.timing.playhead import CueTimes, PlayheadClock, faster, slower


class FakeTime:
    def __init__(self) -> None:
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds


def running_clock() -> tuple[PlayheadClock, FakeTime]:
    now = FakeTime()
    clock = PlayheadClock(now)
    clock.jump(1000)
    clock.set_running(True)
    return clock, now


def test_the_playhead_moves_every_frame_between_libvlc_steps() -> None:
    clock, now = running_clock()
    seen = []
    for _ in range(25):  # half a second of 20 ms timer ticks, with libvlc stepping every 250 ms
        now.seconds += 0.02
        elapsed_ms = round((now.seconds - 100.0) * 1000)
        clock.observe(1000 + elapsed_ms // 250 * 250)
        seen.append(clock.position_ms())
    assert seen == sorted(seen)
    assert len(set(seen)) == len(seen)  # it moved on every tick
    assert seen[-1] == pytest.approx(1500, abs=30)


def test_a_late_libvlc_step_never_draws_the_playhead_backwards() -> None:
    clock, now = running_clock()
    now.seconds += 0.3
    assert clock.position_ms() == 1300
    clock.observe(1250)  # libvlc's report lags a little
    assert clock.position_ms() == 1300
    now.seconds += 0.1
    assert clock.position_ms() == 1350


def test_a_seek_moves_at_once_and_ignores_the_stale_time_libvlc_still_reports() -> None:
    clock, now = running_clock()
    clock.jump(60_000)
    clock.observe(1100)  # before the seek took effect
    assert clock.position_ms() == 60_000
    now.seconds += 0.25
    clock.observe(60_250)
    assert clock.position_ms() == 60_250


def test_rate_speeds_up_the_extrapolation_and_pause_freezes_it() -> None:
    clock, now = running_clock()
    clock.set_running(True, rate=2.0)
    now.seconds += 0.5
    assert clock.position_ms() == 2000
    clock.set_running(False)
    now.seconds += 5
    assert clock.position_ms() == 2000


def test_the_shuttle_ladder_runs_from_half_to_double_speed() -> None:
    assert [faster(rate) for rate in (0.5, 1.0, 1.5, 2.0)] == [0.75, 1.5, 2.0, 2.0]
    assert [slower(rate) for rate in (2.0, 1.0, 0.75, 0.5)] == [1.5, 0.75, 0.5, None]


CUES = CueTimes([Cue(1000, 3000, "One"), Cue(3000, 5000, "Two"), Cue(6000, 8000, "Three")])


def test_the_cue_on_screen_and_the_one_to_follow() -> None:
    assert [CUES.index_at(ms) for ms in (500, 1000, 2999, 3000, 5500, 7999, 8000)] == [
        None, 0, 0, 1, None, 2, None,
    ]  # fmt: skip
    assert [CUES.to_follow(ms) for ms in (500, 5500, 9000)] == [0, 1, 2]
    assert CueTimes([]).to_follow(100) is None


def test_previous_and_next_cue_from_the_playhead() -> None:
    assert CUES.next(1500) == 1
    assert CUES.next(6000) is None
    assert CUES.previous(3200) == 0  # just started cue 2: go to cue 1
    assert CUES.previous(4000) == 1  # well into cue 2: restart it
    assert CUES.previous(200) == 0
