"""Score WebVTT -> SRT conversion on the 114 web-platform-tests cases with the suite's own scorer.

    .venv/bin/python benchmarks/webvtt_conformance.py            # our registry, browser-like (lenient) reading
    .venv/bin/python benchmarks/webvtt_conformance.py --cli      # through `cueline convert` as shipped

Prints the scorer's figures: raw-text score (last line) and tags-stripped score.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "tests" / "conformance" / "run_conformance.py"
CASES = ROOT / "tests" / "conformance" / "webvtt"
PYTHON = shlex.quote(sys.executable)


def convert_one(source: Path, target: Path) -> int:
    """Read like a browser (bad cues skipped, each reported with its line), write SRT."""
    sys.path.insert(0, str(ROOT))
    from editor.formats.errors import FormatError
    from editor.formats.recipe import ReadOptions
    from editor.formats.registry import read_file, write_file

    try:
        reading = read_file(source, ReadOptions(strict=False))
        document, warnings = reading.document, reading.problems
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        write_file(document, target)
    except FormatError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", action="store_true", help="score `python -m editor convert` instead")
    parser.add_argument("--convert", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.convert:
        return convert_one(Path(options.convert[0]), Path(options.convert[1]))
    if options.cli:
        command = f"{PYTHON} -m editor convert {{in}} {{out}}"
    else:
        command = f"{PYTHON} {shlex.quote(__file__)} --convert {{in}} {{out}}"
    scored = subprocess.run([sys.executable, str(SCORER), "-q", "--cases", str(CASES), command], cwd=ROOT)
    return scored.returncode


if __name__ == "__main__":
    sys.exit(main())
