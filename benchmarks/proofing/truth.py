"""Where a benchmark's garbles sit in a document, and how the checks' word-level issues score against them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.checks.issue import Issue
from editor.core.model import Document

WORD_RULES = ("suspect-word", "spelling", "low-confidence")


@dataclass(frozen=True)
class Garble:
    """Characters start:end of cue `cue` are garbled; `right` are the acceptable right forms."""

    cue: int
    start: int
    end: int
    wrong: str
    right: tuple[str, ...]


def locate(document: Document, entries: Sequence[dict[str, object]]) -> list[Garble]:
    """Each entry's `wrong` text inside the cue text holding its context (contexts may cross cues)."""
    texts = [cue.text.replace("\n", " ") for cue in document.cues]
    whole = " ".join(texts)
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    found = []
    for entry in entries:
        context, wrong = str(entry["context"]), str(entry.get("span", entry["wrong"]))
        at = whole.find(context)
        if at < 0:
            raise ValueError(f"context not found: {context!r}")
        start = at + context.index(wrong.split()[0])
        cue = max(index for index, begin in enumerate(starts[:-1]) if begin <= start)
        offset = start - starts[cue]
        end = offset + len(wrong.rstrip("."))
        right = (str(entry["right"]), *map(str, entry.get("accept", [])))  # type: ignore[call-overload]
        found.append(Garble(cue, offset, end, wrong, right))
    return found


@dataclass
class Score:
    flagged: int
    total: int
    false_flags: list[str]
    right_in_top3: int
    replace_all_harm: list[str]
    missed: list[str]


def score(document: Document, issues: Sequence[Issue], garbles: Sequence[Garble]) -> Score:
    """Garbles flagged (an issue's span overlaps), flags on correct words, right form among the top 3 fixes."""
    word_issues = [issue for issue in issues if issue.rule in WORD_RULES and issue.span is not None]
    flagged, top3 = set(), set()
    false_flags = []
    for issue in word_issues:
        assert issue.span is not None
        span = issue.span
        hits = [g for g in garbles if g.cue == issue.cue_index and g.start < span.end and span.start < g.end]
        text = document.cues[issue.cue_index].text[issue.span.start: issue.span.end]
        if not hits:
            fixes = ",".join(fix.replacement for fix in issue.fixes[:3])
            false_flags.append(f"cue {issue.cue_index + 1}: {issue.rule} “{text}” -> {fixes}")
        for garble in hits:
            flagged.add(garble)
            top = [_plain(fix.replacement) for fix in issue.fixes[:3]]
            if any(_plain(right) in top for right in garble.right):
                top3.add(garble)
    harm = _replace_all_harm(document, word_issues, garbles)
    missed = [f"cue {g.cue + 1}: missed “{g.wrong}” ({g.right[0]})" for g in garbles if g not in flagged] + [
        f"cue {g.cue + 1}: “{g.wrong}” flagged without {g.right[0]} in the top 3" for g in flagged if g not in top3]
    return Score(len(flagged), len(garbles), false_flags, len(top3), harm, missed)


def _replace_all_harm(document: Document, issues: Sequence[Issue], garbles: Sequence[Garble]) -> list[str]:
    """"Fix every occurrence like this" (the same words flagged by the same rule) from a garble: the correct
    words it would change."""
    def found(issue: Issue) -> str:
        assert issue.span is not None
        return document.cues[issue.cue_index].text[issue.span.start: issue.span.end]

    def is_garbled(issue: Issue) -> bool:
        assert issue.span is not None
        return any(g.cue == issue.cue_index and g.start < issue.span.end and issue.span.start < g.end for g in garbles)

    garbled = {(issue.rule, found(issue)) for issue in issues if is_garbled(issue)}
    return [
        f"cue {issue.cue_index + 1}: “{found(issue)}” -> {issue.fixes[0].replacement if issue.fixes else ''}"
        for issue in issues if (issue.rule, found(issue)) in garbled and not is_garbled(issue)
    ]


def _plain(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())
