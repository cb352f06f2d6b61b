"""Auto-sync of an excerpt opened with the whole programme's transcript: clips cut from tune-half fixtures (and
the real-speech hour) are synced against the sample transcript (the hour's own), and each prints which cues
were found, how far the clip's sentence starts are from the cue starts, any errors the checks find, and the
time it took.

    .venv/bin/python benchmarks/excerpt_sync.py      (needs ffmpeg and benchmarks/fixtures; tune half only)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from editor.checks.issue import Severity
from editor.checks.registry import run_checks
from editor.core.style import style_named
from editor.paths import sample_transcript_path
from editor.workflows.autosync import NoSpeech, sync_to_media
from editor.workflows.open_file import Opened, import_transcript

FIXTURES = Path(__file__).parent / "fixtures"
# fixture, transcript (None: the sample), clip start and length (s)
CLIPS = (("t-espeak-18dB", None, 240, 180), ("t-mix-12dB", None, 540, 150), ("t-mix-12dB", None, 240, 181),
         ("t-espeak-18dB", None, 0, 180), ("long", "long.transcript.txt", 1200, 300))
HEAD_WORDS = 5  # a sentence is found at the cue that starts with its first words


def words_of(text: str) -> str:
    return " ".join(word.strip(".,?!:;\"'").lower() for word in text.split())


def cut(fixture: str, start: int, seconds: int, folder: Path) -> Path:
    clip = folder / f"{fixture}-{start}.wav"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", str(start), "-t", str(seconds), "-i",
                    str(FIXTURES / f"{fixture}.wav"), "-ac", "1", "-ar", "16000", str(clip)], check=True)
    return clip


def report(fixture: str, transcript: str | None, start: int, seconds: int, folder: Path) -> str:
    style = style_named("streaming")
    opened = import_transcript(FIXTURES / transcript if transcript else sample_transcript_path(), style)
    assert isinstance(opened, Opened)
    clip = cut(fixture, start, seconds, folder)
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = sync_to_media(opened.document, clip, style)
    timing = f"{time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.1f} s CPU (this process)"
    name = f"{fixture} {start // 60}:{start % 60:02d} +{seconds} s"
    if isinstance(outcome, NoSpeech):
        return f"{name}: no speech found ({timing})"
    cues = outcome.document.cues
    sentences = [s for s in json.loads((FIXTURES / f"{fixture}.truth.json").read_text())["sentences"]
                 if start <= s["start"] and s["end"] <= start + seconds]
    offsets = []
    for sentence in sentences:
        head = " ".join(words_of(sentence["text"]).split()[:HEAD_WORDS])
        found = [cue for cue in cues if cue.start_ms <= seconds * 1000 and
                 words_of(cue.text.replace("\n", " ")).startswith(head)]
        if head and found:  # the nearest, where the transcript says a sentence twice ("That is not.")
            offsets.append(min(abs(cue.start_ms / 1000 - (sentence["start"] - start)) for cue in found))
    errors = Counter(issue.rule for issue in run_checks(outcome.document, style) if issue.severity is Severity.ERROR)
    starts = (f"median {statistics.median(offsets):.3f} s, max {max(offsets):.3f} s over {len(offsets)} of "
              f"{len(sentences)} sentences" if offsets else "no sentence at a cue start")
    return f"{name}: {outcome.left_after_audio}\n    cue starts {starts}; errors {dict(errors)}; {timing}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for fixture, transcript, start, seconds in CLIPS:
            print(report(fixture, transcript, start, seconds, Path(folder)), flush=True)


if __name__ == "__main__":
    main()
