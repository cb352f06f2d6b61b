"""Auto-sync benchmark: align the seed's synthesized fixtures and score starts against the truth.

    benchmarks/autosync/make_fixtures.sh            # once: fixtures into benchmarks/fixtures (git-ignored)
    .venv/bin/python benchmarks/autosync/run_benchmark.py [VARIANT ...] [--wav]

Variants: espeak flite mix hard insert long (default: all but long). Each variant runs in a fresh process
(so wall time and peak memory are its own): the MP4 is decoded with editor.media.audio, the transcript is
aligned, words are re-cut into cues, and sentence starts and cue starts (cues opening a sentence) are
scored against the fixture's truth, beside the no-media estimate (spread by text length).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import read_wav, sentence_errors, sentence_first_words, summary, swapped_words  # noqa: E402

from editor.core.model import Word  # noqa: E402
from editor.core.style import DEFAULT_STYLE  # noqa: E402
from editor.core.transcript import parse_transcript  # noqa: E402
from editor.timing.align import align_words  # noqa: E402
from editor.timing.pacing import pace_along_runtime  # noqa: E402
from editor.timing.pipeline import recut  # noqa: E402

FIXTURES = ROOT / "benchmarks" / "fixtures"
SEED = ROOT / "resources" / "samples" / "abc-news-2014-06-24-transcript.txt"
DEFAULT_VARIANTS = ["espeak", "flite", "mix", "hard", "insert"]


def cue_start_errors(words: list[Word], truth_path: Path, runtime_ms: int) -> list[float]:
    """Errors (s) of the starts of cues that open a sentence (the only cue starts the truth knows)."""
    truth = json.loads(truth_path.read_text())["sentences"]
    first_word_of = {index: k for k, index in enumerate(sentence_first_words(words))}
    errors, position = [], 0
    for cue in recut(words, DEFAULT_STYLE, runtime_ms):
        if position in first_word_of:
            errors.append(abs(cue.start_ms / 1000 - truth[first_word_of[position]]["start"]))
        position += len(cue.words)
    return errors


class PeakMemory:
    """Samples the resident memory of this process plus its workers, every 100 ms."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        me = psutil.Process()
        while True:
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
            self.peak_mb = max(self.peak_mb, total / 2**20)
            time.sleep(0.1)


def one(variant: str, use_wav: bool) -> dict[str, object]:
    """Align one fixture in this process and return its figures."""
    memory = PeakMemory()
    transcript_path = FIXTURES / "long.transcript.txt" if variant == "long" else SEED
    truth_seconds = json.loads((FIXTURES / f"{variant}.truth.json").read_text())["duration"]
    transcript = parse_transcript(transcript_path.read_text(encoding="utf-8"), round(truth_seconds * 1000))
    truth = FIXTURES / f"{variant}.truth.json"
    began = time.perf_counter()
    if use_wav:
        samples = read_wav(FIXTURES / f"{variant}.wav")
    else:
        from editor.media.audio import decode_audio
        samples = decode_audio(FIXTURES / f"{variant}.mp4")
    decoded = time.perf_counter()
    alignment = align_words(transcript.words, samples, 16000)
    aligned = time.perf_counter()
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu_s = sum(usage.ru_utime + usage.ru_stime for usage in used)
    runtime_ms = len(samples) * 1000 // 16000
    paced = pace_along_runtime(transcript.words, runtime_ms)
    flagged = {index for index, word in enumerate(alignment.words) if word.is_doubtful}
    swapped = swapped_words(alignment.words, truth)
    return {
        "variant": variant, "audio_s": runtime_ms / 1000, "decode_s": decoded - began, "align_s": aligned - decoded,
        "cpu_s": cpu_s,
        "baseline": summary(sentence_errors(paced, truth)),
        "sentences": summary(sentence_errors(alignment.words, truth)),
        "cues": summary(cue_start_errors(alignment.words, truth, runtime_ms)),
        "baseline_cues": summary(cue_start_errors(paced, truth, runtime_ms)),
        "peak_mb": memory.peak_mb, "flagged": len(flagged), "swapped": len(swapped),
        "swapped_flagged": len(flagged & swapped),
        "words": sum(not w.is_gap for w in alignment.words), "gap_spans": len(alignment.gap_spans),
        "speech_found": alignment.speech_found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="*", default=DEFAULT_VARIANTS)
    parser.add_argument("--wav", action="store_true", help="read the WAV instead of decoding the MP4")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.wav)))
        return
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}")
    header = ("variant", "audio", "text-length baseline", "aligned sentence starts", "aligned cue starts",
              "decode", "align wall", "CPU s (all processes)", "peak MB (all processes)",
              "flagged words (of them swapped) / swapped words")
    print(" | ".join(header))
    for variant in args.variants:
        command = [sys.executable, __file__, "--one", variant] + (["--wav"] if args.wav else [])
        result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        fmt = lambda triple: " / ".join(f"{value:.3f}" for value in triple)  # noqa: E731
        print(f"{variant} | {result['audio_s']:.0f} s | {fmt(result['baseline'])} | {fmt(result['sentences'])} | "
              f"{fmt(result['cues'])} | {result['decode_s']:.1f} s | {result['align_s']:.1f} s | "
              f"{result['cpu_s']:.0f} | "
              f"{result['peak_mb']:.0f} | "
              f"{result['flagged']} ({result['swapped_flagged']}) / {result['swapped']}", flush=True)
    print(f"load average after: {os.getloadavg()} (other work on the machine inflates wall times)")


if __name__ == "__main__":
    main()
