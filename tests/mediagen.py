"""Test media made on the spot with ffmpeg: a few seconds of colour bars and a pure tone (shared by test folders)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np

from editor.media.audio import iter_audio_chunks

TONE_HZ = 440
TONE_SECONDS = 3

_CODECS = {
    ".mp4": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    ".mkv": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "libvorbis"],
    ".webm": ["-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus"],
    ".mp3": ["-c:a", "libmp3lame"],
    ".wav": ["-c:a", "pcm_s16le"],
}

MakeMedia = Callable[..., Path]


def decoded_samples(path: Path, sample_rate: int = 16000, cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """The whole audio track as one float32 array, as the decoder streams it."""
    return np.concatenate(list(iter_audio_chunks(path, sample_rate, cancelled=cancelled)))


def generate_media(
    path: Path, *, seconds: float = TONE_SECONDS, tone_hz: int = TONE_HZ, video: bool = True, audio: bool = True
) -> Path:
    """Colour bars and/or a sine tone (amplitude 1/8, ffmpeg's default) encoded by the path's extension."""
    assert shutil.which("ffmpeg"), "ffmpeg is needed to generate test media (./dev.sh test installs it)"
    inputs: list[str] = []
    if video and path.suffix not in {".mp3", ".wav"}:
        inputs += ["-f", "lavfi", "-i", f"smptebars=size=320x240:rate=25:duration={seconds}"]
    if audio:
        inputs += ["-f", "lavfi", "-i", f"sine=frequency={tone_hz}:sample_rate=44100:duration={seconds}"]
    codecs = _CODECS[path.suffix] if audio else _without_audio_codec(_CODECS[path.suffix])
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", *inputs, *codecs, "-t", str(seconds), str(path)],
        check=True,
        timeout=60,
    )
    return path


def _without_audio_codec(codecs: list[str]) -> list[str]:
    if "-c:a" not in codecs:
        return codecs
    index = codecs.index("-c:a")
    return codecs[:index] + codecs[index + 2 :]


def cut_short_media(folder: Path, *, seconds: float = 30) -> Path:
    """The first two fifths of an mp4 of `seconds` with its index first (as web copies are), so the cut copy
    still plays and decodes: a partial download that states the whole length."""
    whole = generate_media(folder / "whole.mp4", seconds=seconds)
    streamable = folder / "streamable.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(whole), "-c", "copy", "-movflags", "+faststart",
                    str(streamable)], check=True, timeout=60)
    partial = folder / "partial.mp4"
    partial.write_bytes(streamable.read_bytes()[: streamable.stat().st_size * 2 // 5])
    return partial
