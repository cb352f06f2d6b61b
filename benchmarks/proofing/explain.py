"""Why each of the sample's garbles was found or missed on one voice: the stage that lost it.

    .venv/bin/python benchmarks/proofing/explain.py VOICE [--fresh] [--same-weights] [--quiet]

For each garble: the word times, the phones heard over it, the candidates the phones proposed, whether
alignment was asked and what it answered (log-likelihood per frame, candidate minus written), and the
alternatives kept. Then every false flag the same way. The heard phones are cached in /tmp per voice, so a
change to weighing or scoring re-runs in seconds (`--fresh` hears again); `--same-weights` also reuses the
last run's alignment answers, for a change to the checks alone. Uses the sync cached by run_benchmark.py.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_benchmark import CACHE, FIXTURES, GLOSSARY, SAMPLE, sample_garbles, synced  # noqa: E402
from truth import locate, score  # noqa: E402

from editor.checks.registry import run_checks  # noqa: E402
from editor.checks.word_spans import word_spans  # noqa: E402
from editor.core.glossary import glossary_of  # noqa: E402
from editor.core.model import Document, GlossaryTerm  # noqa: E402
from editor.core.style import DEFAULT_STYLE  # noqa: E402
from editor.timing import evidence  # noqa: E402
from editor.timing.heard_phones import hear_phones  # noqa: E402
from editor.timing.recognize import dictionary_text  # noqa: E402
from editor.timing.recording import Recording  # noqa: E402
from editor.timing.sounds_like import candidates_for, rescore, slots_of, stretches_from, topic_words  # noqa: E402
from editor.timing.spoken_choice import weigh_readings  # noqa: E402
from editor.timing.weighing import questions, weighed  # noqa: E402
from editor.timing.word_sounds import phones_distance  # noqa: E402
from editor.timing.workers import Progress, Workers  # noqa: E402
from editor.workflows.autosync import decoded  # noqa: E402

NO_PROGRESS = Progress(None, 0.0, 1.0, 1)


def heard_document(fixtures: Path, voice: str, fresh: bool, same_weights: bool) -> tuple[Document, dict]:
    """The synced sample with heard phones (cached), and alignment's answers (cached for `same_weights`)."""
    audio = fixtures / f"proofing-{voice}.wav"
    document, _, _ = synced(SAMPLE, audio, CACHE / f"proofing-{voice}.synced.cueline")
    document = replace(document, glossary=tuple(GlossaryTerm(name) for name in GLOSSARY))
    recording, _ = decoded(audio)
    with_phones = evidence._with_heard(document, _phones(document, recording, voice, fresh))
    cache = Path(f"/tmp/explain-{voice}-answers.pickle")
    if same_weights and cache.exists():
        return with_phones, pickle.loads(cache.read_bytes())
    asked = questions(with_phones)
    with Workers(dictionary_text({}), None, True) as workers:
        answers = workers.run(weigh_readings, len(asked), lambda i: evidence._readings_job(asked[i], recording),
                              NO_PROGRESS)
    found = dict(weighed(asked, answers))
    cache.write_bytes(pickle.dumps(found))
    return with_phones, found


def _phones(document: Document, recording: Recording, voice: str, fresh: bool) -> dict:
    """The phones heard over each word (cached per voice: hearing is most of the time)."""
    cache = Path(f"/tmp/explain-{voice}.pickle")
    if cache.exists() and not fresh:
        return dict(pickle.loads(cache.read_bytes()))
    stretches = evidence._stretches(document)
    duration = recording.duration_ms

    def job(index: int) -> evidence.PhoneJob:
        start, end = evidence._bounds(document, stretches[index], duration)
        return evidence.PhoneJob(recording.pcm_bytes(start, end), start)

    with Workers(dictionary_text({}), None, True) as workers:
        heard = workers.run(hear_phones, len(stretches), job, NO_PROGRESS)
    phones = {place: text for stretch, found in zip(stretches, heard, strict=True)
              for place, text in evidence._assign(document, stretch, found).items()}
    cache.write_bytes(pickle.dumps(phones))
    return phones


def explain_at(document: Document, answers: dict, cue: int, start: int) -> None:
    """The stages for the words of `cue` from character `start` on."""
    slots = slots_of(document)
    terms, vocabulary = tuple(glossary_of(document)), topic_words(document)
    spans = word_spans(document.cues[cue])
    index = next((i for i, span in enumerate(spans) if span.end > start), None)
    position = next((p for p, s in enumerate(slots) if s.cue == cue and s.index == index), None)
    if position is None:
        print("    (word not timed)")
        return
    for offset in (-1, 0, 1):
        if 0 <= position + offset < len(slots):
            s = slots[position + offset]
            print(f"    {'>' if offset == 0 else ' '} {s.word.text!r} {s.word.start_ms}-{s.word.end_ms} "
                  f"heard {' '.join(s.heard)!r} support {s.word.support}")
    for span, stretch in stretches_from(slots, position):
        proposed = candidates_for(span, terms, vocabulary, True)
        written = phones_distance(stretch.text, stretch.own)
        rows = []
        for candidate, gain in proposed.items():
            weight = answers.get((span[0].cue, span[0].index, len(span), candidate))
            if weight is not None or gain >= 0.4:
                rows.append(f"{candidate}(g{gain:.2f} d{phones_distance(candidate, stretch.own):.1f}"
                            f" w{'-' if weight is None else f'{weight:.2f}'})")
        print(f"      [{stretch.text}] written d{written:.1f}: {' '.join(rows[:8])}")
    word = slots[position].word
    print(f"      kept: {[(a.text, a.words, a.score) for a in word.alternatives]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("voice")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="the score only")
    parser.add_argument("--same-weights", action="store_true", help="alignment's answers of the last run")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="where the voice's speech is")
    options = parser.parse_args()
    with_phones, answers = heard_document(options.fixtures, options.voice, options.fresh, options.same_weights)
    document = rescore(with_phones, answers)
    garbles = locate(document, sample_garbles())
    result = score(document, run_checks(document, DEFAULT_STYLE), garbles)
    print(f"{options.voice}: flagged {result.flagged}/{result.total}, false {len(result.false_flags)}, "
          f"top3 {result.right_in_top3}, harm {len(result.replace_all_harm)}")
    for line in result.false_flags + result.missed:
        print("  " + line)
    if options.quiet:
        return
    for garble in garbles:
        print(f"\n  {garble.wrong} -> {garble.right[0]} (cue {garble.cue + 1})")
        explain_at(document, answers, garble.cue, garble.start)
    for line in result.false_flags:
        found = re.match(r"cue (\d+): \S+ “(.*)”", line)
        if found:
            cue, text = int(found[1]) - 1, found[2]
            print(f"\n  false flag {text!r} (cue {cue + 1})")
            explain_at(document, answers, cue, document.cues[cue].text.find(text))


if __name__ == "__main__":
    main()
