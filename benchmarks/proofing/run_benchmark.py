"""Proofing benchmark: how many garbled words the checks find, how many correct words they flag, whether the
right form is among the top three suggestions, and what listening costs.

    benchmarks/proofing/make_fixtures.sh        # once: speech into benchmarks/fixtures (git-ignored)
    .venv/bin/python benchmarks/proofing/run_benchmark.py [--voices slt kal] [--texts flood council]

(a) The bundled sample, its audio speaking the right forms of the garbles listed in sample_garbles.json, with
the story's glossary (no hints): with audio (auto-sync, then audio evidence) and without audio. (b) Other
texts, spoken as written, whose transcripts get sound-alike garbles injected from the pronouncing dictionary
(inject.py), without a glossary. Tuned on the slt and kal voices; rms is the voice reported as unseen. Times are wall
and CPU (user+sys, this process and its workers): on a shared machine the wall time is inflated.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject import inject  # noqa: E402
from truth import Garble, Score, locate, score  # noqa: E402

from editor.checks.registry import run_checks  # noqa: E402
from editor.checks.word_spans import word_spans  # noqa: E402
from editor.core.model import Document, GlossaryTerm  # noqa: E402
from editor.core.style import DEFAULT_STYLE  # noqa: E402
from editor.formats.registry import read_file, write_file  # noqa: E402
from editor.media.audio import decode_audio  # noqa: E402
from editor.timing.align import SAMPLE_RATE  # noqa: E402
from editor.timing.evidence import gather_evidence  # noqa: E402
from editor.timing.sounds_like import rescore  # noqa: E402
from editor.workflows.autosync import Synced, sync_to_media  # noqa: E402
from editor.workflows.open_file import Opened, open_file  # noqa: E402

FIXTURES = ROOT / "benchmarks" / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "abc-news-2014-06-24-transcript.txt"
GLOSSARY = ("ISIS", "ISIL", "Erbil", "Maliki", "Nouri", "McGurk", "Marquardt", "Macdonald", "Baiji", "Kurdistan")
INJECT_SHARE, INJECT_SEED = 0.5, 7


def cpu_seconds() -> float:
    """User+sys CPU of this process and of the worker processes it waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def opened(path: Path) -> Document:
    outcome = open_file(path, DEFAULT_STYLE)
    assert isinstance(outcome, Opened), outcome
    return outcome.document


def synced(transcript: Path, audio: Path, cache: Path) -> tuple[Document, float, float]:
    """The transcript auto-synced to the audio (cached, as the sync is auto-sync's benchmark, not ours)."""
    if cache.exists():
        return read_file(cache).document, 0.0, 0.0
    began, cpu = time.monotonic(), cpu_seconds()
    outcome = sync_to_media(opened(transcript), audio, DEFAULT_STYLE)
    assert isinstance(outcome, Synced), f"no speech heard in {audio}"
    write_file(outcome.document, cache)
    return outcome.document, time.monotonic() - began, cpu_seconds() - cpu


def listened(document: Document, audio: Path) -> tuple[Document, float, float]:
    samples = decode_audio(audio, SAMPLE_RATE)
    began, cpu = time.monotonic(), cpu_seconds()
    heard = gather_evidence(document, samples)
    return heard, time.monotonic() - began, cpu_seconds() - cpu


def checked(document: Document, garbles: list[Garble]) -> tuple[Score, float]:
    began = time.monotonic()
    issues = run_checks(document, DEFAULT_STYLE)
    return score(document, issues, garbles), time.monotonic() - began


def unheard(document: Document) -> Document:
    return document.with_cues([replace(cue, words=()) for cue in document.cues])


def report(label: str, result: Score, seconds: str, details: bool) -> None:
    print(f"| {label} | {result.flagged} / {result.total} | {len(result.false_flags)} | "
          f"{result.right_in_top3} | {len(result.replace_all_harm)} | {seconds} |")
    if details:
        for line in result.false_flags + [f"replace-all harm: {h}" for h in result.replace_all_harm]:
            print(f"|   {line} | | | | | |")


def sample_rows(voice: str, details: bool) -> None:
    entries = json.loads((Path(__file__).parent / "sample_garbles.json").read_text())["garbled"]
    audio = FIXTURES / f"proofing-{voice}.wav"
    document, sync_s, sync_cpu = synced(SAMPLE, audio, FIXTURES / f"proofing-{voice}.synced.cueline")
    document = replace(document, glossary=tuple(GlossaryTerm(name) for name in GLOSSARY))
    heard, listen_s, listen_cpu = listened(document, audio)
    result, check_s = checked(heard, locate(heard, entries))
    sync_note = f"sync {sync_s:.0f} s wall / {sync_cpu:.0f} s CPU, " if sync_s else ""
    report(f"sample, {voice}, audio + glossary", result,
           f"{sync_note}evidence {listen_s:.1f} s wall / {listen_cpu:.1f} s CPU, checks {check_s:.1f} s", details)
    began = time.monotonic()
    nameless = rescore(replace(heard, glossary=()))
    result, check_s = checked(nameless, locate(nameless, entries))
    report(f"sample, {voice}, audio, no glossary", result,
           f"re-scored {time.monotonic() - began - check_s:.1f} s, checks {check_s:.1f} s", details)
    bare = unheard(replace(opened(SAMPLE), glossary=document.glossary))
    result, check_s = checked(bare, locate(bare, entries))
    report("sample, no audio, glossary", result, f"checks {check_s:.1f} s", details)


def text_rows(name: str, voice: str, details: bool) -> None:
    """A text spoken as written, its transcript garbled afterwards: the audio says the original words."""
    source = Path(__file__).parent / "texts" / f"{name}.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    body_at = next(i for i, line in enumerate(lines) if line.startswith("Transcript for")) + 1
    words = " ".join(lines[body_at:]).split()
    garbles = inject(words, INJECT_SHARE, INJECT_SEED)
    garbled_words = [garbles[i][0] if i in garbles else word for i, word in enumerate(words)]
    transcript = FIXTURES / f"proofing-{name}-garbled.txt"
    transcript.write_text("\n".join([*lines[:body_at], " ".join(garbled_words)]) + "\n", encoding="utf-8")
    audio = FIXTURES / f"proofing-{name}-{voice}.wav"
    if not audio.exists():
        print(f"| {name}, {voice}: no fixture (make_fixtures.sh makes the texts in slt and kal) | | | | | |")
        return
    document, _sync_s, _sync_cpu = synced(transcript, audio, FIXTURES / f"proofing-{name}-{voice}.synced.cueline")
    heard, listen_s, listen_cpu = listened(document, audio)
    truth = garbles_in(heard, garbles)
    result, check_s = checked(heard, truth)
    report(f"{name} ({len(words)} words), {voice}, audio", result,
           f"evidence {listen_s:.1f} s wall / {listen_cpu:.1f} s CPU, checks {check_s:.1f} s", details)
    bare = unheard(opened(transcript))
    result, check_s = checked(bare, garbles_in_text(bare, garbled_words, garbles))
    report(f"{name}, no audio", result, f"checks {check_s:.1f} s", details)


def garbles_in(document: Document, garbles: dict[int, tuple[str, str]]) -> list[Garble]:
    """Injected garbles by word order: the synced document's words are the transcript's tokens."""
    places = [(cue_index, span) for cue_index, cue in enumerate(document.cues) for span in word_spans(cue)]
    return [Garble(places[i][0], places[i][1].start, places[i][1].end, wrong, (_core(right),))
            for i, (wrong, right) in garbles.items()]


def garbles_in_text(document: Document, words: list[str], garbles: dict[int, tuple[str, str]]) -> list[Garble]:
    """Injected garbles in a paced document (no timed words): by token order over the cues' text."""
    places = [(cue_index, match.start(), match.end()) for cue_index, cue in enumerate(document.cues)
              for match in re.finditer(r"\S+", cue.text)]
    assert len(places) == len(words)
    return [Garble(places[i][0], places[i][1], places[i][2], wrong, (_core(right),))
            for i, (wrong, right) in garbles.items()]


def _core(word: str) -> str:
    return word.strip(".,;:!?\"'")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--voices", nargs="+", default=["rms", "slt", "kal"])
    parser.add_argument("--texts", nargs="*", default=["flood", "council"])
    parser.add_argument("--details", action="store_true", help="list every false flag")
    options = parser.parse_args()
    print("| fixture | garbles flagged | flags on correct words | right form in top 3 | replace-all harm | time |")
    print("|---|---|---|---|---|---|")
    for voice in options.voices:
        sample_rows(voice, options.details)
        for name in options.texts:
            text_rows(name, voice, options.details)


if __name__ == "__main__":
    main()
