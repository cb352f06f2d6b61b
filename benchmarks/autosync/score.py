"""Scoring helpers for the auto-sync benchmark: timed words and cues against a fixture's truth.

Sentences are split exactly as the fixture tool splits them (tools/speech_fixture/common.py), so sentence
k of the transcript is sentence k of the truth file.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
import wave
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from editor.core.model import Cue, Word

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


def summary(errors: Sequence[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and maximum."""
    values = np.asarray(errors)
    return float(np.median(values)), float(np.percentile(values, 95)), float(values.max())


MAX_SHOWN_OVER_FOREIGN_MS = 600  # a cue may linger (500 ms) and lead in (100 ms) over audio that is not its own
MAX_PAUSE_S = 1.5


class Scores(NamedTuple):
    """What the benchmark prints for one variant."""

    cue_starts: tuple[float, float, float]
    sentence_max: float
    earliest_s: float
    bad_cues: int
    unheard_flagged: int
    unheard_words: int
    doubtful: int
    two_recordings: int | None  # cues holding words of two recordings (None: the truth does not say)
    bias_s: float  # median signed error of the sentence-opening cues (cue start less true start)


def score_variant(words: Sequence[Word], cues: Sequence[Cue], truth: dict[str, Any]) -> Scores:
    """Errors of sentence-opening cues and of sentence starts, and the robustness counts."""
    sentences, missing = truth["sentences"], set(truth.get("missing", []))
    firsts = sentence_first_words(words)
    if len(firsts) != len(sentences):
        raise ValueError(f"{len(firsts)} sentences in the transcript, {len(sentences)} in the truth")
    heard = [k for k in range(len(sentences)) if k not in missing]
    sentence_errors = [abs((words[firsts[k]].start_ms or 0) / 1000 - sentences[k]["start"]) for k in heard]
    opening = {firsts[k]: k for k in heard}
    recordings = [sentence.get("recording") for sentence in sentences]
    errors, early, bad, two, position = [], [0.0], 0, 0, 0
    for cue in cues:
        if position in opening:
            error = cue.start_ms / 1000 - sentences[opening[position]]["start"]
            errors.append(abs(error))
            early.append(-error)
        owners = {bisect.bisect_right(firsts, index) - 1 for index in range(position, position + len(cue.words))}
        bad += _holds_foreign_or_pause(cue, sorted(owners - missing), truth)
        two += len({recordings[k] for k in owners}) > 1
        position += len(cue.words)
    lacking = [
        word for k in missing for word in words[firsts[k]: _next_first(firsts, k, len(words))] if not word.is_gap
    ]
    unheard = sum(getattr(word, "is_unheard", False) for word in lacking)  # getattr: older code can be scored
    return Scores(summary(errors), max(sentence_errors), max(early), bad, unheard, len(lacking),
                  sum(word.is_doubtful for word in words), two if None not in recordings else None,
                  -float(np.median(early[1:])))


def _next_first(firsts: Sequence[int], k: int, count: int) -> int:
    return firsts[k + 1] if k + 1 < len(firsts) else count


def _holds_foreign_or_pause(cue: Cue, owners: Sequence[int], truth: dict[str, Any]) -> bool:
    """The cue is on screen over speech or music the transcript lacks, or its words span a long pause."""
    for start, end, _ in truth.get("foreign", []):
        shared = min(end * 1000, cue.end_ms) - max(start * 1000, cue.start_ms)
        if shared > MAX_SHOWN_OVER_FOREIGN_MS:
            return True
    sentences = truth["sentences"]
    return any(sentences[b]["start"] - sentences[a]["end"] > MAX_PAUSE_S for a, b in itertools.pairwise(owners))


class CueError(NamedTuple):
    """One cue scored against the truth: which sentence it opens (None inside a sentence), the true start of
    its first word, its start, and its opening words."""

    sentence: int | None
    truth_s: float
    cue_s: float
    text: str

    @property
    def error_s(self) -> float:
        return self.cue_s - self.truth_s


def cue_errors(words: Sequence[Word], cues: Sequence[Cue], truth: dict[str, Any]) -> list[CueError]:
    """Every cue whose first word's true start is known: the sentence openers, and on fixtures with word
    times (the espeak-ng voices) the cues that start inside a sentence on a word the voice said as written."""
    true_starts = _true_word_starts(words, truth)
    errors, position = [], 0
    for cue in cues:
        if position in true_starts:
            sentence, start = true_starts[position]
            errors.append(CueError(sentence, start, cue.start_ms / 1000, cue.text.replace("\n", " ")[:50]))
        position += len(cue.words)
    return errors


def _true_word_starts(words: Sequence[Word], truth: dict[str, Any]) -> dict[int, tuple[int | None, float]]:
    """Word index -> (sentence it opens or None, true start) for the words whose start the truth knows."""
    firsts, missing = sentence_first_words(words), set(truth.get("missing", []))
    found: dict[int, tuple[int | None, float]] = {}
    for k, sentence in enumerate(truth["sentences"]):
        if k in missing:
            continue
        found[firsts[k]] = (k, sentence["start"])
        mine = [_plain(word.text) for word in words[firsts[k]: _next_first(firsts, k, len(words))]]
        said = sentence.get("words", [])
        matcher = difflib.SequenceMatcher(None, mine, [_plain(word["w"]) for word in said], autojunk=False)
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                if block.a + offset > 0:
                    found[firsts[k] + block.a + offset] = (None, said[block.b + offset]["start"])
    return found


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9']", "", text.lower())
