"""Pure edits of a Document: each takes a document and returns a new one, so an undo step is two snapshots.

The editor's undo commands call these and record only what changed (a `CueSplice`), which keeps a
10,000-cue document cheap to edit. Edits that cannot be made raise `EditError` with a message for the user.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import compress, count, islice
from operator import is_not

from editor.core.cue_spans import replace_in_cue
from editor.core.linebreak import break_lines
from editor.core.model import Cue, Document, IgnoredProblem, Word
from editor.core.style import CaptionStyle
from editor.core.timecode import format_runtime

NEW_CUE_MS = 2000  # length of a cue inserted by hand when there is room for it


class EditError(ValueError):
    """An edit that would break the document (negative or empty times, nothing to split)."""


@dataclass(frozen=True, slots=True)
class CueSplice:
    """The cues `removed` at `start` replaced by `inserted`: the smallest record of one edit."""

    start: int
    removed: tuple[Cue, ...]
    inserted: tuple[Cue, ...]

    def apply_to(self, cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
        return cues[: self.start] + self.inserted + cues[self.start + len(self.removed) :]

    def inverted(self) -> CueSplice:
        return CueSplice(self.start, self.inserted, self.removed)


def diff_cues(before: Sequence[Cue], after: Sequence[Cue]) -> CueSplice:
    """The splice turning `before` into `after`; unchanged cues are the same objects, so `is` suffices.

    The comparisons run in C iterators (about 30 ns a cue): the editor and the timeline call this on every
    keystroke, even on 10,000 cues.
    """
    limit = min(len(before), len(after))
    head = next(compress(count(), map(is_not, before, after)), limit)
    tail_room = limit - head
    tail = next(compress(count(), map(is_not, islice(reversed(before), tail_room), reversed(after))), tail_room)
    return CueSplice(head, tuple(before[head : len(before) - tail]), tuple(after[head : len(after) - tail]))


def _checked_index(document: Document, index: int) -> Cue:
    if not 0 <= index < len(document.cues):
        raise EditError(f"there is no cue {index + 1}")
    return document.cues[index]


def _with_cue(document: Document, index: int, cue: Cue) -> Document:
    return replace_range(document, index, index + 1, (cue,))


def replace_range(document: Document, first: int, stop: int, cues: Iterable[Cue]) -> Document:
    """Cues `first` up to `stop` (exclusive) replaced by `cues`; used by re-cut and paste."""
    old = document.cues
    return document.with_cues(old[:first] + tuple(cues) + old[stop:])


def set_text(document: Document, index: int, text: str) -> Document:
    """The cue's text as typed; its timed words survive only if the words themselves are unchanged."""
    cue = _checked_index(document, index)
    return _with_cue(document, index, cue.with_text(text))


def set_texts(document: Document, texts: Mapping[int, str]) -> Document:
    """Several cues' texts at once (replace all): one new document, one undo step."""
    cues = list(document.cues)
    for index, text in texts.items():
        cues[index] = cues[index].with_text(text)
    return document.with_cues(cues)


def set_times(document: Document, index: int, start_ms: int, end_ms: int) -> Document:
    """The cue shown from start_ms to end_ms; a cue must start at or after zero and end after it starts."""
    cue = _checked_index(document, index)
    if start_ms < 0:
        raise EditError("a cue cannot start before 00:00:00.000")
    if end_ms <= start_ms:
        raise EditError("a cue must end after it starts")
    return _with_cue(document, index, cue.with_times(start_ms, end_ms))


def nudge(document: Document, index: int, *, start_delta_ms: int = 0, end_delta_ms: int = 0) -> Document:
    """Move one or both edges of a cue by a few milliseconds (a frame, 100 ms) from the keyboard."""
    cue = _checked_index(document, index)
    return set_times(document, index, cue.start_ms + start_delta_ms, cue.end_ms + end_delta_ms)


def _timed_words(cue: Cue) -> tuple[Word, ...]:
    """The cue's words with times; text without aligned words is spread over the cue by length."""
    tokens = cue.text.split()
    if cue.words and all(word.is_timed for word in cue.words) and [w.text for w in cue.words] == tokens:
        return cue.words
    total = sum(len(token) + 1 for token in tokens) or 1
    words, position = [], cue.start_ms
    for token in tokens:
        end = position + cue.duration_ms * (len(token) + 1) // total
        words.append(Word(token, position, max(end, position + 1)))
        position = end
    return tuple(words)


def timed_words(cues: Iterable[Cue]) -> list[Word]:
    """Every word of the cues, timed (estimated inside each cue when alignment left no times)."""
    return [word for cue in cues for word in _timed_words(cue)]


def _split_time(cue: Cue, words_before: int) -> int:
    words = _timed_words(cue)
    if 0 < words_before < len(words):
        previous, following = words[words_before - 1], words[words_before]
        assert previous.end_ms is not None and following.start_ms is not None
        return (previous.end_ms + following.start_ms) // 2
    return cue.start_ms + cue.duration_ms // 2


def split_cue(document: Document, index: int, position: int, style: CaptionStyle) -> Document:
    """Two cues from one, cut at a position in its text (inside a word: at the word's nearer edge, so no word
    is cut in two and the timed words stay); time is divided where the words divide."""
    cue = _checked_index(document, index)
    position = _nearer_word_edge(cue.text, position)
    before, after = cue.text[:position].split(), cue.text[position:].split()
    if not before or not after:
        raise EditError("put the text cursor between two words to split a cue")
    middle = _split_time(cue, len(before))
    first_end = max(cue.start_ms + 1, middle - style.min_gap_ms // 2)
    second_start = min(cue.end_ms - 1, first_end + style.min_gap_ms)
    words = cue.words if len(cue.words) == len(before) + len(after) else ()
    first = Cue(cue.start_ms, first_end, break_lines(" ".join(before), style), words[: len(before)], cue.identifier)
    second = Cue(second_start, cue.end_ms, break_lines(" ".join(after), style), words[len(before) :])
    return replace_range(document, index, index + 1, (first, second))


def _nearer_word_edge(text: str, position: int) -> int:
    """The position itself between words, else the start or end of the word it falls in, whichever is nearer."""
    if not 0 < position < len(text) or text[position - 1].isspace() or text[position].isspace():
        return position
    start = position - len(text[:position].split()[-1])
    end = position + len(text[position:].split()[0])
    return start if position - start <= end - position else end


def merge_with_next(document: Document, index: int, style: CaptionStyle) -> Document:
    """One cue from a cue and the next: from the first's start to the second's end, lines broken anew."""
    first = _checked_index(document, index)
    if index + 1 >= len(document.cues):
        raise EditError("the last cue has no next cue to merge with")
    second = document.cues[index + 1]
    words = first.words + second.words if first.words and second.words else ()
    text = break_lines(f"{first.text} {second.text}", style)
    merged = Cue(first.start_ms, max(first.end_ms, second.end_ms), text, words, first.identifier)
    return replace_range(document, index, index + 2, (merged,))


def _free_span_after(document: Document, index: int, style: CaptionStyle, media_ms: int | None) -> tuple[int, int]:
    """Where a cue after cue `index` may go: from a gap after it to a gap before the next cue, or after the last
    cue to the programme's end (a cue past the runtime is never seen)."""
    cues = document.cues
    start = cues[index].end_ms + style.min_gap_ms if index >= 0 else 0
    if index + 1 < len(cues):
        return start, cues[index + 1].start_ms - style.min_gap_ms
    programme_end = document.runtime_ms or media_ms or start + NEW_CUE_MS
    if programme_end - start < style.min_duration_ms:
        raise EditError(
            f"no room for a cue after cue {index + 1}: the programme ends at {format_runtime(programme_end)} "
            "(shorten that cue first: O at the playhead, or drag its end)"
        )
    return start, programme_end


def insert_cue_after(
    document: Document, index: int, style: CaptionStyle, text: str = "", media_ms: int | None = None
) -> Document:
    """An empty cue after cue `index` (-1: at the top), in the gap if there is one, else overlapping the next
    cue; after the last cue it ends by the programme's end (the runtime, else the media's length `media_ms`:
    a caption file states no runtime), or the edit says there is no room."""
    if not -1 <= index < len(document.cues):
        raise EditError(f"there is no cue {index + 1}")
    start, free_until = _free_span_after(document, index, style, media_ms)
    end = min(start + NEW_CUE_MS, free_until)
    if end - start < style.min_duration_ms:
        end = start + style.min_duration_ms
    return replace_range(document, index + 1, index + 1, (Cue(start, end, text),))


def delete_cues(document: Document, indices: Iterable[int]) -> Document:
    """The document without the given cues."""
    doomed = set(indices)
    for index in doomed:
        _checked_index(document, index)
    return document.with_cues([cue for i, cue in enumerate(document.cues) if i not in doomed])


def _shifted(cue: Cue, delta_ms: int) -> Cue:
    words = tuple(
        replace(w, start_ms=w.start_ms + delta_ms, end_ms=w.end_ms + delta_ms)
        if w.start_ms is not None and w.end_ms is not None
        else w
        for w in cue.words
    )
    return replace(cue, start_ms=cue.start_ms + delta_ms, end_ms=cue.end_ms + delta_ms, words=words)


def shift_cues(document: Document, indices: Iterable[int], delta_ms: int) -> Document:
    """The given cues moved in time together (their words too); nothing moves before zero."""
    chosen = sorted(set(indices))
    for index in chosen:
        _checked_index(document, index)
    if not chosen:
        return document
    earliest = min(document.cues[i].start_ms for i in chosen)
    delta_ms = max(delta_ms, -earliest)
    cues = list(document.cues)
    for index in chosen:
        cues[index] = _shifted(cues[index], delta_ms)
    return document.with_cues(cues)



@dataclass(frozen=True, slots=True)
class SpanChange:
    """Characters `start:end` of cue `cue_index`'s text to become `replacement` (a suggestion accepted)."""

    cue_index: int
    start: int
    end: int
    replacement: str


def replace_spans(document: Document, changes: Iterable[SpanChange]) -> Document:
    """Every change made at once (one undo step for "fix all"); words outside the spans keep their times."""
    cues = list(document.cues)
    ordered = sorted(changes, key=lambda change: (change.cue_index, change.start), reverse=True)
    for change in ordered:  # right to left, so earlier offsets in the same cue stay valid
        cue = _checked_index(document, change.cue_index)
        if not 0 <= change.start <= change.end <= len(cue.text):
            raise EditError(f"cue {change.cue_index + 1} has no characters {change.start}..{change.end}")
        cues[change.cue_index] = replace_in_cue(cues[change.cue_index], change.start, change.end, change.replacement)
    return document.with_cues(cues)


def ignore_problem(document: Document, problem: IgnoredProblem) -> Document:
    """The document remembering that staff ignore this problem (saved with the project)."""
    if problem in document.ignored:
        return document
    return replace(document, ignored=(*document.ignored, problem))


def with_media(document: Document, media_path: str) -> Document:
    """The document remembering the programme's media (an undoable edit like any other)."""
    return replace(document, media_path=media_path)
