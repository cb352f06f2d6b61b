"""Proofing on real human speech: the real-speech programmes' true transcripts with sound-alike garbles the
audio does not say, through the same chain as `cueline check --media` (auto-sync, audio evidence, the checks).

    benchmarks/autosync/make_fixtures.sh    # once: real-a / real-b into benchmarks/fixtures (git-ignored)
    benchmarks/proofing/make_real_control.sh  # once: real-a's transcript read by flite slt (real-a-slt)
    .venv/bin/python benchmarks/proofing/run_real.py [--half clean tune report] [--names] [--programmes ...] [--details]

real-a and real-b are 13 real recordings (pocketsphinx-testdata's LibriVox reader and card speakers, a
LibriVox sonnet, Kennedy's "ask not" with crowd noise), about 2 minutes each, the second in another order
after a music intro. Into each transcript inject.py puts garbles chosen from the pronouncing dictionary (about
a tenth of the content words, one seed a row). The seeds are split: anything changed for real speech was
chosen on the tune seeds, and the report seeds are run once. Both halves hear the same recordings, so the
report half is new garbles, not new voices. The clean rows are the true transcripts: every flag is on a
correct word. Times are wall and CPU (user+sys, this process and its workers) of the audio evidence.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import wave
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject import inject
from name_garbles import glossary_terms, name_garbles
from run_benchmark import CACHE, FIXTURES, checked, garbles_in, listened, synced
from truth import Score

from editor.core.glossary import FUNCTION_WORDS
from editor.core.model import GlossaryTerm

PROGRAMMES = ("real-a", "real-b")
CONTROLS = {"real-a-slt": "real-a"}  # the same transcript read by a synthetic voice (make_real_control.sh)
SEEDS = {"tune": (1, 2, 3, 4), "report": (5, 6, 7, 8), "clean": (0,)}  # seed 0: the true transcript
SHARE = 0.6  # of the content words that have a sound-alike: 6-12 % of all content words garbled (mean 10 %)
HEADER = ("| programme, seed | garbles (of content words) | flagged | flags on correct words: audio / spelling "
          "(per min) | right form in top 3 | evidence wall / CPU | after auto-sync alone: flagged / audio flags on "
          "correct words |\n|---|---|---|---|---|---|---|")


@dataclass
class Totals:
    """A half's rows added up."""

    garbles: int = 0
    flagged: int = 0
    audio_flags: int = 0
    spelling_flags: int = 0
    top3: int = 0
    minutes: float = 0.0
    synced_flagged: int = 0
    synced_flags: int = 0

    def add(self, result: Score, minutes: float, synced_only: Score) -> None:
        self.synced_flagged += synced_only.flagged
        self.synced_flags += len(synced_only.false_flags) - spelling_flags(synced_only)
        self.garbles += result.total
        self.flagged += result.flagged
        self.audio_flags += len(result.false_flags) - spelling_flags(result)
        self.spelling_flags += spelling_flags(result)
        self.top3 += result.right_in_top3
        self.minutes += minutes


def spelling_flags(result: Score) -> int:
    """Flags on correct words that spell check raised (words its dictionaries lack), not the audio."""
    return sum(1 for line in result.false_flags if ": spelling “" in line)


def flags_cell(audio: int, spelling: int, minutes: float) -> str:
    return f"{audio} / {spelling} ({audio / minutes:.1f} / {spelling / minutes:.1f})"


def transcript_words(programme: str) -> tuple[list[str], list[str]]:
    """The programme's header lines (up to "Transcript for") and its words."""
    lines = (FIXTURES / f"{CONTROLS.get(programme, programme)}.transcript.txt").read_text(encoding="utf-8").split("\n")
    body_at = next(i for i, line in enumerate(lines) if line.startswith("Transcript for")) + 1
    return lines[:body_at], " ".join(lines[body_at:]).split()


def content_words(words: list[str]) -> int:
    """Words the injector may garble: not function words, three letters or more."""
    cores = (word.strip(".,;:!?\"'").lower() for word in words)
    return sum(1 for core in cores if core not in FUNCTION_WORDS and len(core) >= 3)


def garbled(programme: str, seed: int, names: bool) -> tuple[Path, dict[int, tuple[str, str]], int]:
    """The transcript with the seed's garbles (seed 0: none; `names`: of its glossary terms), where it was
    written, and its content words."""
    header, words = transcript_words(programme)
    garbles = {} if not seed else name_garbles(words, glossary_terms(words), seed) if names else inject(
        words, SHARE, seed)
    text = "\n".join([*header, " ".join(garbles.get(i, (word, word))[0] for i, word in enumerate(words))]) + "\n"
    digest = hashlib.sha1(text.encode()).hexdigest()[:10]  # the sync cache follows the text
    path = CACHE / f"proofing-{programme}-{digest}.txt"
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, garbles, content_words(words)


def minutes_of(audio: Path) -> float:
    with wave.open(str(audio), "rb") as handle:
        return handle.getnframes() / handle.getframerate() / 60


def row(programme: str, seed: int, names: bool, details: bool) -> tuple[Score, float, Score]:
    """One programme with one seed's garbles, synced, heard and checked; its table row printed. The last
    column is what the editor shows between auto-sync and the end of listening (its low-confidence words)."""
    transcript, garbles, content = garbled(programme, seed, names)
    audio = FIXTURES / f"{programme}.wav"
    document, _sync_s, _sync_cpu = synced(transcript, audio, transcript.with_suffix(".synced.cueline"))
    if names:
        terms = glossary_terms(transcript_words(programme)[1])
        document = replace(document, glossary=tuple(GlossaryTerm(term) for term in terms))
    synced_only, _check_s = checked(document, garbles_in(document, garbles))
    heard, listen_s, listen_cpu = listened(document, audio)
    result, _check_s = checked(heard, garbles_in(heard, garbles))
    minutes = minutes_of(audio)
    share = f"{len(garbles)} ({len(garbles) / content:.0%} of {content})" if seed else "0 (true transcript)"
    spelling = spelling_flags(result)
    print(f"| {programme}, {seed or 'clean'} | {share} | {result.flagged} | "
          f"{flags_cell(len(result.false_flags) - spelling, spelling, minutes)} | {result.right_in_top3} | "
          f"{listen_s:.1f} s / {listen_cpu:.1f} s | {synced_only.flagged} / "
          f"{len(synced_only.false_flags) - spelling_flags(synced_only)} |")
    if details:
        for line in result.false_flags + result.missed:
            print(f"|   {line} | | | | | | |")
    return result, minutes, synced_only


def half(name: str, programmes: list[str], names: bool, details: bool) -> None:
    kind = "glossary terms garbled, the glossary given" if names else "one-sound garbles, no glossary"
    print(f"\n{name} seeds ({kind})\n\n{HEADER}")
    totals = Totals()
    for programme in programmes:
        for seed in SEEDS[name]:
            totals.add(*row(programme, seed, names, details))
    print(f"| **{name}, all rows** | {totals.garbles} | {totals.flagged} | "
          f"{flags_cell(totals.audio_flags, totals.spelling_flags, totals.minutes)} | {totals.top3} | | "
          f"{totals.synced_flagged} / {totals.synced_flags} ({totals.synced_flags / totals.minutes:.1f} a minute) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", nargs="+", choices=list(SEEDS), default=["clean", "tune"],
                        help="which seeds (the report half is run once, after the tuning)")
    parser.add_argument("--programmes", nargs="+", choices=[*PROGRAMMES, *CONTROLS], default=list(PROGRAMMES),
                        help="real-a-slt: real-a's transcript read by flite's slt, to tell the voice from the text")
    parser.add_argument("--names", action="store_true",
                        help="garble the glossary terms (the programme's rare words) and give the glossary")
    parser.add_argument("--details", action="store_true", help="list every false flag and every missed garble")
    options = parser.parse_args()
    missing = [p for p in options.programmes if not (FIXTURES / f"{p}.wav").exists()]
    if missing:
        sys.exit(f"no {', '.join(missing)} in {FIXTURES}: run benchmarks/autosync/make_fixtures.sh "
                 "(real-a-slt: benchmarks/proofing/make_real_control.sh)")
    for name in options.half:
        half(name, options.programmes, options.names, options.details)


if __name__ == "__main__":
    main()
