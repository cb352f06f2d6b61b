"""What each kind of recogniser job costs, in CPU seconds per second of audio, on a fixture with known sentences.

    .venv/bin/python benchmarks/autosync/acoustic_cost.py [VARIANT] [--groups N]

Nearly all of auto-sync's time is pocketsphinx's: recognising each chunk against the transcript text near it
(the anchor stage) and placing known words in the spans between anchors. This times, on groups of whole
sentences (about 20 s each, their transcript text, the truth's times), in this process:
- chain: a grammar of the group's words in order (placing at its cheapest);
- chain + loops: the same with unheard-speech loops at its edges and between sentences (as spans have them);
- recognise, own text: a language model of the group's sentences only (the second look);
- recognise, window: a language model of the transcript a chunk there may hear (the anchor stage).
Any cheaper acoustic pass can be weighed against these figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import read_wav  # noqa: E402

from editor.core.transcript import parse_transcript  # noqa: E402
from editor.timing import recognize  # noqa: E402
from editor.timing.align import SAMPLE_RATE, _window  # noqa: E402
from editor.timing.pronounce import pronunciations, spoken_tokens  # noqa: E402
from editor.timing.script import Script, make_script, script_pronunciations  # noqa: E402

FIXTURES = ROOT / "benchmarks" / "fixtures"
SEED = ROOT / "resources" / "samples" / "abc-news-2014-06-24-transcript.txt"
GROUP_S = 20.0
EDGE_S = 0.3  # audio kept around a group's first and last sentence


def sentence_groups(truth: dict[str, Any], count: int) -> list[list[dict[str, Any]]]:
    """Runs of consecutive sentences lasting about GROUP_S, spread over the programme."""
    groups: list[list[dict[str, Any]]] = [[]]
    for sentence in truth["sentences"]:
        groups[-1].append(sentence)
        if sentence["end"] - groups[-1][0]["start"] >= GROUP_S:
            groups.append([])
    whole = [group for group in groups if group]
    step = max(1, len(whole) // count)
    return whole[::step][:count]


def tokens_of(sentence: dict[str, Any], dictionary: dict[str, list[str]]) -> list[str]:
    """The sentence's transcript text as the recogniser's tokens."""
    return [token for word in sentence["text"].split() for token in spoken_tokens(word, dictionary)]


def span_job(audio: Any, group: Sequence[dict[str, Any]], dictionary: dict[str, list[str]], loops: bool
             ) -> recognize.SpanJob:
    """The group's words to place; with `loops`, unheard speech may sit at its edges and between sentences."""
    items: list[str | None] = []
    for sentence in group:
        items += [None] * loops + tokens_of(sentence, dictionary)
    first, last = int((group[0]["start"] - EDGE_S) * SAMPLE_RATE), int((group[-1]["end"] + EDGE_S) * SAMPLE_RATE)
    pcm = recognize.pcm_bytes(audio[max(0, first): last])
    return recognize.SpanJob(pcm, max(0, first) * 1000 // SAMPLE_RATE, (*items, *[None] * loops))


def cpu_per_second(jobs: Sequence[Any], work: Callable[[Any], object]) -> float:
    """CPU seconds of running `work` on every job, per second of the jobs' audio."""
    began = time.process_time()
    for job in jobs:
        work(job)
    return (time.process_time() - began) / sum(len(job.pcm) / 2 / SAMPLE_RATE for job in jobs)


def measure(variant: str, count: int) -> dict[str, float]:
    """CPU per second of audio of each kind of job on `count` groups of the variant."""
    truth = json.loads((FIXTURES / f"{variant}.truth.json").read_text())
    audio = read_wav(FIXTURES / f"{variant}.wav")
    dictionary = recognize.load_dictionary()
    script = make_script(parse_transcript(SEED.read_text(encoding="utf-8"), round(truth["duration"] * 1000)).words,
                         dictionary)
    groups = sentence_groups(truth, count)
    words = {token for group in groups for sentence in group for token in tokens_of(sentence, dictionary)}
    recognize.init_worker(recognize.dictionary_text(
        script_pronunciations(script, dictionary) | {token: pronunciations(token, dictionary) for token in words}))
    chains = [span_job(audio, group, dictionary, loops=False) for group in groups]
    looped = [span_job(audio, group, dictionary, loops=True) for group in groups]
    own = [recognize.ChunkJob(job.pcm, job.offset_ms, tuple(own_text(group, dictionary)))
           for job, group in zip(chains, groups, strict=True)]
    windowed = [recognize.ChunkJob(job.pcm, job.offset_ms, tuple(window_text(script, job, len(audio))))
                for job in chains]
    return {"chain": cpu_per_second(chains, recognize.align_span),
            "chain + loops": cpu_per_second(looped, recognize.align_span),
            "recognise, own text": cpu_per_second(own, recognize.recognize_chunk),
            "recognise, window": cpu_per_second(windowed, recognize.recognize_chunk)}


def own_text(group: Sequence[dict[str, Any]], dictionary: dict[str, list[str]]) -> list[str]:
    """The group's sentences, one line of tokens each (what a second look may hear)."""
    return [" ".join(tokens_of(sentence, dictionary)) for sentence in group]


def window_text(script: Script, job: recognize.SpanJob, samples: int) -> list[str]:
    """The sentences a chunk over the job's audio may hear in the anchor stage."""
    end_ms = job.offset_ms + len(job.pcm) // 2 * 1000 // SAMPLE_RATE
    return script.sentences_between(*_window(script, job.offset_ms, end_ms, samples * 1000 // SAMPLE_RATE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variant", nargs="?", default="t-espeak-18dB")
    parser.add_argument("--groups", type=int, default=8)
    args = parser.parse_args()
    print(f"{args.variant}, {args.groups} groups of sentences: CPU seconds per second of audio")
    for kind, cost in measure(args.variant, args.groups).items():
        print(f"| {kind} | {cost:.4f} |")


if __name__ == "__main__":
    main()
