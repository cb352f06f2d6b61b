"""What pocketsphinx's own speed settings save in auto-sync's anchor stage, and what they cost it in anchors.

    .venv/bin/python benchmarks/autosync/recognition_settings.py [VARIANT] [SETTINGS ...]
    .venv/bin/python benchmarks/autosync/recognition_settings.py t-mix-12dB '{"ds": 2}' '{"topn": 2}'

The anchor stage (recognising every chunk against the transcript text near it) is most of auto-sync's CPU.
Here every chunk of a fixture is recognised as that stage does (the same chunks and transcript windows), in this
process, first with auto-sync's settings, then with each JSON set of pocketsphinx settings on top. Printed per
set: CPU seconds of recognition, words heard, anchors, and against auto-sync's settings: anchors kept, lost,
new, and kept ones whose start moved over 50 ms. Lost and moved anchors are what cue starts may lose: a set that
keeps them must still hold on the tune half (run_benchmark.py, with the set in recognize.py).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from acoustic_cost import FIXTURES, SEED  # noqa: E402
from score import read_wav  # noqa: E402

from editor.core.transcript import parse_transcript  # noqa: E402
from editor.timing import recognize  # noqa: E402
from editor.timing.align import SAMPLE_RATE, _window  # noqa: E402
from editor.timing.anchors import Anchor, consistent_chain, match_chunk  # noqa: E402
from editor.timing.chunks import chunk_bounds, frame_energy  # noqa: E402
from editor.timing.script import make_script, script_pronunciations  # noqa: E402
from editor.timing.spans import gap_boundaries  # noqa: E402

MOVED_MS = 50


class AnchorStage:
    """A fixture's chunks, each with the transcript text the anchor stage lets it hear."""

    def __init__(self, variant: str) -> None:
        truth = json.loads((FIXTURES / f"{variant}.truth.json").read_text())
        words = parse_transcript(SEED.read_text(encoding="utf-8"), round(truth["duration"] * 1000)).words
        audio = read_wav(FIXTURES / f"{variant}.wav")
        dictionary = recognize.load_dictionary()
        self.script = make_script(words, dictionary)
        pronunciations = script_pronunciations(self.script, dictionary)
        self.dictionary = recognize.dictionary_text(pronunciations)
        self.phones_before = [0, *itertools.accumulate(len(pronunciations[token][0].split())
                                                       for token in self.script.tokens)]
        self.breaks = gap_boundaries(self.script, words)
        duration_ms = len(audio) * 1000 // SAMPLE_RATE
        self.chunks = []
        for start, end in chunk_bounds(frame_energy(audio, SAMPLE_RATE), duration_ms):
            window = _window(self.script, start, end, duration_ms)
            pcm = recognize.pcm_bytes(audio[start * SAMPLE_RATE // 1000: end * SAMPLE_RATE // 1000])
            self.chunks.append((window, recognize.ChunkJob(pcm, start, tuple(self.script.sentences_between(*window)))))

    def anchors(self, settings: dict[str, Any]) -> tuple[float, int, dict[int, Anchor]]:
        """CPU seconds of recognising every chunk with these settings, the words heard, the anchors by token."""
        decoder = recognize.new_decoder(self.dictionary, **settings)
        began = time.process_time()
        heard = [recognize.hear_chunk(decoder, job) for _, job in self.chunks]
        cpu = time.process_time() - began
        runs = [run for ((first, last), _), words in zip(self.chunks, heard, strict=True)
                for run in match_chunk(self.script.tokens[first:last], first, words, self.breaks)]
        chain = consistent_chain(runs, self.phones_before)
        return cpu, sum(map(len, heard)), {anchor.token: anchor for anchor in chain}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variant", nargs="?", default="t-mix-12dB")
    parser.add_argument("settings", nargs="*", help="JSON objects of pocketsphinx settings")
    args = parser.parse_args()
    stage = AnchorStage(args.variant)
    print(f"{args.variant}: {len(stage.chunks)} chunks\n\n| settings | CPU s | words heard | anchors | kept | lost "
          f"| new | kept, moved > {MOVED_MS} ms |\n|---|---|---|---|---|---|---|---|")
    base: dict[int, Anchor] = {}
    for text in ["{}", *args.settings]:
        cpu, heard, anchors = stage.anchors(json.loads(text))
        base = base or anchors
        kept = anchors.keys() & base.keys()
        moved = sum(abs(anchors[token].start_ms - base[token].start_ms) > MOVED_MS for token in kept)
        print(f"| {text} | {cpu:.1f} | {heard} | {len(anchors)} | {len(kept)} | {len(base) - len(kept)} | "
              f"{len(anchors) - len(kept)} | {moved} |", flush=True)


if __name__ == "__main__":
    main()
