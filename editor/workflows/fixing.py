"""Where a fix of a problem's words goes: the neighbouring words a suggestion already holds taken in, and the
cue brought back within the caption rules when the fix made a line too long."""

from __future__ import annotations

import re
from collections.abc import Sequence

from editor.core.edits import SpanChange, replace_range, replace_spans
from editor.core.fit_lines import fits_lines
from editor.core.linebreak import break_lines
from editor.core.model import EDGE_PUNCTUATION, Document, spoken_form
from editor.core.style import CaptionStyle
from editor.workflows.recutting import recut_range

_WORD = re.compile(r"\S+")


def placed(text: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """Where a fix goes and what it writes: over the neighbouring words the replacement already holds too, so
    "Brett McGurk" for "Mcguirk" after "Brett" does not write "Brett" twice."""
    words = [spoken_form(word) for word in replacement.split()]
    before = list(_WORD.finditer(text, 0, start))
    for count in range(len(words) - 1, 0, -1):
        if len(before) >= count and [spoken_form(m.group()) for m in before[-count:]] == words[:count]:
            start = before[-count].start()
            break
    after = list(_WORD.finditer(text, end))
    for count in range(len(words) - 1, 0, -1):
        if len(after) >= count and [spoken_form(m.group()) for m in after[:count]] == words[-count:]:
            last = after[count - 1].group()
            return start, after[count - 1].end(), replacement + last[len(last.rstrip(EDGE_PUNCTUATION)):]
    return start, end, replacement


def with_fixes(document: Document, changes: Sequence[SpanChange], style: CaptionStyle) -> Document:
    """The changes made where `placed` puts them; a changed cue that no longer keeps the caption rules ("--" ->
    "[inaudible]" made a line too long) is brought back within them rather than left as a new error."""
    after = _changed(document, changes)
    for index in sorted({change.cue_index for change in changes}, reverse=True):  # a split moves later cues
        after = _within_lines(after, index, style)
    return after


def recut_by(document: Document, changes: Sequence[SpanChange], style: CaptionStyle) -> set[int]:
    """The cues that, with every one of these changes made in them, hold more than their lines: `with_fixes`
    re-cuts them (two "--" in one cue may each fit as "[inaudible]" but not both)."""
    after = _changed(document, changes)
    return {index for index in {change.cue_index for change in changes}
            if too_long_for_lines(after.cues[index].text, style)}


def _changed(document: Document, changes: Sequence[SpanChange]) -> Document:
    """The changes made where `placed` puts them, each once, before any cue is brought back within its lines."""
    widened = {SpanChange(change.cue_index, *placed(document.cues[change.cue_index].text, change.start, change.end,
                                                    change.replacement)): None for change in changes}
    return replace_spans(document, list(widened))


def _within_lines(document: Document, index: int, style: CaptionStyle) -> Document:
    """The cue as it is if its lines fit, its lines broken again if that makes them fit, else re-cut from its
    words as Ctrl+Shift+R would (more words than two lines hold)."""
    cue = document.cues[index]
    if fits_lines(cue.text, style):
        return document
    if too_long_for_lines(cue.text, style):
        return recut_range(document, index, index + 1, style)
    return replace_range(document, index, index + 1, (cue.with_text(break_lines(cue.text, style)),))


def too_long_for_lines(text: str, style: CaptionStyle) -> bool:
    """Whether a fixed cue's text holds more than its lines, even broken again: the fix re-cuts it."""
    return not fits_lines(text, style) and not fits_lines(break_lines(text, style), style)
