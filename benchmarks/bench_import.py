"""Benchmark of `cueline import` without media: read, pace, cut, fit and export a transcript.

Runs the bundled 12:45 sample and a 3-hour transcript (the sample's body repeated to about 30,000 words)
and prints wall time (median of several runs), peak Python allocations (tracemalloc) and the process's
peak resident memory. Targets (issue #2): sample <= 150 ms, 3 hours <= 2 s, peak memory <= 150 MB.

    .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from editor.core.style import DEFAULT_STYLE, characters_per_second
from editor.formats.registry import read_file, write_file
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

THREE_HOURS_WORDS = 30_000


def three_hour_transcript(folder: Path) -> Path:
    """The sample's header with its body repeated to about 30,000 words and a 3:00:00 runtime."""
    lines = sample_transcript_path().read_text(encoding="utf-8").split("\n")
    header, sample_body = lines[:6], lines[6]
    repeats = -(-THREE_HOURS_WORDS // len(sample_body.split()))
    body = " ".join([sample_body] * repeats)
    header[3] = "3:00:00 | 06/24/14"
    path = folder / "three-hours.txt"
    path.write_text("\n".join(header) + "\n" + body + "\n", encoding="utf-8")
    return path


def import_once(transcript: Path, output: Path) -> int:
    """The whole `cueline import`: read and decode, pace, cut, fit, write the subtitle file."""
    document = line_up_transcript(read_file(transcript).content, DEFAULT_STYLE)
    write_file(document, output)
    return len(document.cues)


def median_seconds(job: Callable[[], object], runs: int) -> tuple[float, float]:
    """The first run's time and the median of the following runs."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:])


def traced_peak_mb(job: Callable[[], object]) -> float:
    tracemalloc.start()
    job()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def report_quality(transcript: Path) -> None:
    document = line_up_transcript(read_file(transcript).content, DEFAULT_STYLE)
    speeds = [characters_per_second(cue) for cue in document.cues]
    within = sum(speed <= DEFAULT_STYLE.target_cps for speed in speeds) / len(speeds)
    print(f"  sample: {len(document.cues)} cues, CPS median {statistics.median(speeds):.1f}, "
          f"max {max(speeds):.1f}, {within:.0%} within the target {DEFAULT_STYLE.target_cps:g} CPS")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sample, long = sample_transcript_path(), three_hour_transcript(work)
        words = len(read_file(long).content.words)
        print(f"import + pace + segment + export ({DEFAULT_STYLE.name}; 3 hours = {words} words):")
        report_quality(sample)
        for name, path, runs, target in (("sample 12:45", sample, 10, 0.150), ("3 hours", long, 3, 2.0)):
            for suffix in (".srt", ".vtt"):
                output = work / f"out{suffix}"
                cues = import_once(path, output)
                first, median = median_seconds(lambda p=path, o=output: import_once(p, o), runs)
                verdict = "ok" if median <= target else "OVER TARGET"
                print(f"  {name} -> {suffix}: {cues} cues, median {median * 1000:.0f} ms "
                      f"(first {first * 1000:.0f} ms; target {target * 1000:.0f} ms: {verdict})")
        peak = traced_peak_mb(lambda: import_once(long, work / "out.vtt"))
        print(f"  3 hours: peak Python allocations {peak:.1f} MB")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak resident memory of the whole process: {rss_mb:.0f} MB (target 150 MB)")


if __name__ == "__main__":
    main()
