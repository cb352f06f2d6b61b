"""Playback driven headless (--vout=dummy --aout=dummy): smooth playhead, J/K/L, frame step, ranges, faults."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from mediagen import generate_media

from editor.app.playback import Playback
from editor.media.player import Player, PlayerState


@pytest.fixture(scope="module")
def bars(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_media(tmp_path_factory.mktemp("playback") / "bars.mp4", seconds=4)


@pytest.fixture
def playback(qapp: object) -> Iterator[Playback]:
    playback = Playback(lambda: Player(video_output="dummy", audio_output="dummy"))
    yield playback
    playback.release()


@pytest.fixture
def opened(playback: Playback, bars: Path, qtbot) -> Playback:  # type: ignore[no-untyped-def]
    assert playback.open(bars)
    qtbot.waitUntil(lambda: playback.state is PlayerState.PAUSED, timeout=15000)
    return playback


def test_opening_checks_the_file_and_shows_it_paused(opened: Playback, bars: Path) -> None:
    assert opened.media_path == bars
    assert opened.info is not None and opened.info.has_video and opened.info.has_audio
    assert opened.position_ms() == 0


def test_the_playhead_moves_smoothly_while_playing(opened: Playback, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    opened.position_changed.connect(seen.append)
    opened.toggle_play()
    qtbot.waitUntil(lambda: len(set(seen)) >= 15, timeout=15000)  # libvlc alone gives ~4 steps a second
    moving = [ms for ms in seen if ms > 0]
    assert moving == sorted(moving)
    opened.toggle_play()
    assert not opened.is_playing


def test_playing_a_cue_stops_at_its_end(opened: Playback, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.play_range(1000, 1600)
    qtbot.waitUntil(lambda: opened.state is PlayerState.PAUSED and opened.position_ms() >= 1600, timeout=15000)
    assert opened.position_ms() == 1600


def test_a_looped_cue_starts_again_at_its_start(opened: Playback, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    opened.position_changed.connect(seen.append)
    opened.play_range(500, 900, loop=True)
    assert opened.looping
    qtbot.waitUntil(lambda: sum(1 for a, b in itertools.pairwise(seen) if b < a - 200) >= 2, timeout=15000)
    assert all(ms <= 1500 for ms in seen[5:])  # never ran on past the loop (allowing a late poll or two)
    opened.stop_range()
    opened.pause()


def test_jkl_shuttle_runs_from_half_to_double_speed(opened: Playback, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.shuttle_forward()
    qtbot.waitUntil(lambda: opened.is_playing, timeout=15000)
    assert opened.rate == 1.0
    opened.shuttle_forward()
    opened.shuttle_forward()
    opened.shuttle_forward()
    assert opened.rate == 2.0
    for expected in (1.5, 1.0, 0.75, 0.5):
        opened.shuttle_back()
        assert opened.rate == expected
    opened.shuttle_stop()
    assert (opened.is_playing, opened.rate) == (False, 1.0)


def test_j_when_paused_replays_the_last_seconds(opened: Playback) -> None:
    opened.seek(3500)
    opened.shuttle_back()
    assert opened.position_ms() == 500
    opened.shuttle_back()
    assert opened.position_ms() == 0


def test_frame_step_moves_one_frame_and_pauses(opened: Playback) -> None:
    opened.seek(1000)
    opened.step_frame()
    assert opened.position_ms() == 1040
    opened.step_frame(forward=False)
    opened.step_frame(forward=False)
    assert opened.position_ms() == 960
    assert not opened.is_playing


def test_a_seek_after_the_end_still_works(opened: Playback, qtbot) -> None:  # type: ignore[no-untyped-def]
    opened.seek(3500)
    opened.play()
    qtbot.waitUntil(lambda: opened.state is PlayerState.ENDED, timeout=15000)
    assert opened.position_ms() == pytest.approx(4000, abs=100)
    opened.seek(1000)
    qtbot.waitUntil(lambda: opened.state is PlayerState.PAUSED, timeout=15000)
    assert opened.position_ms() == 1000


def test_an_undecodable_file_is_refused_with_its_name(playback: Playback, tmp_path: Path) -> None:
    junk = tmp_path / "interview.mp4"
    junk.write_text("not a video")
    messages: list[str] = []
    playback.problem.connect(messages.append)
    assert not playback.open(junk)
    assert len(messages) == 1 and "interview.mp4: damaged, or not a media file" in messages[0]
    assert not playback.has_media
    playback.toggle_play()  # nothing to play: nothing happens, nothing breaks
    playback.seek(1000)
    assert playback.position_ms() == 0


def test_a_picture_nobody_draws_is_reported(bars: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """As with vlc-plugin-video-output missing: the clock runs but no video output exists."""
    playback = Playback(lambda: Player(video_output="no-such-output", audio_output="dummy"))
    try:
        assert playback.open(bars)
        qtbot.waitUntil(lambda: playback.state is PlayerState.PAUSED, timeout=15000)
        with qtbot.waitSignal(playback.problem, timeout=15000) as problem:
            playback.play()
        assert "cannot show the picture" in problem.args[0] and "vlc-plugin-video-output" in problem.args[0]
    finally:
        playback.release()


def test_playing_without_a_sound_device_says_so_once(bars: Path, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    no_devices = tmp_path / "alsa.conf"  # an ALSA that knows no device: as a server without a sound card
    no_devices.write_text("", encoding="utf-8")
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(no_devices))
    playback = Playback(lambda: Player(video_output="dummy", audio_output="alsa"))
    notices: list[str] = []
    playback.notice.connect(notices.append)
    try:
        assert playback.open(bars)
        playback.play()
        qtbot.waitUntil(lambda: playback.position_ms() > 1500, timeout=15000)
    finally:
        playback.release()
    assert len(notices) == 1  # once, however often VLC tries the device again
    assert notices[0].startswith("Playing without sound: VLC cannot open a sound device (ALSA: ")
