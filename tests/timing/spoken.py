"""Speech made inside the tests with espeak-ng (or flite), with exact times: phrases are synthesised one by one,
trimmed, and joined with known pauses, so every phrase's start and end in the audio is known."""

from __future__ import annotations

import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16_000


@dataclass(frozen=True)
class Speech:
    """Audio and where each spoken phrase starts and ends (ms)."""

    samples: np.ndarray
    phrases: list[tuple[str, int, int]]

    def phrase(self, text: str) -> tuple[int, int]:
        return next((start, end) for said, start, end in self.phrases if said == text)


def _synthesised(text: str, folder: Path, voice: str) -> np.ndarray:
    """`text` said by espeak-ng in `voice`, or by flite in a voice named "flite:NAME", trimmed, at RATE."""
    path = folder / "phrase.wav"
    engine = "flite" if voice.startswith("flite:") else "espeak-ng"
    assert shutil.which(engine), f"{engine} is needed to make test speech (./dev.sh test installs it)"
    if engine == "flite":
        subprocess.run(["flite", "-voice", voice.removeprefix("flite:"), "-t", text, "-o", str(path)], check=True)
    else:
        subprocess.run(["espeak-ng", "-v", voice, "-s", "165", "-w", str(path), text], check=True)
    with wave.open(str(path), "rb") as handle:
        rate = handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    resampled = np.interp(np.arange(int(len(data) * RATE / rate)) * rate / RATE, np.arange(len(data)), data)
    loud = np.flatnonzero(np.abs(resampled) > 0.01)
    clip = resampled[loud[0]: loud[-1] + 1]
    if engine == "flite":  # flite speaks at full scale: its peaks brought to espeak-ng's, near 0.5
        clip = clip * 0.5 / np.abs(clip).max()
    return clip.astype(np.float32)


def speak(parts: list[str | float], folder: Path, voice: str = "en-us") -> Speech:
    """Phrases (str) and pauses (float seconds) in order, as one recording with known phrase times, in an
    espeak-ng `voice` (or flite's, "flite:slt")."""
    pieces: list[np.ndarray] = []
    phrases: list[tuple[str, int, int]] = []
    position = 0
    for part in parts:
        clip = np.zeros(int(part * RATE), np.float32) if isinstance(part, float) else _synthesised(part, folder, voice)
        if isinstance(part, str):
            phrases.append((part, position * 1000 // RATE, (position + len(clip)) * 1000 // RATE))
        pieces.append(clip)
        position += len(clip)
    return Speech(np.concatenate(pieces), phrases)


def write_wav(samples: np.ndarray, path: Path) -> Path:
    """Mono 16-bit PCM at RATE, as media the tests hand to the editor."""
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path
