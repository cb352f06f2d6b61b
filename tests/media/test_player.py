"""The python-vlc adapter driven headless (--vout=dummy --aout=dummy) on generated colour bars and a tone."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from editor.media.player import Player, PlayerState, wayland_needs_xcb


def wait_until(condition: Callable[[], bool], timeout: float = 15.0, player: Player | None = None) -> None:
    """libvlc works asynchronously: wait for a state, failing loudly (with the state it stayed in) if it never comes."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            stuck = f" (stayed {player.state()}, at {player.time_ms()} ms)" if player else ""
            raise AssertionError(f"libvlc never reached the expected state{stuck}")
        time.sleep(0.02)


@pytest.fixture
def player() -> Iterator[Player]:
    player = Player(video_output="dummy", audio_output="dummy")
    yield player
    player.release()


def opened(player: Player, media: Path) -> Player:
    player.open(media)
    wait_until(lambda: player.poll() is PlayerState.PAUSED)
    return player


def test_opening_shows_the_first_frame_paused(player: Player, bars_mp4: Path) -> None:
    opened(player, bars_mp4)
    assert player.media_path == bars_mp4
    assert player.length_ms() == pytest.approx(3000, abs=50)
    assert player.time_ms() < 500
    assert player.frame_ms() == 40  # 25 fps bars


def test_play_moves_the_clock_and_pause_holds_it(player: Player, bars_mp4: Path) -> None:
    opened(player, bars_mp4).play()
    wait_until(lambda: player.poll() is PlayerState.PLAYING and player.time_ms() >= 400)
    player.pause()
    wait_until(lambda: player.poll() is PlayerState.PAUSED)
    held = player.time_ms()
    time.sleep(0.5)
    assert player.time_ms() == held


def test_seek_while_paused_lands_near_the_asked_time(player: Player, bars_mp4: Path) -> None:
    opened(player, bars_mp4).seek(2000)
    wait_until(lambda: abs(player.time_ms() - 2000) <= 300)
    assert player.poll() is PlayerState.PAUSED


def test_after_the_end_a_seek_reopens_the_media_there(player: Player, tone_wav: Path) -> None:
    opened(player, tone_wav).seek(2500)
    player.play()
    wait_until(lambda: player.poll() is PlayerState.ENDED)
    player.seek(1000)
    wait_until(lambda: player.poll() is PlayerState.PAUSED)
    wait_until(lambda: abs(player.time_ms() - 1000) <= 300)
    player.play()
    wait_until(lambda: player.poll() is PlayerState.PLAYING)


def test_rate_is_the_shuttle_speed(player: Player, bars_mp4: Path) -> None:
    opened(player, bars_mp4).set_rate(2.0)
    assert player.rate() == pytest.approx(2.0)
    player.set_rate(0.5)
    assert player.rate() == pytest.approx(0.5)


def test_frame_step_pauses_on_a_later_frame(player: Player, bars_mp4: Path, tmp_path: Path) -> None:
    opened(player, bars_mp4)
    player.step_frame()
    assert player.poll() is PlayerState.PAUSED
    snapshot = tmp_path / "frame.png"
    wait_until(lambda: player.snapshot(snapshot) and snapshot.exists())
    assert snapshot.read_bytes().startswith(b"\x89PNG")


def test_a_broken_file_ends_in_the_error_state(player: Player, tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x01" * 5000)
    player.open(junk)
    wait_until(lambda: player.poll() in (PlayerState.ERROR, PlayerState.ENDED), player=player)


@pytest.mark.parametrize("name", ["clip.mkv", "clip.webm", "clip.mp3", "clip.wav"])
def test_the_common_formats_open_and_play(player: Player, make_media, name: str) -> None:  # type: ignore[no-untyped-def]
    opened(player, make_media(name, seconds=2)).play()
    assert player.length_ms() == pytest.approx(2000, abs=400)  # VLC estimates an MP3's length from its bitrate
    wait_until(lambda: player.poll() is PlayerState.PLAYING and player.time_ms() > 0)


def test_wayland_sessions_fall_back_to_xcb_for_embedding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert wayland_needs_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert wayland_needs_xcb({"XDG_SESSION_TYPE": "wayland"})
    assert not wayland_needs_xcb({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "offscreen"})
    assert not wayland_needs_xcb({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"})
