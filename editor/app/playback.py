"""Playback for the editor: polls the player on the GUI thread, smooths the playhead, runs J/K/L and loops.

libvlc is never called from one of its own callbacks: a QTimer polls it. The player is created on first
use, so an editor without VLC opens, edits and saves; trying to play then says what to install, once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.media.audio import MediaError, MediaInfo, probe_media
from editor.media.player import Player, PlayerState, PlayerUnavailable
from editor.timing.playhead import REPLAY_MS, PlayheadClock, faster, slower

POLL_MS = 20  # 50 playhead updates a second
NO_PICTURE_AFTER_MS = 1500  # playing this long with a video track but no video output: tell the user

PlayerFactory = Callable[[], Player]


class Playback(QObject):
    """One media file's transport: play/pause, seek, shuttle, frame step, play or loop a range."""

    position_changed = Signal(int)  # the smoothed playhead, in ms
    state_changed = Signal(str)  # a PlayerState value
    rate_changed = Signal(float)
    media_opened = Signal(object)  # the Path, once it is open (with its MediaInfo in `info`)
    problem = Signal(str)  # a message for the user: VLC missing, file undecodable, no picture
    notice = Signal(str)  # a passing message: playing goes on without sound

    def __init__(self, player_factory: PlayerFactory = Player, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player_factory = player_factory
        self._player: Player | None = None
        self.unavailable_reason: str | None = None
        self.info: MediaInfo | None = None
        self.info_path: Path | None = None  # the file `info` describes
        self._clock = PlayheadClock()
        self._state = PlayerState.IDLE
        self._rate = 1.0
        self._range: tuple[int, int, bool] | None = None  # start, end, loop
        self._window_handle: int | None = None
        self._playing_since = 0.0  # monotonic time playback last started, for the picture check
        self._warned_no_picture = False
        self._warned_no_sound = False
        self._emitted_ms: int | None = None
        self.moves = 0  # seeks and plays asked for so far: a deferred seek sees whether another came first
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    # ----- opening -----

    @property
    def has_media(self) -> bool:
        return self._player is not None and self._player.media_path is not None

    @property
    def media_path(self) -> Path | None:
        return self._player.media_path if self._player is not None else None

    def open(self, path: Path) -> bool:
        """Check the file decodes, then hand it to VLC paused on its first frame; False (and `problem`) if not.

        `info` describes the media whenever it decodes, even when VLC is missing and it cannot play; a file that
        does not decode changes nothing: the media open until now stays open (`info_path` is still its path).
        """
        try:
            info = probe_media(path)
        except MediaError as error:
            self.problem.emit(str(error))
            return False
        self.info, self.info_path = info, Path(path)
        player = self._ensure_player()
        if player is None:
            return False
        self._range, self._warned_no_picture = None, False
        self._set_rate(1.0)
        player.open(path)
        self._clock.jump(0)
        self._timer.start()
        self.media_opened.emit(Path(path))
        return True

    def embed_into(self, window_handle: int) -> None:
        """Where the video is drawn; remembered so a player created later uses it too."""
        self._window_handle = window_handle
        if self._player is not None:
            self._player.embed_into(window_handle)

    def _ensure_player(self) -> Player | None:
        if self._player is not None:
            return self._player
        if self.unavailable_reason is not None:
            self.problem.emit(self.unavailable_reason)
            return None
        try:
            self._player = self._player_factory()
        except PlayerUnavailable as error:
            self.unavailable_reason = str(error)
            self.problem.emit(self.unavailable_reason)
            return None
        if self._window_handle is not None:
            self._player.embed_into(self._window_handle)
        return self._player

    # ----- transport -----

    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def is_playing(self) -> bool:
        return self._state is PlayerState.PLAYING

    @property
    def rate(self) -> float:
        return self._rate

    def position_ms(self) -> int:
        return self._clock.position_ms()

    def play(self) -> None:
        if self._player is not None and self.has_media:
            if self._state is PlayerState.ENDED:
                self._clock.jump(0)  # VLC plays a finished media again from the start
            self.moves += 1
            self._player.play()
            self._sync_state()

    def pause(self) -> None:
        if self._player is not None and self.has_media:
            self._player.pause()
            self._sync_state()
            self._emit_position()

    def toggle_play(self) -> None:
        """Space: play or pause (a shuttle speed goes back to normal on pause)."""
        if self.is_playing:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        if self._player is None or not self.has_media:
            return
        ms = max(0, min(ms, self._length_ms() or ms))
        self.moves += 1
        self._player.seek(ms)
        self._clock.jump(ms)
        self._emit_position()

    def shuttle_forward(self) -> None:
        """L: play, or play faster (up to 2x)."""
        self._set_rate(faster(self._rate) if self.is_playing else 1.0)
        self.play()

    def shuttle_back(self) -> None:
        """J: play slower (down to 0.5x); at the slowest, jump back a few seconds (libvlc has no reverse)."""
        lower = slower(self._rate) if self.is_playing else None
        if lower is None:
            self.seek(self.position_ms() - REPLAY_MS)
        else:
            self._set_rate(lower)

    def shuttle_stop(self) -> None:
        """K: pause and come back to normal speed."""
        self.pause()
        self._set_rate(1.0)

    def step_frame(self, forward: bool = True) -> None:
        """One frame on (libvlc's next frame) or back (a seek one frame earlier), paused."""
        if self._player is None or not self.has_media:
            return
        if forward:
            step = self._player.frame_ms()
            position = self.position_ms()
            self._player.step_frame()
            self._sync_state()
            self._clock.jump(position + step)
            self._emit_position()
        else:
            self.pause()
            self.seek(self.position_ms() - self._player.frame_ms())

    def play_range(self, start_ms: int, end_ms: int, *, loop: bool = False) -> None:
        """Play from start to end, then pause there (or start again, when looping)."""
        self._range = (start_ms, end_ms, loop)
        self.seek(start_ms)
        self.play()

    @property
    def looping(self) -> bool:
        return self._range is not None and self._range[2]

    def stop_range(self) -> None:
        self._range = None

    def release(self) -> None:
        """Free libvlc (on window close)."""
        self._timer.stop()
        if self._player is not None:
            self._player.release()
            self._player = None

    # ----- polling -----

    def _poll(self) -> None:
        player = self._player
        if player is None:
            return
        state = player.poll()
        if state is not self._state:
            self._enter_state(state)
        if state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._clock.observe(player.time_ms())
        self._check_range()
        self._check_picture()
        self._check_sound()
        self._emit_position()

    def _sync_state(self) -> None:
        """Take the player's state now (it reports what was asked for, ahead of libvlc catching up)."""
        if self._player is not None and self._player.state() is not self._state:
            self._enter_state(self._player.state())

    def _enter_state(self, state: PlayerState) -> None:
        self._state = state
        self._playing_since = time.monotonic()
        self._clock.set_running(state is PlayerState.PLAYING, self._rate)
        if state is PlayerState.ENDED:
            self._clock.jump(self._length_ms() or self._clock.position_ms())
        if state is PlayerState.ERROR:
            self.problem.emit(f"{self.media_path}: VLC cannot play this file")
        self.state_changed.emit(state.value)

    def _check_range(self) -> None:
        if self._range is None or not self.is_playing:
            return
        start, end, loop = self._range
        if self.position_ms() < end:
            return
        if loop:
            self.seek(start)
        else:
            self._range = None
            self.pause()
            self.seek(end)

    def _check_picture(self) -> None:
        """A video track playing without a video output means VLC's output plugins are missing."""
        if not self.is_playing or self._warned_no_picture or self.info is None or not self.info.has_video:
            return
        played_ms = (time.monotonic() - self._playing_since) * 1000
        if played_ms >= NO_PICTURE_AFTER_MS and self._player and not self._player.has_video_output():
            self._warned_no_picture = True
            self.problem.emit(
                "VLC plays the sound but cannot show the picture: its video output plugins are missing "
                "(Debian/Ubuntu: sudo apt install vlc-plugin-video-output)."
            )

    def _check_sound(self) -> None:
        """Said once: the sound system's own messages no longer reach the terminal (editor/media/alsa_errors.py)."""
        if self.is_playing and not self._warned_no_sound and self._player is not None:
            problem = self._player.sound_problem()
            if problem is not None:
                self._warned_no_sound = True
                self.notice.emit(f"Playing without sound: VLC cannot open a sound device (ALSA: {problem})")

    def _emit_position(self) -> None:
        position = self._clock.position_ms()
        if position != self._emitted_ms:
            self._emitted_ms = position
            self.position_changed.emit(position)

    def _set_rate(self, rate: float) -> None:
        if rate == self._rate:
            return
        self._rate = rate
        if self._player is not None:
            self._player.set_rate(rate)
        self._clock.set_running(self.is_playing, rate)
        self.rate_changed.emit(rate)

    def _length_ms(self) -> int | None:
        if self._player is not None and self._player.length_ms():
            return self._player.length_ms()
        return self.info.duration_ms if self.info is not None else None
