"""What one auto-sync run covers: the whole document, or only the selected cues and the audio between
their neighbours, as plain data the worker thread, the command line and the tests share.

A selection sync aligns only the selected cues' words (from the first selected cue to the last, the cues
between included) against the audio from the previous cue's end to the next cue's start, each narrowed by
the style's minimum gap; only those cues are cut again, inside that span, and every other cue stays as it
was. A whole-document sync aligns every word against the whole audio and cuts the document again; on an
excerpt of the programme (the captions run on far past its audio) it syncs the cues the audio holds, found
in the transcript by editor.timing.excerpt, and leaves the others as they were. An excerpt from the start
keeps its place; one from the middle comes first, in its own time, and the cues it does not hold follow it
in their order, moved after its end (a document has one timeline, the media's).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace

from editor.core.edits import EditError, replace_range, shift_cues
from editor.core.model import Cue, Document, Word
from editor.core.style import CaptionStyle, style_named
from editor.core.wording import counted
from editor.timing.align import Alignment
from editor.timing.autosync import synced_document
from editor.timing.pipeline import recut
from editor.workflows.cut_short import CUT_SHORT_MS
from editor.workflows.stretch import WRONG_MEDIA_RATIO


@dataclass(frozen=True)
class SyncScope:
    """Cues first..stop (exclusive) and their words, to be aligned against audio start_ms..end_ms."""

    first: int
    stop: int
    words: tuple[Word, ...]
    start_ms: int = 0
    end_ms: int | None = None  # None: to the end of the media
    whole: bool = True
    cues: tuple[Cue, ...] = ()  # a whole document's cues, so the scope can be cut where the audio ends
    audio_ends_ms: int | None = None  # an excerpt's sync (its audio ends there): the cues it lacks stay as they were

    @property
    def moves_to_front(self) -> bool:
        """An excerpt from the middle of the programme: its cues come first once synced (see excerpt_first)."""
        return self.audio_ends_ms is not None and self.first > 0

    @property
    def first_after(self) -> int:
        """Where the scope's first cue is once synced."""
        return 0 if self.moves_to_front else self.first

    @property
    def label(self) -> str:
        """The undo step's name."""
        count = self.stop - self.first
        return "Auto-sync" if self.whole else f"Auto-sync {counted(count, 'cue')}"


def whole_document(document: Document) -> SyncScope:
    """Every word of the document against the whole audio."""
    if not document.words:
        raise EditError("the document has no words to sync")
    return SyncScope(0, len(document.cues), tuple(document.words), cues=document.cues)


def is_excerpt(scope: SyncScope, audio_ms: int) -> bool:
    """A whole-document scope whose captions run on far past the audio (an excerpt opened with the whole
    programme's transcript): the aligner needs a share of the scope's words in the audio (a twentieth), and the
    words it lacks would each become a caption at an edge of the audio. Media only somewhat shorter (another
    cut, an ident trimmed) is synced whole, as the aligner handles passages the audio lacks."""
    captions_end = scope.cues[-1].end_ms if scope.cues else 0
    return scope.whole and captions_end - audio_ms > CUT_SHORT_MS and captions_end > WRONG_MEDIA_RATIO * audio_ms


def within_audio(scope: SyncScope, audio_ms: int, said: range | None = None) -> SyncScope:
    """An excerpt's scope: the cues holding the words it says (`said`, indices into the scope's words, as
    editor.timing.excerpt found them), else the cues that start before its audio ends. Any other scope as it is."""
    if not is_excerpt(scope, audio_ms):
        return scope
    if said:
        first, stop = _cues_holding(scope.cues, said)
    else:
        first, stop = 0, sum(cue.start_ms < audio_ms for cue in scope.cues)
    if stop <= first:
        return scope
    words = tuple(Document(cues=scope.cues[first:stop]).words)
    return SyncScope(first, stop, words, whole=False, cues=scope.cues, audio_ends_ms=audio_ms)


def _cues_holding(cues: tuple[Cue, ...], said: range) -> tuple[int, int]:
    """The cues first..stop-1 whose words include those numbered `said` (counted over all the cues' words)."""
    ends = list(itertools.accumulate(len(Document(cues=(cue,)).words) for cue in cues))
    return bisect.bisect_right(ends, said.start), bisect.bisect_right(ends, said.stop - 1) + 1


def _heard_span(timed: list[Word], estimated: tuple[Word, ...]) -> range:
    """The aligned words from the first to the last the audio holds; all of them where it holds none, or where
    the words' estimated times are unknown (a caption file's cues carry none to fall back on)."""
    heard = [index for index, word in enumerate(timed) if not word.is_unheard and not word.is_gap]
    if not heard or not all(word.is_timed for word in estimated):
        return range(len(timed))
    return range(heard[0], heard[-1] + 1)


def selected_cues(document: Document, rows: list[int]) -> SyncScope:
    """The selected cues (and any between them) against the audio their neighbours leave free."""
    if not rows:
        raise EditError("select the cues to sync first")
    cues = document.cues
    first, stop = min(rows), max(rows) + 1
    words = tuple(Document(cues=cues[first:stop]).words)
    if not words:
        raise EditError("the selected cues have no words to sync")
    gap = style_named(document.style_name).min_gap_ms
    start = cues[first - 1].end_ms + gap if first > 0 else 0
    end = cues[stop].start_ms - gap if stop < len(cues) else None
    return SyncScope(first, stop, words, start, end, whole=False)


def samples_of(scope: SyncScope, sample_rate: int) -> tuple[int, int | None]:
    """The samples first..last-1 of the audio the scope is aligned against (last None: to the end)."""
    first = scope.start_ms * sample_rate // 1000
    return first, None if scope.end_ms is None else max(first, scope.end_ms * sample_rate // 1000)


def shifted(alignment: Alignment, offset_ms: int) -> Alignment:
    """An alignment of a clip, in the programme's time (the clip began at offset_ms)."""
    if offset_ms == 0:
        return alignment

    def move(word: Word) -> Word:
        if not word.is_timed:
            return word
        return replace(word, start_ms=word.start_ms + offset_ms, end_ms=word.end_ms + offset_ms)  # type: ignore[operator]

    spans = [(start + offset_ms, end + offset_ms) for start, end in alignment.gap_spans]
    return Alignment([move(word) for word in alignment.words], spans, alignment.speech_found)


def synced(document: Document, scope: SyncScope, alignment: Alignment, media_ms: int, style: CaptionStyle, *,
           lead_in_ms: int = 0, linger_ms: int | None = None) -> Document:
    """The document after the sync: unchanged without speech; else the scope's cues cut again on the words."""
    if not alignment.speech_found:
        return document
    if scope.whole:
        return synced_document(document, alignment, style, media_ms, lead_in_ms=lead_in_ms, linger_ms=linger_ms)
    limit = media_ms if scope.end_ms is None else scope.end_ms
    if scope.audio_ends_ms is not None:
        return excerpt_first(document, scope, alignment.words, style, limit)
    cues = recut(alignment.words, style, limit, linger_ms=style.max_linger_ms)
    return replace_range(document, scope.first, scope.stop, cues)


def excerpt_first(document: Document, scope: SyncScope, timed: list[Word], style: CaptionStyle, limit: int,
                  ) -> Document:
    """An excerpt synced: its cues first, in its time, then the cues before it (from the middle of the
    programme) and the cues after it, each run in its order and with its own times, moved later only as far as
    it must to follow (the estimate may put the cue after an excerpt's last words before they are said). The
    scope's words the audio lacks at its edges (the excerpt starts or ends inside a cue) join those runs with
    their estimated times, rather than being squeezed into the excerpt's first or last instant."""
    heard = _heard_span(timed, scope.words)
    synced_cues = recut(timed[heard.start: heard.stop], style, limit, linger_ms=style.max_linger_ms)
    lead = recut(scope.words[: heard.start], style, None)
    following = document.cues[scope.stop].start_ms - style.min_gap_ms if scope.stop < len(document.cues) else None
    trail = recut(scope.words[heard.stop:], style, following)  # still ending where the cue it came from did
    before, after = (*document.cues[: scope.first], *lead), (*trail, *document.cues[scope.stop:])
    moved = document.with_cues((*synced_cues, *before, *after))
    first = len(synced_cues)
    for run in (range(first, first + len(before)), range(first + len(before), len(moved.cues))):
        if run and run.start > 0:
            lag = moved.cues[run.start - 1].end_ms + style.min_gap_ms - moved.cues[run.start].start_ms
            moved = shift_cues(moved, run, max(0, lag))
    return moved
