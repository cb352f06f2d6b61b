"""Real recorded speech for the auto-sync benchmark: the test recordings Debian's pocketsphinx-testdata
ships with their transcripts (a LibriVox reading, card names said by a speaker, one command), joined with
pauses into two short programmes, the second in another order after an 8 s music intro.

    apt-get install pocketsphinx-testdata
    benchmarks/fixtures/.venv-fixture/bin/python benchmarks/autosync/make_real.py [DATA_DIR] [OUT_DIR]

Writes OUT_DIR/real-{a,b}.{wav,truth.json,transcript.txt}. A sentence is one recording; its start is where
the recording's speech starts (the first loud 10 ms frame), so scores carry about 10-20 ms of that doubt.
The recordings are few (11, 37 s of speech): a check on real voices, not a measurement of them.
"""

from __future__ import annotations

import json
import re
import sys
import wave
from pathlib import Path

import numpy as np

RATE = 16_000
FRAME = RATE // 100


def recordings(data: Path) -> list[tuple[str, np.ndarray]]:
    """(text, samples) of every recording whose transcript the package gives."""
    found = []
    for folder, listing in (("librivox", "transcription"), ("cards", "cards.transcription")):
        for line in (data / folder / listing).read_text().splitlines():
            match = re.match(r"<s>(.*)</s>\s*\((.+)\)", line.strip())
            if match:
                found.append((match.group(1).strip(), _read_wav(data / folder / f"{match.group(2)}.wav")))
    raw = np.frombuffer((data / "goforward.raw").read_bytes(), dtype="<i2").astype(np.float32) / 32768
    found.append(("go forward ten meters", raw))
    return found


def _read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as handle:
        assert handle.getframerate() == RATE and handle.getnchannels() == 1, path
        return np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(np.float32) / 32768


def speech_bounds(samples: np.ndarray) -> tuple[float, float]:
    """Seconds where the recording's speech starts and ends: frames well above its own noise floor."""
    frames = samples[: len(samples) // FRAME * FRAME].reshape(-1, FRAME)
    energy = np.sqrt((frames**2).mean(axis=1))
    floor, peak = np.percentile(energy, 10), energy.max()
    loud = np.flatnonzero(energy > max(4 * floor, 0.05 * peak))
    return loud[0] / 100, (loud[-1] + 1) / 100


def programme(clips: list[tuple[str, np.ndarray]], rng: np.random.Generator, intro_s: float) -> tuple[np.ndarray, dict]:
    """Clips joined with 0.4-2 s pauses after an intro; truth with each clip's speech start and end."""
    t = np.arange(int(intro_s * RATE)) / RATE
    pieces = [0.05 * (np.sin(2 * np.pi * 220 * t) + np.sin(2 * np.pi * 330 * t)) * (np.sin(2 * np.pi * 2 * t) > 0)]
    position, sentences = len(pieces[0]) / RATE, []
    for number, (text, samples) in enumerate(clips):
        start, end = speech_bounds(samples)
        sentences.append({"i": number, "text": text.capitalize() + ".", "start": round(position + start, 3),
                          "end": round(position + end, 3)})
        pause = np.zeros(int(rng.uniform(0.4, 2.0) * RATE), np.float32)
        pieces += [samples, pause]
        position += (len(samples) + len(pause)) / RATE
    audio = np.concatenate(pieces).astype(np.float32)
    foreign = [[0.0, intro_s, "music"]] if intro_s else []
    return audio, {"duration": len(audio) / RATE, "sentences": sentences, "foreign": foreign, "missing": []}


def write(out: Path, name: str, audio: np.ndarray, truth: dict) -> None:
    with wave.open(str(out / f"{name}.wav"), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    transcript = out / f"{name}.transcript.txt"
    body = " ".join(sentence["text"] for sentence in truth["sentences"])
    transcript.write_text(f"Real recordings\n00:{int(truth['duration']):02d} | 01/01/26\nTranscript for real\n{body}\n")
    truth["transcript"] = str(transcript.resolve())
    (out / f"{name}.truth.json").write_text(json.dumps(truth, indent=1))


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/pocketsphinx/test/data")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "benchmarks/fixtures")
    clips = recordings(data)
    rng = np.random.default_rng(7)
    write(out, "real-a", *programme(clips, rng, 0.0))
    shuffled = [clips[index] for index in rng.permutation(len(clips))]
    write(out, "real-b", *programme(shuffled, rng, 8.0))


if __name__ == "__main__":
    main()
