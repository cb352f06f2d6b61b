"""Scoring helpers for the auto-sync benchmark: sentence starts of timed words against a fixture's truth.

Sentences are split exactly as the fixture tool splits them (tools/speech_fixture/common.py), so sentence
k of the transcript is sentence k of the truth file.
"""

from __future__ import annotations

import difflib
import json
import re
import wave
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from editor.core.model import Word

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "sen", "gov", "gen", "col", "lt", "rep", "jr", "sr", "vs",
                  "u.s", "a.m", "p.m"}


def read_wav(path: Path) -> np.ndarray:
    """16-bit mono WAV as float32 in [-1, 1] (the fixture tool writes 16 kHz)."""
    with wave.open(str(path), "rb") as handle:
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    return data.astype(np.float32) / 32768.0


def sentence_first_words(words: Sequence[Word]) -> list[int]:
    """Index of the first word of each sentence, by the fixture tool's rule."""
    firsts, current = [], []
    for index, word in enumerate(words):
        if not current:
            firsts.append(index)
        current.append(word)
        if re.search(r"[.?!][\"')\]]*$", word.text):
            core = word.text.rstrip(".?!\"')]").lower()
            if core in _ABBREVIATIONS or re.fullmatch(r"[a-z]", core):
                continue
            current = []
    return firsts


def sentence_errors(words: Sequence[Word], truth_path: Path) -> list[float]:
    """Absolute error (s) of each sentence's start against the truth."""
    truth = json.loads(truth_path.read_text())["sentences"]
    firsts = sentence_first_words(words)
    if len(firsts) != len(truth):
        raise ValueError(f"{len(firsts)} sentences in the transcript, {len(truth)} in the truth")
    errors = []
    for k, sentence in enumerate(truth):
        start = words[firsts[k]].start_ms or 0  # a sentence opening with `--` starts with the unheard speech
        errors.append(abs(start / 1000 - sentence["start"]))
    return errors


def summary(errors: Sequence[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and maximum."""
    values = np.asarray(errors)
    return float(np.median(values)), float(np.percentile(values, 95)), float(values.max())


def _bare(token: str) -> str:
    return re.sub(r"[^a-z0-9']", "", token.lower())


def swapped_words(words: Sequence[Word], truth_path: Path) -> set[int]:
    """Indices of transcript words the fixture spoke as another word (its --sub-rate swaps)."""
    truth = json.loads(truth_path.read_text())["sentences"]
    firsts = [*sentence_first_words(words), len(words)]
    swapped: set[int] = set()
    for k, sentence in enumerate(truth):
        indices = [i for i in range(firsts[k], firsts[k + 1]) if not words[i].is_gap]
        said = [_bare(token) for token in re.sub(r"(?:--\s*)+", " ", sentence["text"]).split()]
        spoken = [_bare(token) for token in sentence["spoken"].split()]
        matcher = difflib.SequenceMatcher(None, said, spoken, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                swapped.update(indices[i] for i in range(i1, i2) if i < len(indices))
    return swapped
