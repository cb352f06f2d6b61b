"""Time reading 10 MB hostile inputs in every format: a single 10 MB line, 200,000 tiny cues, deep markup.

    .venv/bin/python benchmarks/big_inputs.py            # every case
    .venv/bin/python benchmarks/big_inputs.py one_line.srt dots.txt

Prints wall and CPU seconds per case (CPU is the figure to compare on a shared machine) and what was read;
the goal is linear time, 10 MB in 2 s or less.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.formats.errors import FormatError
from editor.formats.recipe import ReadOptions
from editor.formats.registry import read_file

MB = 10 * 1024 * 1024
_ASS_EVENTS = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, "
               "MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,")
_TTML_PARAGRAPH = '<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" end="2s">'
CASES = {
    "one_line.srt": lambda: "1\n00:00:01,000 --> 00:00:02,000\n" + "x" * MB + "\n",
    "one_line.vtt": lambda: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + "x" * MB + "\n",
    "one_line.sbv": lambda: "0:00:01.000,0:00:02.000\n" + "x" * MB + "\n",
    "one_line.ass": lambda: _ASS_EVENTS + "x" * MB + "\n",
    "one_line.ttml": lambda: _TTML_PARAGRAPH + "x" * MB + "</p></div></body></tt>\n",
    "one_line.txt": lambda: "." * MB,
    "dots.txt": lambda: ". " * 50_000,
    "words.txt": lambda: "word " * (MB // 5),
    "unique_words.txt": lambda: " ".join(f"w{index:07d}" for index in range(MB // 9)),  # no word repeats
    "arrows.srt": lambda: "-->" * (MB // 3),
    "many_cues.srt": lambda: "".join(f"{i}\n00:00:01,000 --> 00:00:02,000\nwords\n\n" for i in range(MB // 40)),
    "many_cues.vtt": lambda: "WEBVTT\n\n" + "00:00:01.000 --> 00:00:02.000\nsome words here\n\n" * (MB // 50),
    "spans.ttml": lambda: _TTML_PARAGRAPH + "<span>x</span>" * (MB // 14) + "</p></div></body></tt>\n",
    "overrides.ass": lambda: _ASS_EVENTS + "{\\i1}x" * (MB // 6) + "\n",
    "one_line.scc": lambda: "Scenarist_SCC V1.0\n\n00:00:01;00\t" + "c8e9 " * (MB // 5) + "\n",
}


def _read(path: Path) -> str:
    try:
        content = read_file(path, ReadOptions(strict=False, runtime_ms=600_000)).content
    except FormatError as error:
        return f"refused: {error.message[:60]}"
    if hasattr(content, "cues"):  # a Document's words property would split every cue: not part of reading
        return f"{len(content.cues)} cues"
    return f"{len(content.words)} words"


def main() -> None:
    chosen = sys.argv[1:] or list(CASES)
    with tempfile.TemporaryDirectory() as folder:
        for name in chosen:
            path = Path(folder) / name
            path.write_text(CASES[name]())
            wall, cpu = time.perf_counter(), time.process_time()
            outcome = _read(path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{name:15} {path.stat().st_size / 1e6:5.1f} MB  wall {wall:5.2f} s  CPU {cpu:5.2f} s  {outcome}",
                  flush=True)


if __name__ == "__main__":
    main()
