"""Speech made inside the tests with flite's "slt" voice: the phone recogniser hears it more clearly than
espeak-ng's, as it does broadcast speech, so tests of what the audio says use it."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np

RATE = 16_000


def flite_speech(text: str, folder: Path, pause_s: float = 0.3) -> np.ndarray:
    """`text` spoken at 16 kHz, with a pause before and after."""
    assert shutil.which("flite"), "flite is needed to make test speech (./dev.sh test installs it)"
    path = folder / "flite.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(path)], check=True)
    with wave.open(str(path), "rb") as handle:
        rate = handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    spoken = np.interp(np.arange(int(len(data) * RATE / rate)) * rate / RATE, np.arange(len(data)), data)
    silence = np.zeros(int(pause_s * RATE), np.float32)
    return np.concatenate([silence, spoken.astype(np.float32), silence])
