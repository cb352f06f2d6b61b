"""Transcript words auto-sync found no audio for: a passage cut from the programme, or a transcript that
runs ahead of the video. Staff delete them or sync that stretch by hand."""

from __future__ import annotations

from collections.abc import Sequence

from editor.checks.issue import Issue, Rule, Severity, TextSpan, every_cue
from editor.checks.word_spans import word_spans
from editor.core.model import Cue, Document, Word
from editor.core.style import CaptionStyle

NAME = "unheard"


def cue_issues(cue: Cue, index: int, style: CaptionStyle) -> list[Issue]:
    """A warning for each run of words in the cue that the audio lacks, spanning that run of the text."""
    issues = []
    for first, last in _unheard_runs(cue.words):
        quoted = " ".join(word.text for word in cue.words[first:last])
        message = f"not in the audio (cut from the programme?): “{quoted}”"
        issues.append(Issue(index, Severity.WARNING, NAME, message, _text_span(cue, first, last)))
    return issues


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """Every cue's runs of unheard words."""
    return every_cue(cue_issues, document, style)


def _unheard_runs(words: Sequence[Word]) -> list[tuple[int, int]]:
    """(first, last) word indices of each run of unheard words (gaps inside a run belong to it)."""
    runs: list[tuple[int, int]] = []
    for position, word in enumerate(words):
        if not word.is_unheard:
            continue
        if runs and all(words[n].is_gap for n in range(runs[-1][1], position)):
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    return runs


def _text_span(cue: Cue, first: int, last: int) -> TextSpan | None:
    """Characters of words first..last-1 in the cue's text, or None if the text no longer holds the words."""
    spans = word_spans(cue)
    return TextSpan(spans[first].start, spans[last - 1].end) if spans else None


RULE = Rule(NAME, "transcript words the audio lacks (after auto-sync)", check, cue_issues)
