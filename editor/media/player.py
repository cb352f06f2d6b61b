"""The media player: a thin adapter over python-vlc (the only module that imports vlc).

libvlc is loaded lazily, so the editor starts and edits without it; every way VLC can be missing ends in
one `PlayerUnavailable` with a message the user can act on. No libvlc call happens from a VLC callback:
the app layer polls `time_ms()`/`state()` with a timer on the GUI thread.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

from editor.media.alsa_errors import first_alsa_error, keep_alsa_errors

INSTALL_HINT = (
    "Install VLC's library and plugins (Debian/Ubuntu: sudo apt install libvlc5 libvlc-bin vlc-plugin-base "
    "vlc-plugin-video-output; Windows/macOS: install VLC 3 from videolan.org). Editing works without it."
)
# VLC must not draw subtitles of its own (ours come from the document) nor grab keys meant for the editor.
_BASE_ARGS = ("--no-xlib", "--quiet", "--no-video-title-show", "--no-sub-autodetect-file", "--no-osd")


class PlayerUnavailable(Exception):
    """Playback cannot work on this machine (no libvlc, no plugins); the message says what to install."""


class PlayerState(Enum):
    """What the transport shows; VLC's finer states are folded into these."""

    IDLE = "idle"
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


def load_vlc() -> ModuleType:
    """Import python-vlc, turning each way libvlc can be missing into PlayerUnavailable."""
    try:
        import vlc
    except (ImportError, OSError, NotImplementedError, AttributeError, KeyError) as error:
        raise PlayerUnavailable(f"VLC is not installed or cannot be loaded ({error}). {INSTALL_HINT}") from error
    except SystemExit as error:  # python-vlc exits when PYTHON_VLC_LIB_PATH names a missing library
        raise PlayerUnavailable(f"VLC cannot be loaded (PYTHON_VLC_LIB_PATH is wrong). {INSTALL_HINT}") from error
    module: ModuleType = vlc
    return module


def wayland_needs_xcb(environ: Mapping[str, str] | None = None) -> bool:
    """True on a Wayland session where Qt would pick Wayland: libvlc can only embed into an X11 window."""
    env = os.environ if environ is None else environ
    on_wayland = bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"
    return sys.platform.startswith("linux") and on_wayland and not env.get("QT_QPA_PLATFORM")


class Player:
    """One media file played by libvlc into a window we own; times are integer milliseconds."""

    def __init__(self, *, video_output: str | None = None, audio_output: str | None = None) -> None:
        self._vlc = load_vlc()
        keep_alsa_errors()  # alsa-lib prints its own errors, eight lines each time VLC tries a missing card
        args = list(_BASE_ARGS)
        if video_output:
            args.append(f"--vout={video_output}")
        if audio_output:
            args.append(f"--aout={audio_output}")
        self._instance: Any = self._vlc.Instance(args)
        if self._instance is None:
            where = f" (VLC_PLUGIN_PATH={os.environ['VLC_PLUGIN_PATH']})" if "VLC_PLUGIN_PATH" in os.environ else ""
            raise PlayerUnavailable(f"VLC's plugins are missing, so VLC cannot start{where}. {INSTALL_HINT}")
        self._player: Any = self._instance.media_player_new()
        self._player.video_set_key_input(False)
        self._player.video_set_mouse_input(False)
        self.media_path: Path | None = None
        self._start_ms_once_started: int | None = None
        self._want_paused = False

    def open(self, path: Path, *, start_ms: int = 0, paused: bool = True) -> None:
        """Load `path` and start it (paused on its first frame by default, so the picture shows)."""
        self._player.set_media(self._instance.media_new_path(str(path)))
        self.media_path = Path(path)
        self._start_ms_once_started = start_ms  # VLC's :start-time leaves get_time() at 0 when paused
        self._want_paused = paused
        self._player.play()

    def embed_into(self, window_handle: int) -> None:
        """Draw the video inside the native window `window_handle` (X11 id, HWND or NSView)."""
        if sys.platform.startswith("win"):
            self._player.set_hwnd(window_handle)
        elif sys.platform == "darwin":
            self._player.set_nsobject(window_handle)
        else:
            self._player.set_xwindow(window_handle)

    def poll(self) -> PlayerState:
        """The current state; also completes an `open()` (start time, pause) once VLC has started the media."""
        start_ms = self._start_ms_once_started
        if start_ms is not None and self._player.get_state() == self._vlc.State.Playing and self._has_content():
            self._start_ms_once_started = None
            if start_ms > 0:
                self._player.set_time(start_ms)
            if self._want_paused:
                self._player.set_pause(1)
        return self.state()

    def _has_content(self) -> bool:
        """VLC has found something to play (a length, or time running): before that, a damaged file may still
        be probed, and pausing it then would leave it paused forever instead of ending in the error state."""
        return bool(self._player.get_length() > 0 or self._player.get_time() > 0)

    def state(self) -> PlayerState:
        vlc_state = self._player.get_state()
        states = self._vlc.State
        if vlc_state == states.Playing:  # VLC pauses asynchronously: report what was asked for
            if self._start_ms_once_started is not None:
                return PlayerState.OPENING
            return PlayerState.PAUSED if self._want_paused else PlayerState.PLAYING
        if vlc_state in (states.Opening, states.Buffering):
            return PlayerState.OPENING
        if vlc_state == states.Paused:
            return PlayerState.PAUSED if self._want_paused else PlayerState.PLAYING
        if vlc_state == states.Ended:
            return PlayerState.ENDED
        if vlc_state == states.Error:
            return PlayerState.ERROR
        return PlayerState.IDLE

    def play(self) -> None:
        """Play from where we are; after the end, play again from the start."""
        self._want_paused = False
        if self.state() in (PlayerState.ENDED, PlayerState.IDLE) and self.media_path is not None:
            self.open(self.media_path, start_ms=0, paused=False)
            return
        self._player.set_pause(0)

    def pause(self) -> None:
        self._want_paused = True
        self._player.set_pause(1)

    def seek(self, ms: int) -> None:
        """Jump to `ms`; a finished media is reopened there (VLC cannot seek after its end)."""
        ms = max(0, int(ms))
        if self.state() in (PlayerState.ENDED, PlayerState.IDLE) and self.media_path is not None:
            self.open(self.media_path, start_ms=ms, paused=True)
            return
        self._player.set_time(ms)

    def time_ms(self) -> int:
        """VLC's clock: coarse (it moves in steps of about 250 ms), so the app interpolates between steps."""
        return max(0, int(self._player.get_time()))

    def length_ms(self) -> int | None:
        length = int(self._player.get_length())
        return length if length > 0 else None

    def rate(self) -> float:
        return float(self._player.get_rate())

    def set_rate(self, rate: float) -> None:
        self._player.set_rate(float(rate))

    def frame_ms(self) -> int:
        """One video frame's duration, for frame stepping (40 ms when VLC does not know the rate)."""
        fps = float(self._player.get_fps() or 0.0)
        return round(1000 / fps) if fps > 0 else 40

    def step_frame(self) -> None:
        """Pause and show the next frame."""
        self._want_paused = True
        self._player.next_frame()

    def has_video_output(self) -> bool:
        """False while a video plays but nothing draws it (no video-output plugin: a black pane)."""
        return int(self._player.has_vout()) > 0

    def sound_problem(self) -> str | None:
        """Why VLC may play without sound: the first error of the sound system (ALSA), or None."""
        return first_alsa_error()

    def set_volume(self, percent: int) -> None:
        self._player.audio_set_volume(int(percent))

    def snapshot(self, path: Path) -> bool:
        """Save the current frame as PNG (a check that VLC really decodes pictures)."""
        return int(self._player.video_take_snapshot(0, str(path), 0, 0)) == 0

    def release(self) -> None:
        """Stop and free libvlc's player; the object is unusable afterwards."""
        self._player.stop()
        self._player.release()
        self._instance.release()
