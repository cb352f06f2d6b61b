"""Our own aligner's hearing (editor.timing.acoustic) against pocketsphinx's recognition, as anchors.

    .venv/bin/python benchmarks/autosync/own_hearing.py t-espeak-18dB t-mix-inserts real-b [--recogniser]
    .venv/bin/python benchmarks/autosync/own_hearing.py t-espeak-18dB --set JUMP_COST=100 --set PHONE_ENTRY=-21

Each chunk of a fixture is heard as the anchor stage hears it (same chunks, same transcript windows), by our
aligner or, with --recogniser, by pocketsphinx's recognition; the runs heard are chained into anchors as
align.py chains them. Printed per variant: anchors, anchors outside their sentence's true time (+-0.5 s:
wrong), the error of anchors on a sentence's first word (median / p95 / max, s), and the CPU seconds the
hearing took (this process; other work on the machine inflates it). `--set NAME=VALUE` changes one of
listener.py's constants for the run (SKIP_COST, JUMP_COST, BEAM) or phone_loop.py's PHONE_ENTRY.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_benchmark import FIXTURES, SEED
from score import read_wav, sentence_first_words

from editor.core.transcript import parse_transcript
from editor.timing import recognize
from editor.timing.acoustic import listen, listener, phone_loop
from editor.timing.align import SAMPLE_RATE, _window
from editor.timing.anchors import Anchor, Run, consistent_chain, match_chunk
from editor.timing.chunks import chunk_bounds, frame_energy
from editor.timing.script import Script, make_script, script_pronunciations

TOLERANCE_S = 0.5


def heard_runs(variant: str, recogniser: bool) -> tuple[dict[str, Any], Script, list[int], list[Run], float]:
    """The fixture's truth, script, sentence-opening words, runs heard in every chunk and CPU seconds spent."""
    truth = json.loads((FIXTURES / f"{variant}.truth.json").read_text())
    audio = read_wav(FIXTURES / f"{variant}.wav")
    default = FIXTURES / "long.transcript.txt" if variant == "long" else SEED
    text = Path(truth.get("transcript", default)).read_text(encoding="utf-8")
    words = parse_transcript(text, round(truth["duration"] * 1000)).words
    dictionary = recognize.load_dictionary()
    script = make_script(words, dictionary)
    pronunciations = script_pronunciations(script, dictionary)
    if recogniser:
        recognize.init_worker(recognize.dictionary_text(pronunciations))
    else:
        listen.init_listener(pronunciations)
    duration_ms = len(audio) * 1000 // SAMPLE_RATE
    runs: list[Run] = []
    began = time.process_time()
    for start, end in chunk_bounds(frame_energy(audio, SAMPLE_RATE), duration_ms):
        first, last = _window(script, start, end, duration_ms)
        pcm = recognize.pcm_bytes(audio[start * SAMPLE_RATE // 1000: end * SAMPLE_RATE // 1000])
        if recogniser:
            job = recognize.ChunkJob(pcm, start, tuple(script.sentences_between(first, last)))
            heard = recognize.recognize_chunk(job)
        else:
            opening = tuple(token - first for token in script.sentence_starts if first <= token < last)
            heard = listen.hear_chunk(listen.ListenJob(pcm, start, script.tokens[first:last], opening)).words
        runs += match_chunk(script.tokens[first:last], first, heard)
    spent = time.process_time() - began
    return truth, script, sentence_first_words(words), runs, spent


def report(variant: str, recogniser: bool) -> str:
    truth, script, firsts, runs, spent = heard_runs(variant, recogniser)
    phones_before = [0]
    for token in script.tokens:
        phones_before.append(phones_before[-1] + len(recognize.load_dictionary().get(token, ["X"])[0].split()))
    anchors = consistent_chain(runs, phones_before)
    wrong, errors = 0, []
    for anchor in anchors:
        sentence = bisect.bisect_right(firsts, script.owner[anchor.token]) - 1
        if sentence >= len(truth["sentences"]):
            continue
        said = truth["sentences"][sentence]
        wrong += not said["start"] - TOLERANCE_S <= anchor.start_ms / 1000 <= said["end"] + TOLERANCE_S
        if _opens_sentence(anchor, script, firsts[sentence]):
            errors.append(abs(anchor.start_ms / 1000 - said["start"]))
    figures = " / ".join(f"{value:.3f}" for value in np.percentile(errors, [50, 95, 100])) if errors else "-"
    return (f"| {variant} | {'recogniser' if recogniser else 'own aligner'} | {len(anchors)} | {wrong} | "
            f"{len(errors)}: {figures} | {spent:.1f} s |")


def _opens_sentence(anchor: Anchor, script: Script, first_word: int) -> bool:
    return script.owner[anchor.token] == first_word and anchor.token == script.word_tokens[first_word][0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="+")
    parser.add_argument("--recogniser", action="store_true", help="pocketsphinx's recognition instead")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    for setting in args.set:
        name, _, value = setting.partition("=")
        setattr(phone_loop if name == "PHONE_ENTRY" else listener, name, float(value))
    print("| variant | hearing | anchors | wrong | sentence-start anchors: error median / p95 / max (s) | CPU |\n"
          "|---|---|---|---|---|---|")
    for variant in args.variants:
        print(report(variant, args.recogniser), flush=True)


if __name__ == "__main__":
    main()
