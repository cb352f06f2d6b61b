"""What one auto-sync run covers: the whole document, or only the selected cues and the audio between
their neighbours, as plain data the worker thread, the command line and the tests share.

A selection sync aligns only the selected cues' words (from the first selected cue to the last, the cues
between included) against the audio from the previous cue's end to the next cue's start, each narrowed by
the style's minimum gap; only those cues are cut again, inside that span, and every other cue stays as it
was. A whole-document sync aligns every word against the whole audio and cuts the document again; on an
excerpt of the programme (the captions run on far past its audio) it syncs the cues the audio holds, as a
selection from the first cue, and leaves the cues after the audio's end as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from editor.core.edits import EditError, replace_range
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
    audio_ends_ms: int | None = None  # a whole-document sync cut there: the cues after it are left as they were

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


def within_audio(scope: SyncScope, audio_ms: int) -> SyncScope:
    """A whole-document scope cut to the cues that start before the audio ends, when the captions run on far
    past it (an excerpt opened with the whole programme's transcript): the aligner needs a share of the scope's
    words in the audio (a twentieth), and the words after its end would each become a caption at its last
    instant. Media only somewhat shorter (another cut, an ident trimmed) is synced whole, as the aligner
    handles passages the audio lacks. Any other scope as it is."""
    captions_end = scope.cues[-1].end_ms if scope.cues else 0
    if not scope.whole or captions_end - audio_ms <= CUT_SHORT_MS or captions_end <= WRONG_MEDIA_RATIO * audio_ms:
        return scope
    held = tuple(cue for cue in scope.cues if cue.start_ms < audio_ms)
    if not held:
        return scope
    return SyncScope(0, len(held), tuple(Document(cues=held).words), whole=False, audio_ends_ms=audio_ms)


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
    cues = recut(alignment.words, style, limit, linger_ms=style.max_linger_ms)
    return replace_range(document, scope.first, scope.stop, cues)
