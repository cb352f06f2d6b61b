"""Auto-sync, written once for the window and the command line: decode the media's audio, align a scope's
words to it, and cut the scope's cues again on the timed words.

The recogniser keeps one decoder per process (editor.timing.recognize), so two alignments in two threads
would share it: an alignment waits for its turn, and gives up if cancelled while waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from editor.checks.low_confidence import doubtful_in_recording
from editor.core.model import Cue, Document, Word
from editor.core.recording_doubt import recording_doubt_limit
from editor.core.style import CaptionStyle
from editor.core.timecode import format_runtime
from editor.formats.errors import FormatError
from editor.media.audio import MediaError, iter_audio_chunks, media_duration_ms
from editor.timing.align import SAMPLE_RATE, Alignment, AlignmentCancelled, align_recording
from editor.timing.autosync import SyncSettingError
from editor.timing.excerpt import locate_excerpt
from editor.timing.recording import Recording, recorded
from editor.workflows.cut_short import cut_short_note
from editor.workflows.sync_scope import SyncScope, is_excerpt, samples_of, shifted, synced, whole_document, within_audio

Progress = Callable[[float], None]
DECODE_SHARE = 0.1  # decoding is quick next to recognition: the first tenth of the progress
TURN_POLL_SECONDS = 0.05
_ALIGNING = threading.Lock()


@dataclass(frozen=True)
class AlignResult:
    """A finished alignment: the scope it covered, the alignment in programme time, the media's running time
    as decoded, a note when that stops well before the end the file states, and the programme's audio when the
    scope was aligned against all of it, so listening, which follows each sync, need not decode it again."""

    scope: SyncScope
    alignment: Alignment
    media_ms: int
    cut_short: str = ""
    recording: Recording | None = field(default=None, repr=False, compare=False)
    media: Path | None = None  # the file the recording is of

    def audio_of(self, media: Path | None) -> Recording | None:
        """The programme's audio as this sync decoded it, if that was `media`'s (None: decode it afresh)."""
        return self.recording if media is not None and media == self.media else None


@dataclass(frozen=True)
class Synced:
    """The document after the sync, and what to tell staff about it."""

    document: Document
    words_timed: int
    doubtful: int
    gaps_placed: int
    cut_short: str = ""  # the media's audio stops early: say so beside the figures
    left_after_audio: str = ""  # an excerpt's sync: which cues, after the end of its audio, were left as they were


@dataclass(frozen=True)
class NoSpeech:
    """The media holds none of the transcript's speech: the document stays as it was; `cut_short` says when the
    audio stops well before the end its file states (the likelier reason)."""

    cut_short: str = ""


SyncOutcome = Synced | NoSpeech


def media_runtime_ms(media: Path) -> int | None:
    """The media's running time (None when its container does not say); FormatError naming it if unreadable."""
    try:
        return media_duration_ms(media)
    except MediaError as error:
        raise unreadable_media(error, media) from None


def unreadable_media(error: MediaError, media: Path) -> FormatError:
    """The user's error for media that cannot be decoded, naming the file once (MediaError's text starts with it)."""
    return FormatError(str(error).removeprefix(f"{media}: "), media)


def align_scope(media: Path, scope: SyncScope, *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> AlignResult:
    """The scope's words aligned to the media's speech (MediaError, DecodeCancelled, AlignmentCancelled)."""
    report = progress or (lambda _fraction: None)
    stop = cancelled or (lambda: False)
    first, last = samples_of(scope, SAMPLE_RATE)
    clip, decoded_ms = decoded(media, first, last, progress=lambda f: report(f * DECODE_SHARE), cancelled=stop)
    said = locate_excerpt(scope.words, clip) if is_excerpt(scope, decoded_ms) else None
    scope = within_audio(scope, decoded_ms, said)
    with _turn_to_align(stop):
        alignment = align_recording(scope.words, clip, cancelled=stop,
                                    progress=lambda f: report(DECODE_SHARE + f * (1 - DECODE_SHARE)))
    note = cut_short_note(decoded_ms, media_duration_ms(media))
    whole_audio = clip if (first, last) == (0, None) else None
    return AlignResult(scope, shifted(alignment, scope.start_ms), decoded_ms, note, whole_audio, media)


def decoded(media: Path, first: int = 0, last: int | None = None, *, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> tuple[Recording, int]:
    """The media's samples first..last-1 (at SAMPLE_RATE) as auto-sync reads them, and the media's running
    time as decoded (ms)."""
    expected = (media_duration_ms(media) or 0) * SAMPLE_RATE // 1000  # sizes the recording's array
    chunks = iter_audio_chunks(media, SAMPLE_RATE, progress=progress, cancelled=cancelled)
    recording, samples = recorded(chunks, first, last, expected)
    return recording, samples * 1000 // SAMPLE_RATE


@contextmanager
def _turn_to_align(cancelled: Callable[[], bool]) -> Iterator[None]:
    """Hold the process's one alignment slot; give up if cancelled while waiting for it."""
    while not _ALIGNING.acquire(timeout=TURN_POLL_SECONDS):
        if cancelled():
            raise AlignmentCancelled
    try:
        yield
    finally:
        _ALIGNING.release()


def apply_alignment(document: Document, result: AlignResult, style: CaptionStyle, *, lead_in_ms: int = 0,
                    linger_ms: int | None = None) -> SyncOutcome:
    """The scope's cues cut again on the timed words; FormatError for a lead-in or linger out of range."""
    alignment = result.alignment
    if not alignment.speech_found:
        return NoSpeech(result.cut_short)
    try:
        after = synced(document, result.scope, alignment, result.media_ms, style,
                       lead_in_ms=lead_in_ms, linger_ms=linger_ms)
    except SyncSettingError as error:
        raise FormatError(str(error)) from None
    return replace(_outcome(after, result), left_after_audio=_left_after_audio(result.scope, document, after))


def _outcome(document: Document, result: AlignResult) -> Synced:
    """The synced document, its words' scores judged against the recording, with the figures staff are told."""
    alignment = result.alignment
    spoken = [word for word in alignment.words if not word.is_gap]
    document = replace(document, doubt_limit=recording_doubt_limit(document.cues))
    doubtful = sum(doubtful_in_recording(word, document.doubt_limit) for word in spoken)
    return Synced(document, len(spoken), doubtful, len(alignment.gap_spans), result.cut_short)


def _left_after_audio(scope: SyncScope, before: Document, after: Document) -> str:
    """What a whole-document sync of an excerpt synced and left alone, numbered as the cues are after it;
    else ""."""
    if scope.audio_ends_ms is None:
        return ""
    synced_count = next((n for n, cue in enumerate(after.cues) if not _aligned(cue)), len(after.cues))
    if scope.moves_to_front:
        return (f"this clip holds cues {scope.first + 1}-{scope.stop} of the transcript, from the middle of the "
                f"programme: they are synced to it and now come first (cues 1-{synced_count}); the cues it does not "
                f"hold follow them in their order, moved after its end (cues {synced_count + 1}-{len(after.cues)})")
    rest = before.cues[scope.stop:]
    if synced_count == len(after.cues) or not rest:
        return ""
    moved_ms = after.cues[len(after.cues) - len(rest)].start_ms - rest[0].start_ms
    moved = f", moved {moved_ms / 1000:.1f} s later to follow the synced cues" if moved_ms else ""
    return (f"its audio ends at {format_runtime(scope.audio_ends_ms)}, so only the cues before that were synced: "
            f"cues {synced_count + 1}-{len(after.cues)} ({format_runtime(after.cues[synced_count].start_ms)} to "
            f"{format_runtime(after.cues[-1].end_ms)}) are left as they were{moved}")


def _aligned(cue: Cue) -> bool:
    """The cue holds words auto-sync timed (each has a confidence; an estimate has none)."""
    return any(word.confidence is not None for word in cue.words)


def sync_to_media(document: Document, media: Path, style: CaptionStyle, *, lead_in_ms: int = 0,
                  linger_ms: int | None = None, progress: Progress | None = None) -> SyncOutcome:
    """The whole job for a batch run: every word of the document aligned to the media, the cues cut again."""
    result = aligned_whole(document, media, progress)
    return apply_alignment(document, result, style, lead_in_ms=lead_in_ms, linger_ms=linger_ms)


def time_words_in_place(document: Document, media: Path, *, progress: Progress | None = None) -> SyncOutcome:
    """Every word timed from the media's speech, each cue kept as the file has it (its number, its text and
    its times): what `cueline check` reports on a caption file, so its cue numbers are the file's."""
    result = aligned_whole(document, media, progress)
    if not result.alignment.speech_found:
        return NoSpeech(result.cut_short)
    return _outcome(_words_onto_cues(document, result.alignment.words), result)


def aligned_whole(document: Document, media: Path, progress: Progress | None = None) -> AlignResult:
    """Every word of the document aligned to the whole media; FormatError naming media that cannot be read."""
    try:
        return align_scope(media, whole_document(document), progress=progress)
    except MediaError as error:
        raise unreadable_media(error, media) from None


def _words_onto_cues(document: Document, words: list[Word]) -> Document:
    """The aligned words (one per word of `document.words`, in order) handed back to the cues they came from."""
    remaining = iter(words)
    cues = [replace(cue, words=tuple(islice(remaining, len(cue.words or cue.text.split())))) for cue in document.cues]
    return document.with_cues(cues)
