"""A cue made to fit narrower lines than it was cut for, inside its own time.

An export whose format holds fewer characters a line than the project's style (CEA-608's 32 columns for a
42-character streaming project) re-cuts each cue that does not fit with the narrower style: first by breaking
its lines again, else into several captions that share the cue's time where its words fall. A line is never
wrapped blindly (three rows, single words on their own row), and a `--` run (unheard speech) stays with the
words beside it: a row or a caption of only `--` tells the viewer nothing. (The project's own cutting may
put a run at a break, where it marks the unheard place between two cues; a narrower re-cut must not.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from editor.core.edits import timed_words
from editor.core.model import Cue, Word
from editor.core.segment import break_lines, cut_into_cues
from editor.core.style import CaptionStyle


def fits_lines(text: str, style: CaptionStyle) -> bool:
    """Whether the text's lines keep the style's line count and line length."""
    lines = text.split("\n")
    return len(lines) <= style.max_lines and all(len(line) <= style.max_chars_per_line for line in lines)


def fit_to_lines(cue: Cue, style: CaptionStyle) -> list[Cue]:
    """The cue as it is if it fits, re-broken if that fits, else cut into captions that share its time."""
    if fits_lines(cue.text, style):
        return [cue]
    rebroken = break_lines(gaps_attached([Word(token) for token in cue.text.split()]), style)
    if fits_lines(rebroken, style):
        return [cue.with_text(rebroken)]
    return _share_time(cue, cut_into_cues(gaps_attached(timed_words([cue])), style), style)


def gaps_attached(words: Sequence[Word]) -> list[Word]:
    """The words with each `--` run joined to the word after it (a run at the end: to the word before), as one
    word that no line break or cue boundary can split; words that are all gaps stay as they are."""
    joined: list[Word] = []
    run: list[Word] = []
    for word in words:
        if word.is_gap:
            run.append(word)
        elif run:
            joined.append(replace(word, text=" ".join([*(gap.text for gap in run), word.text]),
                                  start_ms=run[0].start_ms))
            run = []
        else:
            joined.append(word)
    if run and joined:
        last = joined[-1]
        joined[-1] = replace(last, text=" ".join([last.text, *(gap.text for gap in run)]), end_ms=run[-1].end_ms)
    elif run:
        joined = run
    return joined


def _share_time(cue: Cue, parts: Sequence[Cue], style: CaptionStyle) -> list[Cue]:
    """Each part from where its words start until the next part takes over; the first and last keep the cue's
    own start and end, so nothing else on the timeline moves."""
    starts = [cue.start_ms] + [part.start_ms for part in parts[1:]]
    ends = [max(start + 1, next_start - style.min_gap_ms) for start, next_start in pairwise(starts)]
    ends.append(cue.end_ms)
    return [part.with_times(start, max(end, start + 1)) for part, start, end in zip(parts, starts, ends, strict=True)]
