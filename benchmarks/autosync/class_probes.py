"""The failure classes the held-out halves showed, on short speech made on the spot: each case a few sentences
said by espeak-ng beside an insert (speech the transcript lacks), in four voices and two noise levels.

    .venv/bin/python benchmarks/autosync/class_probes.py [CASE ...]     # about 3 CPU minutes for all

Classes: a phrase the transcript says twice, the later copy right before an insert ("That is not." / "That is
not."); a short sentence beside an insert or an intro ("-- for.", "Two.", "From him.", "To success."), or
between two ("-- for."); a sentence whose first word an insert before it says too ("... together against the
storm", "Against sisal").
Each row is one case in one voice at one noise level (the standard deviation of white noise added to speech
peaking near 0.5): the error of each scored sentence's first word (ms, + late). The last line counts the
rows with an error over 800 ms, issue 10's limit.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "timing"))

from spoken import RATE, speak  # noqa: E402  (the tests' espeak-ng speech, with known phrase times)

from editor.core.model import Word  # noqa: E402
from editor.timing.align import align_words  # noqa: E402

VOICES = ("en-us", "en-gb-scotland", "en+m4", "en-us+f2")
NOISES = (0.01, 0.03)
LIMIT_MS = 800
SPONSORS = "This programme is brought to you by our sponsors. Thank you for watching, and have a good evening."
WEATHER = "We will be right back after these messages. Stay with us for the weather and the traffic report."
COMING_UP = "Coming up next, the best places to eat on a budget this summer, and a chef who grows his own lettuce."
REPORTER = "That was our reporter in the capital."
MINISTER = "The minister arrived in Baghdad on Monday morning with his advisors."
TALKS = "The talks will go on until the end of the week in the capital."
KERRY = "Kerry urged the leaders to form a new government as soon as possible."
CONNECTED = "America is not connected from the war that is not."
AGAINST = "Against ISIS or to meet any of the other challenges Iraq faces."
TOGETHER = "Thank you for watching. The whole town is standing together against the storm tonight."

Case = tuple[list[str | float], list[str], list[tuple[int, str]]]


def beside_an_insert(written: str, said: str, insert: str, after_it: bool) -> Case:
    """A sentence (as written, as said) right after or right before an insert, between two others."""
    middle: list[str | float] = [insert, 0.4, said, 0.5] if after_it else [said, 0.3, insert, 0.4]
    said_parts: list[str | float] = [0.4, MINISTER, 0.5, *middle, TALKS, 0.5, KERRY, 0.5]
    return said_parts, [MINISTER, written, TALKS, KERRY], [(1, said), (2, TALKS)]


# case: (what is said, with pauses in seconds; the transcript's sentences; (sentence, phrase said) pairs scored)
CASES: dict[str, Case] = {
    "repeat before an insert": (
        [0.4, MINISTER, 0.5, CONNECTED, 0.5, "That is not.", 0.5, SPONSORS, 0.5, TALKS, 0.5, KERRY, 0.5],
        [MINISTER, "America is not connected from the -- that is not.", "That is not.", TALKS, KERRY],
        [(2, "That is not."), (3, TALKS)]),
    "-- for. after an insert": beside_an_insert("-- for.", "Three hundred for.", WEATHER, after_it=True),
    "-- for. before an insert": beside_an_insert("-- for.", "Three hundred for.", WEATHER, after_it=False),
    "-- for. between inserts": (
        [0.4, MINISTER, 0.5, WEATHER, 0.55, "Three hundred for.", 0.2, REPORTER, 0.4, TALKS, 0.5, KERRY, 0.5],
        [MINISTER, "-- for.", TALKS, KERRY], [(1, "Three hundred for."), (2, TALKS)]),
    "Two. before an insert": (
        [0.4, MINISTER, 0.5, "How many of them are there.", 0.4, "Two.", 0.3, SPONSORS, 0.4, TALKS, 0.5],
        [MINISTER, "How many of them are there.", "Two.", TALKS], [(2, "Two."), (3, TALKS)]),
    "short after an insert": beside_an_insert("To success.", "To success.", SPONSORS, after_it=True),
    "short before an insert": beside_an_insert("To success.", "To success.", SPONSORS, after_it=False),
    "From him. after an intro": (
        [0.3, COMING_UP, 0.4, "From him.", 0.3, "Celebrating a battlefield victory in Iraq this time.", 0.5, TALKS,
         0.5, KERRY, 0.5],
        ["From him.", "Celebrating a battlefield victory in Iraq this time.", TALKS, KERRY],
        [(0, "From him."), (1, "Celebrating a battlefield victory in Iraq this time.")]),
    "an insert saying the next first word": (
        [0.4, MINISTER, 0.5, "To success.", 1.5, TOGETHER, 0.5, AGAINST, 0.5, TALKS, 0.5],
        [MINISTER, "To success.", AGAINST.replace("ISIS", "sisal"), TALKS], [(1, "To success."), (2, AGAINST)]),
}


def errors_ms(case: str, voice: str, noise: float, folder: Path) -> list[int]:
    """The first-word error of each scored sentence of a case, in one voice at one noise level."""
    parts, sentences, scored = CASES[case]
    speech = speak(parts, folder, voice)
    noisy = speech.samples + np.random.default_rng(1).normal(0, noise, len(speech.samples)).astype(np.float32)
    words = align_words([Word(token) for token in " ".join(sentences).split()], noisy, RATE, workers=0).words
    firsts = [len(" ".join(sentences[:number]).split()) for number in range(len(sentences))]
    return [(words[firsts[number]].start_ms or 0) - speech.phrase(said)[0] for number, said in scored]


def main() -> None:
    chosen = sys.argv[1:] or list(CASES)
    over = rows = 0
    with tempfile.TemporaryDirectory() as folder:
        for case in chosen:
            for voice in VOICES:
                for noise in NOISES:
                    found = errors_ms(case, voice, noise, Path(folder))
                    rows += 1
                    over += any(abs(error) > LIMIT_MS for error in found)
                    print(f"{case:38s} {voice:15s} {noise:.2f}  " + "  ".join(f"{error:+6d}" for error in found),
                          flush=True)
    print(f"\n{over} of {rows} rows with a sentence start more than {LIMIT_MS} ms off")


if __name__ == "__main__":
    main()
