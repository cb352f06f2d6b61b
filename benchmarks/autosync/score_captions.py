"""Score a caption file written by `cueline import --media` against a fixture's truth.

    .venv/bin/cueline import resources/samples/abc-news-2014-06-24-transcript.txt \
        --media benchmarks/fixtures/mix.mp4 -o /tmp/mix.srt
    .venv/bin/python benchmarks/autosync/score_captions.py /tmp/mix.srt benchmarks/fixtures/mix.truth.json

Cues are matched to the truth's sentences by text: a cue whose text begins where a sentence begins (in
transcript order) is scored by the error of its start time.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import summary  # noqa: E402

from editor.formats.registry import read_file  # noqa: E402


def _words(text: str) -> list[str]:
    return [token for token in re.sub(r"\s+", " ", text).strip().split(" ") if token]


def cue_start_errors(captions: Path, truth_path: Path) -> list[float]:
    """Errors (s) of cues that open a sentence, found by walking cues and sentences word by word."""
    sentences = json.loads(truth_path.read_text())["sentences"]
    starts_at_word: dict[int, float] = {}
    position = 0
    for sentence in sentences:
        starts_at_word[position] = sentence["start"]
        position += len(_words(sentence["text"]))
    errors, position = [], 0
    for cue in read_file(captions).document.cues:
        if position in starts_at_word:
            errors.append(abs(cue.start_ms / 1000 - starts_at_word[position]))
        position += len(_words(cue.text))
    return errors


if __name__ == "__main__":
    found = cue_start_errors(Path(sys.argv[1]), Path(sys.argv[2]))
    median, p95, worst = summary(found)
    print(f"{len(found)} cues open a sentence: start error median {median:.3f} s, p95 {p95:.3f} s, max {worst:.3f} s")
