"""Time reading and writing a long subtitle file (20,000 cues, about 11 hours) in each format.

    .venv/bin/python benchmarks/formats_speed.py

Prints seconds per step; a feature film has about 1,500 cues, so the editor's open and save stay instant.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.core.model import Cue, Document
from editor.formats.registry import read_file, write_file

CUE_COUNT = 20_000


def _document() -> Document:
    texts = ["Tom & Jerry <i>again</i>", "A second line\nwith two rows", "José “quotes” and -- a gap"]
    return Document(cues=tuple(Cue(i * 2000, i * 2000 + 1500, texts[i % 3]) for i in range(CUE_COUNT)))


def main() -> None:
    document = _document()
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".srt", ".vtt"):
            path = Path(folder) / f"long{suffix}"
            started = time.perf_counter()
            write_file(document, path)
            written = time.perf_counter()
            cues = read_file(path).document.cues
            read = time.perf_counter()
            assert len(cues) == CUE_COUNT
            print(f"{suffix}: {CUE_COUNT} cues, {path.stat().st_size / 1e6:.1f} MB: "
                  f"write {written - started:.2f} s, read {read - written:.2f} s")


if __name__ == "__main__":
    main()
