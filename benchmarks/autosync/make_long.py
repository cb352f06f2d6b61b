"""The hour-long auto-sync fixture: five matrix variants end to end, their transcripts and truths joined.

    python benchmarks/autosync/make_long.py [FIXTURES]

Joining variants that already exist costs seconds (synthesising an hour costs many CPU minutes) and gives the
hour every voice, noise level and edit of the matrix, from both halves. Writes FIXTURES/long.{wav,truth.json,
transcript.txt}; make_fixtures.sh wraps the WAV in MP4 like the others.
"""

from __future__ import annotations

import json
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resources" / "samples" / "abc-news-2014-06-24-transcript.txt"
PARTS = ("r-espeak-18dB", "t-mix-inserts", "r-pauses-quiet", "t-espeak-edited", "r-mix-12dB")
BODY_MARK = "Transcript for"


def main() -> None:
    fixtures = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks" / "fixtures"
    truths = [json.loads((fixtures / f"{part}.truth.json").read_text()) for part in PARTS]
    lengths = _join_audio([fixtures / f"{part}.wav" for part in PARTS], fixtures / "long.wav")
    duration = sum(lengths)
    transcript = fixtures / "long.transcript.txt"
    transcript.write_text(_joined_transcript(len(PARTS), duration), encoding="utf-8")
    truth = _joined_truth(truths, lengths)
    (fixtures / "long.truth.json").write_text(json.dumps(truth))
    print(f"long: {duration / 60:.1f} min, {truth['n_sentences']} sentences")


def _join_audio(paths: list[Path], out: Path) -> list[float]:
    """The WAVs one after another (16-bit mono at one rate); each one's length in seconds."""
    lengths = []
    with wave.open(str(out), "wb") as joined:
        for number, path in enumerate(paths):
            with wave.open(str(path), "rb") as part:
                if number == 0:
                    joined.setparams(part.getparams())
                joined.writeframes(part.readframes(part.getnframes()))
                lengths.append(part.getnframes() / part.getframerate())
    return lengths


def _joined_transcript(times: int, duration: float) -> str:
    """The seed's header with the hour's runtime, then its body `times` times over."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(BODY_MARK))
    runtime = f"{int(duration // 60)}:{int(duration % 60):02d}"
    header = [f"{runtime} | {line.split('|', 1)[1].strip()}" if "|" in line else line for line in lines[: start + 1]]
    body = " ".join(line.strip() for line in lines[start + 1:] if line.strip())
    return "\n".join(header) + "\n" + " ".join([body] * times) + "\n"


def _joined_truth(truths: list[dict], lengths: list[float]) -> dict:
    """Sentences (and their words' times), foreign audio and missing sentences of every part, moved to the part's
    place in the hour."""
    sentences: list[dict] = []
    foreign: list[list] = []
    missing: list[int] = []
    offset = 0.0
    for truth, length in zip(truths, lengths, strict=True):
        first = len(sentences)
        moved = ({**s, "i": first + s["i"], "start": s["start"] + offset, "end": s["end"] + offset,
                  "words": [{**word, "start": word["start"] + offset} for word in s.get("words", [])]}
                 for s in truth["sentences"])
        sentences.extend(moved)
        foreign.extend([start + offset, end + offset, kind] for start, end, kind in truth.get("foreign", []))
        missing.extend(first + k for k in truth.get("missing", []))
        offset += length
    return {"duration": offset, "n_sentences": len(sentences), "sentences": sentences, "foreign": foreign,
            "missing": missing, "parts": list(PARTS), "half": "both"}


if __name__ == "__main__":
    main()
