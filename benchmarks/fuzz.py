"""Fuzz every reader and the CLI with generated hostile files; print crashes, hangs and silent drops.

    .venv/bin/python benchmarks/fuzz.py                        # 5,000 inputs, seed 1, both mutators
    .venv/bin/python benchmarks/fuzz.py --seed 7 --mutator bytes --count 5000 --keep /tmp/fuzz-finds

A crash is any exception other than the product's FormatError (or a CLI exit other than 0, 1 or 2); a hang
is an input taking over --timeout seconds of CPU (CPU, not wall time: the machine may be shared); a silent
drop is a reading that returns fewer cues than the text looks like it holds (fuzz_inputs.candidate_cues)
with no error or warning to say so.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_inputs import GENERATORS, MUTATORS, candidate_cues

from editor.cli import main as cli_main
from editor.formats.errors import FormatError, FormatWarning
from editor.formats.recipe import ReadOptions
from editor.formats.registry import read_file


class _Hang(Exception):
    """Raised by the alarm when one input runs far past the limit."""


@dataclass
class _Row:
    inputs: int = 0
    read: int = 0
    refused: int = 0
    crashes: int = 0
    hangs: int = 0
    silent_drops: int = 0
    slowest_s: float = 0.0


@dataclass
class _Findings:
    rows: dict[str, _Row] = field(default_factory=lambda: defaultdict(_Row))
    details: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def _inputs(count: int, seed: int, mutators: list[str]) -> list[tuple[str, str, str]]:
    """(suffix, mutator, text) for each input; one in ten is left as generated."""
    rng = random.Random(seed)
    suffixes = list(GENERATORS)
    cases = []
    for number in range(count):
        suffix = suffixes[number % len(suffixes)]
        text = GENERATORS[suffix](rng)
        mutator = mutators[number % len(mutators)]
        if rng.random() >= 0.1:
            other = GENERATORS[rng.choice(suffixes)](rng)
            text = MUTATORS[mutator](text, rng, other)
        cases.append((suffix, mutator, text))
    return cases


def _read(path: Path, suffix: str) -> tuple[int, int]:
    """Cues (or words) read leniently and the number of errors reported; the strict reading must agree."""
    if suffix == ".txt":
        return len(read_file(path, ReadOptions(runtime_ms=600_000)).content.words), 0
    reading = read_file(path, ReadOptions(strict=False))
    document, problems = reading.document, reading.problems
    errors = sum(not isinstance(problem, FormatWarning) for problem in problems)
    try:
        strict = read_file(path).document
    except FormatError:
        if not errors:
            raise AssertionError("strict reading refused what the lenient reading found no error in") from None
    else:
        if errors or len(strict.cues) != len(document.cues):
            raise AssertionError(f"strict reading accepted {len(strict.cues)} cues despite {errors} errors")
    return len(document.cues), errors


def _run_cli(path: Path, suffix: str, folder: Path) -> None:
    output = folder / "out.srt"
    if suffix == ".txt":
        argv = ["import", str(path), "--runtime", "10:00", "-o", str(output)]
    else:
        argv = ["convert", str(path), str(output)]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as errors:
        code = cli_main(argv)
    if code not in (0, 1, 2) or "Traceback" in errors.getvalue():
        raise AssertionError(f"cueline {argv[0]} exited {code}: {errors.getvalue()[-300:]}")


def _one(case: tuple[str, str, str], number: int, folder: Path, timeout: float, findings: _Findings) -> None:
    suffix, mutator, text = case
    row = findings.rows[suffix]
    row.inputs += 1
    path = folder / f"case{number}{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    signal.setitimer(signal.ITIMER_PROF, timeout * 3)
    started = time.process_time()
    try:
        cues, errors = _read(path, suffix)
        _run_cli(path, suffix, folder)
    except FormatError:
        row.refused += 1
    except _Hang:
        _note(findings, row, "hang", number, suffix, mutator, f"over {timeout * 3:.0f} s", path)
    except Exception as error:  # every other exception is what the fuzzer looks for
        _note(findings, row, "crash", number, suffix, mutator, _describe(error), path)
    else:
        row.read += 1
        expected = candidate_cues(suffix, text)
        if expected is not None and cues + errors < expected:
            _note(findings, row, "silent drop", number, suffix, mutator, f"{expected} cue-like, {cues} read", path)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    elapsed = time.process_time() - started
    row.slowest_s = max(row.slowest_s, elapsed)
    if timeout < elapsed <= timeout * 3:
        _note(findings, row, "hang", number, suffix, mutator, f"{elapsed:.1f} s", path)


def _describe(error: Exception) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__}: {str(error)[:120]} at {Path(frame.filename).name}:{frame.lineno}"


def _note(findings: _Findings, row: _Row, kind: str, number: int, suffix: str, mutator: str, what: str,
          path: Path) -> None:
    counter = {"crash": "crashes", "hang": "hangs", "silent drop": "silent_drops"}[kind]
    setattr(row, counter, getattr(row, counter) + 1)
    findings.kinds[kind] += 1
    findings.details.append(f"{kind}: input {number} ({suffix}, {mutator}): {what}")
    if _KEEP is not None:
        (_KEEP / f"{kind.replace(' ', '_')}-{number}{suffix}").write_bytes(path.read_bytes())


def _print_table(findings: _Findings, elapsed: float, cpu: float) -> None:
    print(f"{'format':8} {'inputs':>7} {'read':>6} {'refused':>8} {'crashes':>8} {'hangs':>6} {'silent':>7} "
          f"{'slowest CPU':>12}")
    total = _Row()
    for suffix, row in sorted(findings.rows.items()):
        print(f"{suffix:8} {row.inputs:7} {row.read:6} {row.refused:8} {row.crashes:8} {row.hangs:6} "
              f"{row.silent_drops:7} {row.slowest_s:11.2f}s")
        for name in ("inputs", "read", "refused", "crashes", "hangs", "silent_drops"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    print(f"{'total':8} {total.inputs:7} {total.read:6} {total.refused:8} {total.crashes:8} {total.hangs:6} "
          f"{total.silent_drops:7}")
    print(f"wall {elapsed:.1f} s, CPU (user+sys) {cpu:.1f} s")


_KEEP: Path | None = None


def main() -> int:
    global _KEEP
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mutator", choices=[*MUTATORS, "both"], default="both")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds after which a read is a hang")
    parser.add_argument("--keep", type=Path, help="copy each input that found something into this folder")
    options = parser.parse_args()
    _KEEP = options.keep
    if _KEEP:
        _KEEP.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGPROF, lambda *_: (_ for _ in ()).throw(_Hang()))
    mutators = list(MUTATORS) if options.mutator == "both" else [options.mutator]
    findings = _Findings()
    started, cpu_started = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        for number, case in enumerate(_inputs(options.count, options.seed, mutators)):
            _one(case, number, Path(folder), options.timeout, findings)
    for line in findings.details:
        print(line)
    _print_table(findings, time.perf_counter() - started, time.process_time() - cpu_started)
    return 1 if findings.kinds else 0


if __name__ == "__main__":
    sys.exit(main())
