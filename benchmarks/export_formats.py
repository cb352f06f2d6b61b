"""Export formats: write/read speed on a long file, and how many SCC captions the 608 bandwidth makes late.

    .venv/bin/python benchmarks/export_formats.py

SCC sends one byte pair per frame, so a caption is loaded while the one before it is on screen; when that
time is too short the caption appears late. The second table counts such captions in the bundled sample
lined up with each style, as the export reports them (the first caption starts at 0 and is always late:
nothing can be loaded before frame 0).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.core.model import Cue, Document
from editor.core.style import STYLES
from editor.formats.registry import EXPORT_FORMATS, read_file, write_file
from editor.formats.scc_writer import export_scc
from editor.formats.transcript import TRANSCRIPT
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

CUE_COUNT = 10_000  # 5.5 hours: SubStation files stop at 9:59:59.99


def _long_document() -> Document:
    texts = ["Tom & Jerry <i>again</i>", "A second line\nwith two rows", "José “quotes” and -- a gap"]
    return Document(cues=tuple(Cue(i * 2000, i * 2000 + 1500, texts[i % 3]) for i in range(CUE_COUNT)))


def _speed(folder: Path) -> None:
    document = _long_document()
    for subtitle_format in EXPORT_FORMATS:
        path = folder / f"long{subtitle_format.suffixes[0]}"
        started = time.perf_counter()
        write_file(document, path)
        written = time.perf_counter()
        readable = subtitle_format is not TRANSCRIPT  # a plain transcript has no times to read back
        count = len(read_file(path).document.cues) if readable else CUE_COUNT
        read = time.perf_counter()
        assert count == CUE_COUNT
        reading = f", read {read - written:.2f} s" if readable else " (export only)"
        print(f"{subtitle_format.name:28} {CUE_COUNT} cues, {path.stat().st_size / 1e6:5.1f} MB: "
              f"write {written - started:.2f} s{reading}")


def _scc_lateness() -> None:
    transcript = read_file(sample_transcript_path()).content
    for style in STYLES.values():
        document = line_up_transcript(transcript, style)
        export = export_scc(document.cues)
        delays = sorted(caption.delay_ms for caption in export.late)
        print(f"SCC, sample with style {style.name:9}: {len(document.cues)} cues, {export.recut_cues} re-cut for "
              f"32 columns, {len(delays)} captions late (largest {max(delays, default=0)} ms, "
              f"median {delays[len(delays) // 2] if delays else 0} ms)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        _speed(Path(folder))
    _scc_lateness()


if __name__ == "__main__":
    main()
