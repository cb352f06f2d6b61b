"""What the problem navigator costs on a long programme: placing every problem in time (the bar's count, done
once editing pauses), and one F8 step.

Run: .venv/bin/python benchmarks/bench_navigator.py   (Qt-free; prints wall and CPU milliseconds, medians)
Targets: placing all problems of 10,000 cues well under 100 ms (the window must never freeze longer), F8 under
that too. The programme is the bundled sample lined up along its runtime, repeated to 10,000 cues with every
cue's text made unique (a real programme's texts do not repeat, so nothing is served from a cache).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from editor.checks.registry import run_checks
from editor.core.edits import shift_cues
from editor.core.model import Document
from editor.core.style import STYLES
from editor.core.transcript import parse_transcript
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript
from editor.workflows.problems import in_time_order, step

CUE_COUNT = 10_000
RUNS = 7
STYLE = STYLES["streaming"]


def long_programme() -> Document:
    """The sample repeated end to end until it has CUE_COUNT cues, each text ending in its own number."""
    sample = line_up_transcript(parse_transcript(sample_transcript_path().read_text(encoding="utf-8")), STYLE)
    length = sample.cues[-1].end_ms + 1000
    cues = []
    copy = 0
    while len(cues) < CUE_COUNT:
        shifted = shift_cues(sample, range(len(sample.cues)), copy * length)
        cues.extend(shifted.cues)
        copy += 1
    unique = [replace(cue, text=f"{cue.text} {number}", words=()) for number, cue in enumerate(cues[:CUE_COUNT])]
    return sample.with_cues(unique)


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def report(name: str, action: Callable[[], object]) -> None:
    first = timed(action)
    again = [timed(action) for _ in range(RUNS)]
    wall, cpu = statistics.median(w for w, _ in again), statistics.median(c for _, c in again)
    print(f"{name:<38} first {first[0]:7.1f} ms wall {first[1]:7.1f} ms CPU · "
          f"then median {wall:6.1f} ms wall {cpu:6.1f} ms CPU")


def main() -> None:
    document = long_programme()
    issues = run_checks(document, STYLE)
    problems = in_time_order(document, issues)
    print(f"{len(document.cues)} cues, {len(problems)} problems")
    report("place every problem in time", lambda: in_time_order(document, issues))
    middle = problems[len(problems) // 2].position
    report("F8 from the middle (place + step)", lambda: step(in_time_order(document, issues), middle))


if __name__ == "__main__":
    main()
