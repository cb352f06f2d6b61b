"""Read our exports back with independent consumers and list what each one sees differently.

    .venv/bin/python benchmarks/export_readback.py [--consumers PYTHON] [--webvtt-parser DIR]

Two documents are exported to every caption format: the bundled sample lined up in the streaming style, and
four cues of awkward text (`Tom said <hello>`, `a < b > c`, `&`, markup, accents, a literal `&amp;`). Each
file is read back by FFmpeg (srt, vtt, ass, ssa, scc) and pysubs2 (srt, vtt, ass, ssa, ttml); with
`--consumers`, a Python that has pycaption, ttconv and aeidon installed (they are not Cueline's dependencies:
`python3 -m venv /tmp/rb && /tmp/rb/bin/pip install pycaption ttconv aeidon`) reads them too; with
`--webvtt-parser`, a folder where `npm install webvtt-parser` ran, the W3C parser validates the WebVTT.
Each line gives the cues read, the largest start difference and the cues whose words differ (markup
stripped); SCC, re-cut for 32 columns, is compared word for word against our own decoder's captions.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pysubs2

from editor.core.model import Cue, Document
from editor.core.style import STYLES
from editor.formats.registry import read_file, write_file
from editor.formats.vtt_markup import strip_markup
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

SUFFIXES = (".srt", ".vtt", ".ass", ".ssa", ".ttml", ".scc", ".sbv")
AWKWARD = Document(cues=(
    Cue(1000, 2500, "Tom said <hello> to me."),
    Cue(3000, 4500, "Salt & pepper, a < b > c\n<b>bold</b> and <i>italic</i>"),
    Cue(5000, 6500, "Señor Pérez sang ♪ in Élan"),
    Cue(7000, 8500, "Fish &amp; chips <3"),
))
Timed = list[tuple[int, int, str]]
# Runs in the --consumers interpreter: prints {file: [[start_ms, end_ms, text], ...] or "error: ..."}.
OTHER_CONSUMERS = r'''
import json, sys, warnings
warnings.filterwarnings("ignore")
def pycaption_read(path):
    import pycaption
    reader = {".srt": pycaption.SRTReader, ".vtt": pycaption.WebVTTReader, ".ttml": pycaption.DFXPReader,
              ".scc": pycaption.SCCReader}[path[path.rindex("."):]]()
    captions = reader.read(open(path, encoding="utf-8").read())
    text = lambda c: "".join(n.content if n.type_ == 1 else " " if n.type_ == 3 else "" for n in c.nodes)
    cues = captions.get_captions(captions.get_languages()[0])
    return [[round(c.start / 1000), round(c.end / 1000), text(c)] for c in cues]
def ttconv_read(path):
    from ttconv import model
    if path.endswith(".ttml"):
        import ttconv.imsc.reader as reader, xml.etree.ElementTree as et
        document = reader.to_model(et.parse(path))
    elif path.endswith(".scc"):
        import ttconv.scc.reader as reader
        document = reader.to_model(open(path).read())
    else:
        import ttconv.srt.reader as reader
        document = reader.to_model(open(path, encoding="utf-8"))
    out = []
    def text(e):
        return e.get_text() if isinstance(e, model.Text) else " " if isinstance(e, model.Br) else "".join(map(text, e))
    def walk(element, begin):
        start = begin + float(element.get_begin() or 0)
        if isinstance(element, model.P):
            out.append([round(start * 1000), round((begin + float(element.get_end() or 0)) * 1000), text(element)])
        else:
            for child in element:
                walk(child, start)
    walk(document.get_body(), 0)
    return out
def aeidon_read(path):
    import aeidon
    project = aeidon.Project()
    project.open_main(path, "utf-8")
    return [[round(s.start_seconds * 1000), round(s.end_seconds * 1000), s.main_text] for s in project.subtitles]
readers = {"pycaption": (pycaption_read, (".srt", ".vtt", ".ttml", ".scc")),
           "ttconv": (ttconv_read, (".ttml", ".scc", ".srt")),
           "aeidon": (aeidon_read, (".srt", ".vtt", ".ass", ".ssa"))}  # aeidon reads neither TTML nor SBV
results = {}
for name, (read, suffixes) in readers.items():
    for path in sys.argv[1:]:
        if path.endswith(suffixes):
            try:
                results[f"{name} {path}"] = read(path)
            except Exception as error:
                results[f"{name} {path}"] = f"error: {type(error).__name__}: {error}"[:160]
print(json.dumps(results))
'''


def _plain(text: str) -> str:
    """The words a viewer reads: markup, ASS overrides and hard spaces gone, white space collapsed."""
    return " ".join(strip_markup(re.sub(r"\{[^}]*\}", "", text)).replace("\\h", " ").replace("’", "'").split())


def _ffmpeg(path: Path) -> Timed:
    result = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "srt", "-"],
                            capture_output=True, text=True, check=True, timeout=120)
    cues = []
    for block in result.stdout.replace("\r", "").strip().split("\n\n"):
        lines = block.split("\n")
        times = [int(h) * 3_600_000 + int(m) * 60_000 + int(s) * 1000 + int(ms)
                 for h, m, s, ms in re.findall(r"(\d+):(\d+):(\d+),(\d+)", lines[1])]
        cues.append((times[0], times[1], "\n".join(lines[2:])))
    return cues


def _pysubs2(path: Path) -> Timed:
    return [(event.start, event.end, event.plaintext) for event in pysubs2.load(str(path)) if not event.is_comment]


def _compare(label: str, path: Path, expected: Timed, got: Timed) -> None:
    if path.suffix == ".scc":  # re-cut for 32 columns: the words, and the captions our decoder finds
        ours = read_file(path).document.cues
        words_match = " ".join(_plain(t) for _, _, t in expected).split() == \
            " ".join(_plain(t) for _, _, t in got).split()
        starts = [abs(cue.start_ms - start) for cue, (start, _, _) in zip(ours, got, strict=False)]
        print(f"{label:10} {path.name:12} {len(got):4} captions (our decoder {len(ours)}), words equal: "
              f"{words_match}, largest start difference {max(starts, default=0)} ms")
        return
    differing = [(want, seen) for (_, _, want), (_, _, seen) in zip(expected, got, strict=False)
                 if _plain(want) != _plain(seen)]
    starts = [abs(a - b) for (a, _, _), (b, _, _) in zip(expected, got, strict=False)]
    print(f"{label:10} {path.name:12} {len(got):4}/{len(expected)} cues, largest start difference "
          f"{max(starts, default=0)} ms, {len(differing)} cues whose words differ")
    for want, seen in differing[:3]:
        print(f"{'':12}wrote {_plain(want)!r}, read {_plain(seen)!r}")


def _read_each(label: str, read: Callable[[Path], Timed], files: list[Path], suffixes: tuple[str, ...],
               expected: dict[str, Timed]) -> None:
    for path in files:
        if path.suffix in suffixes:
            try:
                _compare(label, path, expected[path.stem], read(path))
            except (subprocess.CalledProcessError, ValueError, IndexError, OSError) as error:
                print(f"{label:10} {path.name:12} refused: {str(error)[:120]}")


def _other_consumers(python: str, files: list[Path], expected: dict[str, Timed]) -> None:
    result = subprocess.run([python, "-c", OTHER_CONSUMERS, *map(str, files)], capture_output=True, text=True,
                            check=True, timeout=600)
    for key, got in json.loads(result.stdout).items():
        label, name = key.split(" ", 1)
        path = Path(name)
        if isinstance(got, str):
            print(f"{label:10} {path.name:12} {got}")
        else:
            _compare(label, path, expected[path.stem], [(start, end, text) for start, end, text in got])


def _webvtt_parser(folder: str, files: list[Path]) -> None:
    script = ("const {WebVTTParser} = require('webvtt-parser'); const fs = require('fs');"
              "const entities = require('webvtt-parser/html-entities.json');"
              "for (const f of process.argv.slice(1)) { const t = new WebVTTParser(entities).parse("
              "fs.readFileSync(f, 'utf8'), 'subtitles'); console.log(f + ': ' + t.cues.length + ' cues, ' + "
              "t.errors.length + ' errors ' + JSON.stringify(t.errors.slice(0, 3).map(e => e.message))); }")
    vtts = [str(path) for path in files if path.suffix == ".vtt"]
    result = subprocess.run(["node", "-e", script, *vtts], capture_output=True, text=True, cwd=folder, timeout=120)
    for line in (result.stdout or result.stderr).strip().split("\n"):
        print(f"{'W3C':10} {Path(line.split(':')[0]).name:12} {line.split(': ', 1)[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--consumers", help="a Python with pycaption, ttconv and aeidon installed")
    parser.add_argument("--webvtt-parser", help="a folder where `npm install webvtt-parser` ran")
    options = parser.parse_args()
    sample = line_up_transcript(read_file(sample_transcript_path()).content, STYLES["streaming"])
    with tempfile.TemporaryDirectory(prefix="readback-") as folder:
        files = []
        for name, document in (("sample", sample), ("awkward", AWKWARD)):
            for suffix in SUFFIXES:
                write_file(document, Path(folder) / f"{name}{suffix}")
                files.append(Path(folder) / f"{name}{suffix}")
        expected = {name: [(c.start_ms, c.end_ms, c.text) for c in document.cues]
                    for name, document in (("sample", sample), ("awkward", AWKWARD))}
        _read_each("ffmpeg", _ffmpeg, files, (".srt", ".vtt", ".ass", ".ssa", ".scc"), expected)
        _read_each("pysubs2", _pysubs2, files, (".srt", ".vtt", ".ass", ".ssa", ".ttml"), expected)
        if options.consumers:
            _other_consumers(options.consumers, files, expected)
        if options.webvtt_parser:
            _webvtt_parser(options.webvtt_parser, files)


if __name__ == "__main__":
    main()
