"""Sound-alike search on the bundled ABC News seed: what it proposes for a news editor's glossary, scored
against a hand-made list of the misheard names in that transcript (precision and recall per threshold).

Run: .venv/bin/python benchmarks/soundalike_seed.py [--all]   (--all also prints every proposal)
"""

from __future__ import annotations

import re
import sys
import time

from editor.checks.dictionary import word_rarity
from editor.core.glossary import MIN_SCORE, Proposal, Rarity, parse_term, propose_replacements
from editor.core.model import Document
from editor.core.style import DEFAULT_STYLE
from editor.core.transcript import parse_transcript
from editor.paths import sample_transcript_path
from editor.timing.pipeline import line_up_transcript

# The names a news editor would list for this story (no hints: the search must find mishearings by sound).
SEED_GLOSSARY = (
    "ISIS", "ISIL", "Nouri al-Maliki", "Maliki", "Erbil", "John Kerry", "Kerry", "Baghdad", "Mosul",
    "Michelle Franzen", "Alex Marquardt", "Hamish Macdonald", "Kurdish", "Kurdistan", "Peshmerga", "Sunni",
    "Shiite", "Baiji", "Tikrit", "Samarra", "Jordan", "Syria", "Iraq", "Iraqi", "al-Qaeda", "Ryan Crocker",
    "Brett McGurk", "Obama", "Biden", "Clinton", "Massoud Barzani", "ABC News",
)  # fmt: skip

# Truth, read by ear from the story: (a word of the garbled text, acceptable terms, which occurrences of
# that word in the transcript are garbled (0-based; None = all)).
TRUTH = (
    ("Beisel", {"ISIL", "ISIS"}, None),
    ("sisal", {"ISIL", "ISIS"}, None),
    ("morality", {"Maliki"}, None),
    ("bill", {"Erbil"}, None),  # "in their bill in the north"
    ("Clark", {"Alex Marquardt"}, None),  # "Alex Mark Clark", "-- Mark Clark in Iraq"
    ("McDonald", {"Hamish Macdonald"}, None),  # "He sees him as McDonald is in Baghdad"
    ("crisis", {"ISIS", "ISIL"}, {0, 1}),  # "called crisis al-Qaeda", "that crisis could"; not "this crisis erupted"
    ("ice", {"ISIS", "ISIL"}, None),  # "who is ice is more of a threat"
    ("vices", {"ISIS", "ISIL"}, None),  # "something out of vices"
    ("Diocese", {"ISIS", "ISIL"}, None),  # "Diocese of bonds is false"
    ("license", {"ISIS", "ISIL"}, None),  # "has rejected license as too extremist"
    ("nori", {"Nouri al-Maliki"}, None),
    ("Mcguirk", {"Brett McGurk"}, None),
    ("rock", {"Iraq"}, None),  # "And now this is -- rock --"
    ("news", {"ABC News"}, None),  # "the ABC news -- story": house spelling
)  # fmt: skip
THRESHOLDS = (0.55, 0.6, MIN_SCORE, 0.65, 0.7, 0.75, 0.8)


def seed_document() -> Document:
    transcript = parse_transcript(sample_transcript_path().read_text(encoding="utf-8"))
    document = line_up_transcript(transcript, DEFAULT_STYLE)
    return document.__class__(cues=document.cues, glossary=tuple(map(parse_term, SEED_GLOSSARY)))


def _cue_offsets(document: Document) -> list[int]:
    offsets, position = [], 0
    for cue in document.cues:
        offsets.append(position)
        position += len(cue.text) + 1
    return offsets


def truth_hits(proposal: Proposal, offsets: list[int], full_text: str) -> set[tuple[str, int]]:
    """The truth occurrences (word, n) this proposal fixes with an acceptable term."""
    hits = set()
    for word, terms, occurrences in TRUTH:
        if proposal.term not in terms:
            continue
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        for inner in pattern.finditer(proposal.found):
            at = offsets[proposal.cue_index] + proposal.start + inner.start()
            nth = sum(1 for m in pattern.finditer(full_text) if m.start() < at)
            if occurrences is None or nth in occurrences:
                hits.add((word, nth))
    return hits


def all_truth(full_text: str) -> set[tuple[str, int]]:
    wanted = set()
    for word, _terms, occurrences in TRUTH:
        count = len(re.findall(rf"\b{re.escape(word)}\b", full_text, re.IGNORECASE))
        wanted |= {(word, n) for n in range(count) if occurrences is None or n in occurrences}
    return wanted


def report(document: Document, rarity: Rarity | None, show_all: bool) -> None:
    offsets = _cue_offsets(document)
    full_text = "\n".join(cue.text for cue in document.cues)
    wanted = all_truth(full_text)
    terms = [parse_term(entry) for entry in SEED_GLOSSARY]
    started = time.perf_counter()
    proposals = propose_replacements(document, terms, min_score=min(THRESHOLDS), rarity=rarity)
    elapsed = time.perf_counter() - started
    print(f"\n== {'with' if rarity else 'without'} word rarity: search took {elapsed:.2f} s")
    judged = [(p, truth_hits(p, offsets, full_text)) for p in proposals]
    for threshold in THRESHOLDS:
        kept = [(p, hits) for p, hits in judged if p.score >= threshold]
        right = sum(1 for _p, hits in kept if hits)
        found = set().union(*(hits for _p, hits in kept)) if kept else set()
        precision = right / len(kept) if kept else 0.0
        print(f"  min score {threshold:.2f}: {len(kept):3d} proposals, precision {precision:.2f} "
              f"({right}/{len(kept)}), recall {len(found) / len(wanted):.2f} ({len(found)}/{len(wanted)})")
    ranked = sorted(judged, key=lambda item: -item[0].score)
    for top in (10, 20):
        right = sum(1 for _p, hits in ranked[:top] if hits)
        print(f"  best {top}: precision {right / top:.2f}")
    kept = [(p, hits) for p, hits in ranked if show_all or p.score >= MIN_SCORE]
    found = set().union(*(hits for _p, hits in kept)) if kept else set()
    print(f"  missed at {MIN_SCORE}:", sorted(wanted - found))
    for proposal, hits in kept:
        mark = "OK " if hits else "-- "
        print(f"  {mark}{proposal.score:.2f}  cue {proposal.cue_index + 1:3d}  {proposal.found!r} -> {proposal.term}")


def main() -> None:
    document = seed_document()
    full_text = "\n".join(cue.text for cue in document.cues)
    print(f"seed: {len(document.cues)} cues, {len(full_text.split())} words, {len(SEED_GLOSSARY)} glossary terms, "
          f"{len(all_truth(full_text))} garbled occurrences in the truth list")
    show_all = "--all" in sys.argv
    report(document, None, show_all)
    report(document, word_rarity, show_all)


if __name__ == "__main__":
    main()
