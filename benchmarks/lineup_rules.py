"""How many cues of our own line-up (a transcript paced along its runtime and cut) break a duration or
reading-speed rule, per transcript and style: the bundled sample, real-a, real-b and the hour (long) from the
shared fixtures, and generated transcripts of several speeds and amounts of punctuation.

A reading-speed warning cannot be avoided where the transcript's own mean speed over its runtime is at or
above the style's target, so that mean is printed beside each row.

    .venv/bin/python benchmarks/lineup_rules.py [STYLE ...]     (default: every style)
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from editor.checks.registry import run_checks
from editor.core.style import STYLES, characters_per_second, reading_chars
from editor.core.transcript import Transcript
from editor.formats.registry import read_file
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

FIXTURES = Path(__file__).parent / "fixtures"
TIMING_RULES = ("max-duration", "min-duration", "reading-speed", "reading-speed-limit")
# seed, minutes, words a minute, share of words ending a sentence (as many again end a clause)
GENERATED = ((1, 10, 150, 0.05), (2, 10, 110, 0.01), (3, 10, 190, 0.08), (4, 5, 90, 0.0), (5, 5, 170, 0.03),
             (6, 8, 160, 0.04), (7, 8, 180, 0.02))


def generated(folder: Path, seed: int, minutes: int, words_a_minute: int, stops: float) -> Path:
    """A transcript of the sample's words in a random order, punctuated at random, along `minutes`."""
    chosen = random.Random(seed)
    vocabulary = [word.strip(".,;:?!").lower() for word in _sample_body().split() if word.strip(".,;:?!")]
    words = []
    for _ in range(minutes * words_a_minute):
        word, draw = chosen.choice(vocabulary), chosen.random()
        words.append(word + "." if draw < stops else word + "," if draw < 2 * stops else word)
    path = folder / f"generated-{seed}.txt"
    path.write_text(f"Generated {seed}\n\nSummary\n{minutes}:00 | 01/01/26\n\nTranscript for it\n"
                    f"{' '.join(words)}\n", encoding="utf-8")
    return path


def _sample_body() -> str:
    return sample_transcript_path().read_text(encoding="utf-8").split("\n")[6]


def transcripts(folder: Path) -> Iterator[tuple[str, Path]]:
    yield "sample", sample_transcript_path()
    for name in ("real-a", "real-b", "long"):
        path = FIXTURES / f"{name}.transcript.txt"
        if path.is_file():
            yield name, path
    for seed, minutes, words_a_minute, stops in GENERATED:
        yield (f"generated {seed}: {minutes} min, {words_a_minute} wpm, {stops:.0%} stops",
               generated(folder, seed, minutes, words_a_minute, stops))


def main() -> None:
    styles = [STYLES[name] for name in sys.argv[1:]] or list(STYLES.values())
    with tempfile.TemporaryDirectory() as folder:
        for style in styles:
            for name, path in transcripts(Path(folder)):
                transcript = read_file(path).content
                assert isinstance(transcript, Transcript)
                document = line_up_transcript(transcript, style)
                issues = [issue for issue in run_checks(document, style) if issue.rule in TIMING_RULES]
                by_rule = Counter(issue.rule for issue in issues)
                chars = sum(reading_chars(cue.text) for cue in document.cues)
                mean_cps = chars * 1000 / (transcript.runtime_ms or 1)
                fastest = max(characters_per_second(cue) for cue in document.cues)
                print(f"{style.name:9} {name:38} {len(document.cues):5} cues, "
                      f"{len({issue.cue_index for issue in issues}):4} break a rule {dict(by_rule)} "
                      f"(mean {mean_cps:.1f} CPS, fastest cue {fastest:.1f}, target {style.target_cps:g})")


if __name__ == "__main__":
    main()
