"""Character spans of a cue's text and the timed words under them: when a span is spoken, and its replacement.

A cue's timed words match its text's whitespace-separated tokens one for one (`Cue.with_text` keeps them only
then), so a character span maps to the tokens it touches and, through them, to a time in the programme.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache

from editor.core.model import Cue, Word

_TOKEN = re.compile(r"\S+")
CONTEXT_WORDS = 2  # words each side of a span that identify it within its cue


@lru_cache(maxsize=65536)
def _bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Token starts and token ends, cached per text: the navigator places thousands of spans at a time."""
    spans = [match.span() for match in _TOKEN.finditer(text)]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def token_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each whitespace-separated token of the text."""
    return list(zip(*_bounds(text), strict=True))


def tokens_touched(text: str, start: int, end: int) -> range:
    """Indexes of the tokens that share a character with text[start:end] (or hold an empty span's position)."""
    starts, ends = _bounds(text)
    return range(bisect_right(ends, start), bisect_left(starts, max(end, start + 1)))


def timed_words(cue: Cue) -> tuple[Word, ...]:
    """The cue's words if they still match its text token for token and all carry times, else ()."""
    words = cue.words
    if not words or [word.text for word in words] != cue.text.split() or not all(w.is_timed for w in words):
        return ()
    return words


def span_time(cue: Cue, start: int, end: int) -> tuple[int, int]:
    """When text[start:end] is spoken: its timed words' start and end, else the whole cue.

    Only the span's own words are checked against the text (the whole cue is not): this runs for every problem.
    """
    touched, words = tokens_touched(cue.text, start, end), cue.words
    if not touched or len(words) != len(_bounds(cue.text)[0]):
        return cue.start_ms, cue.end_ms
    first, last = words[touched[0]], words[touched[-1]]
    starts, ends = _bounds(cue.text)
    if first.start_ms is None or last.end_ms is None or any(
        words[i].text != cue.text[starts[i] : ends[i]] for i in touched
    ):
        return cue.start_ms, cue.end_ms
    return first.start_ms, last.end_ms


def span_context(text: str, start: int, end: int) -> str:
    """The span with up to CONTEXT_WORDS words of the same text on each side, spaces collapsed."""
    offsets = token_offsets(text)
    touched = tokens_touched(text, start, end)
    if not touched:
        return " ".join(text[start:end].split())
    first = max(0, touched[0] - CONTEXT_WORDS)
    last = min(len(offsets), touched[-1] + 1 + CONTEXT_WORDS)
    return " ".join(text[offsets[first][0] : offsets[last - 1][1]].split())


def replace_in_cue(cue: Cue, start: int, end: int, replacement: str) -> Cue:
    """The cue with text[start:end] replaced; the other words keep their times, the new ones share the span's.

    A replacement word has no confidence: staff chose it, so it is no longer doubtful. The same words re-cased or
    re-punctuated ("Dashwood" for "dashwood") are still what was said, and keep their times and evidence.
    """
    text = cue.text[:start] + replacement + cue.text[end:]
    respelt = cue.with_text(text)
    if respelt.words:
        return respelt
    words, touched = timed_words(cue), tokens_touched(cue.text, start, end)
    if not words or not touched:
        return cue.with_text(text)
    new_tokens = text.split()
    kept_after = len(words) - touched[-1] - 1
    new_count = len(new_tokens) - touched[0] - kept_after
    if new_count < 0:
        return cue.with_text(text)
    span_words = _spread(new_tokens[touched[0] : touched[0] + new_count], words[touched[0]], words[touched[-1]])
    retimed = words[: touched[0]] + span_words + words[touched[-1] + 1 :]
    return replace(cue, text=text, words=retimed)


def _spread(tokens: list[str], first: Word, last: Word) -> tuple[Word, ...]:
    """New words sharing the time from `first`'s start to `last`'s end evenly."""
    begin, finish = first.start_ms or 0, last.end_ms or 0
    step = (finish - begin) / len(tokens) if tokens else 0
    return tuple(
        Word(token, begin + round(step * i), begin + round(step * (i + 1))) for i, token in enumerate(tokens)
    )
