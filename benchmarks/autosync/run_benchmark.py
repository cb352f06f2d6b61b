"""Auto-sync benchmark: align every fixture of the matrix and score it against the truth, half by half.

    benchmarks/autosync/make_fixtures.sh                  # once: fixtures into benchmarks/fixtures (git-ignored)
    .venv/bin/python benchmarks/autosync/run_benchmark.py [VARIANT ...] [--half tune|report] [--workers N]
    .venv/bin/python benchmarks/autosync/run_benchmark.py long       # the hour
    .venv/bin/python benchmarks/autosync/run_benchmark.py r-mix-12dB --busy   # with one core kept busy beside it
    .venv/bin/python benchmarks/autosync/run_benchmark.py --fixtures DIR --matrix MINE.json   # a tune set of one's own

Variants come from matrix.json (split by seed into a tune half and a report half), plus `real-*` (real
recordings joined with pauses) and `long` when their fixtures exist. Each variant runs in a fresh process (its
wall time, CPU time and peak memory are its own): the MP4 is decoded with editor.media.audio, the transcript
aligned and re-cut into cues. Scored: starts of cues that open a sentence (median / p95 / max), sentence
starts (max), how early the earliest cue starts before its speech, cues that hold speech or music the
transcript lacks or span a pause longer than 1.5 s, words of passages the audio lacks that come out flagged
as unheard, and words flagged as doubtful.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import cue_errors, score_variant, summary  # noqa: E402
from usage import TreeUsage  # noqa: E402

from editor.core.style import DEFAULT_STYLE  # noqa: E402
from editor.core.transcript import parse_transcript  # noqa: E402
from editor.timing.align import align_recording  # noqa: E402
from editor.timing.pipeline import recut  # noqa: E402
from editor.workflows.autosync import decoded  # noqa: E402

FIXTURES = ROOT / "benchmarks" / "fixtures"
SEED = ROOT / "resources" / "samples" / "abc-news-2014-06-24-transcript.txt"
MATRIX = Path(__file__).resolve().parent / "matrix.json"


def halves(matrix: Path = MATRIX, fixtures: Path = FIXTURES) -> dict[str, list[str]]:
    """Variant names by half, as the matrix and the fixtures on disk have them."""
    found: dict[str, list[str]] = {}
    for spec in json.loads(matrix.read_text())["variants"]:
        found.setdefault(spec["half"], []).append(spec["name"])
    for truth in sorted(fixtures.glob("real-*.truth.json")):
        name = truth.name.removesuffix(".truth.json")
        if (fixtures / f"{name}.mp4").exists():  # not the proofing benchmark's controls (real-a-slt: a WAV)
            found.setdefault("real speech", []).append(name)
    return found


def one(variant: str, workers: int | None, fixtures: Path = FIXTURES) -> dict[str, object]:
    """Align one fixture in this process and return its figures."""
    tree = TreeUsage()
    truth_path = fixtures / f"{variant}.truth.json"
    truth = json.loads(truth_path.read_text())
    transcript_path = Path(truth.get("transcript", fixtures / "long.transcript.txt" if variant == "long" else SEED))
    transcript = parse_transcript(transcript_path.read_text(encoding="utf-8"), round(truth["duration"] * 1000))
    began = time.perf_counter()
    recording, runtime_ms = decoded(fixtures / f"{variant}.mp4")
    decoded_at = time.perf_counter()
    alignment = align_recording(transcript.words, recording, **({} if workers is None else {"workers": workers}))
    aligned = time.perf_counter()
    cues = recut(alignment.words, DEFAULT_STYLE, runtime_ms)
    done = time.perf_counter()
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    scores = score_variant(alignment.words, cues, truth)
    errors = cue_errors(alignment.words, cues, truth)
    inside = [abs(error.error_s) for error in errors if error.sentence is None]
    stages = {"decode": decoded_at - began, **alignment.stages, "recut": done - aligned}
    stage_cpu = dict(zip(stages, tree.stage_cpu(began, list(stages.values())), strict=True))
    stage_own_cpu = dict(zip(stages, tree.stage_cpu(began, list(stages.values()), own=True), strict=True))
    return {"variant": variant, "audio_s": runtime_ms / 1000, "wall_s": done - began,
            "cpu_s": sum(usage.ru_utime + usage.ru_stime for usage in used) - tree.sampler_cpu, "peak_mb": tree.peak_mb,
            "peak_split_mb": tree.peak_split_mb, "peak_stage": tree.peak_stage(began, stages),
            "stages": stages, "stage_cpu": stage_cpu, "stage_own_cpu": stage_own_cpu, **scores._asdict(),
            "inside_sentences": [len(inside), *(summary(inside) if inside else ())],
            "worst": [error._asdict() | {"error_s": error.error_s}
                      for error in sorted(errors, key=lambda error: -abs(error.error_s))[:WORST_SHOWN]]}


WORST_SHOWN = 6


def _details(result: dict[str, Any]) -> str:
    """The worst cues of a variant, and cues starting inside a sentence (which the table does not score)."""
    count, *inside = result["inside_sentences"]
    lines = [f"  {result['variant']}: sentence-opening cues start {result['bias_s']:+.3f} s off their speech "
             f"(median, signed); {count} cues start inside a sentence on a word with a known start"
             + (": error median / p95 / max " + " / ".join(f"{value:.3f}" for value in inside) + " s" if count else "")]
    lines += [f"    {'sentence ' + str(cue['sentence']) if cue['sentence'] is not None else 'inside':>12}: true start "
              f"{cue['truth_s']:8.2f} s, cue {cue['cue_s']:8.2f} s ({cue['error_s']:+.2f}) {cue['text']!r}"
              for cue in result["worst"]]
    main_mb, workers_mb = result["peak_split_mb"]
    lines.append(f"    peak memory {result['peak_mb']:.0f} MB in stage {result['peak_stage']}: {main_mb:.0f} MB this "
                 f"process, {workers_mb:.0f} MB its workers")
    return "\n".join(lines)


def _row(result: dict[str, object]) -> str:
    fmt = lambda triple: " / ".join(f"{value:.3f}" for value in triple)  # type: ignore[attr-defined]  # noqa: E731
    stages = ", ".join(f"{name} {seconds:.1f} / {result['stage_cpu'][name]:.1f} "  # type: ignore[index]
                       f"({result['stage_own_cpu'][name]:.1f})"  # type: ignore[index]
                       for name, seconds in result["stages"].items())  # type: ignore[attr-defined]
    return (f"| {result['variant']} | {result['audio_s']:.0f} s | {fmt(result['cue_starts'])} | "
            f"{result['sentence_max']:.3f} | {result['earliest_s']:.3f} | {result['bad_cues']} | "
            f"{'-' if result['two_recordings'] is None else result['two_recordings']} | "
            f"{result['unheard_flagged']} / {result['unheard_words']} | {result['doubtful']} | "
            f"{result['wall_s']:.1f} s | {result['cpu_s']:.1f} s | {result['peak_mb']:.0f} MB | {stages} |")


HEADER = ("| variant | audio | cue starts median / p95 / max (s) | sentence starts max (s) | earliest cue before "
          "its speech (s) | cues holding foreign audio or a pause > 1.5 s | cues holding two recordings | "
          "lacking words flagged unheard | words flagged doubtful | wall | CPU (all processes) | peak memory | "
          "stages (wall / CPU s, this process's CPU in brackets) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="where the fixtures are")
    parser.add_argument("--matrix", type=Path, default=MATRIX, help="the matrix whose halves --half names")
    parser.add_argument("--half")
    parser.add_argument("--workers", type=int, help="worker processes (0: all in this process)")
    parser.add_argument("--busy", action="store_true", help="keep one core busy beside it (issue 10's target)")
    parser.add_argument("--details", action="store_true", help="print each variant's worst cues under the table")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.workers, args.fixtures)))
        return
    groups = {name: names for name, names in halves(args.matrix, args.fixtures).items() if args.half in (None, name)}
    if args.variants:
        groups = {"chosen": args.variants}
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}")
    busy = subprocess.Popen([sys.executable, "-c", "while 1: pass"]) if args.busy else None
    try:
        _run_groups(groups, args.workers, args.details, args.fixtures)
    finally:
        if busy is not None:
            busy.kill()
    print(f"\nload average after: {os.getloadavg()} (other work on the machine inflates wall times, not CPU)")


def _run_groups(groups: dict[str, list[str]], workers: int | None, show_details: bool, fixtures: Path) -> None:
    """One table per group, a fresh process per variant (and its worst cues under the table)."""
    for name, variants in groups.items():
        print(f"\n{name}\n\n{HEADER}\n|" + "---|" * (HEADER.count("|") - 1))
        details = []
        for variant in variants:
            command = [sys.executable, __file__, "--one", variant, "--fixtures", str(fixtures)]
            if workers is not None:
                command += ["--workers", str(workers)]
            result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
            print(_row(result), flush=True)
            details.append(_details(result))
        if show_details:
            print("\nworst cues (error: cue start less the true start of its first word)\n" + "\n".join(details))


if __name__ == "__main__":
    main()

