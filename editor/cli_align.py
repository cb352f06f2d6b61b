"""Auto-sync from the command line: `cueline align FILE --media MEDIA -o OUT` and `import --media`.

The media's audio is decoded (editor.media.audio), the words are aligned to it (editor.timing.align) and
the cues are cut again on the timed words. Media without speech changes nothing: nothing is written, and
the message says so.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from editor.core.model import Document, Word
from editor.core.style import CaptionStyle
from editor.formats.errors import FormatError
from editor.media.audio import MediaError, decode_audio, media_duration_ms
from editor.timing.align import SAMPLE_RATE, Alignment, align_words
from editor.timing.autosync import MAX_LEAD_IN_MS, MAX_LINGER_MS, SyncSettingError, synced_document


class NoSpeechError(FormatError):
    """The media holds no speech of the transcript: the captions stay as they were."""


def add_media_options(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """--media and the two timing settings of auto-sync."""
    parser.add_argument("--media", type=Path, required=required, metavar="MEDIA",
                        help="the programme's video or audio: time every word from its speech (auto-sync)")
    parser.add_argument("--lead-in", type=int, default=0, metavar="MS",
                        help=f"show a cue this long before its first word (0-{MAX_LEAD_IN_MS} ms, default 0)")
    parser.add_argument("--linger", type=int, default=None, metavar="MS",
                        help=f"keep a cue this long after its last word (0-{MAX_LINGER_MS} ms, capped by the "
                        "style; default: the style's)")


def media_runtime(options: argparse.Namespace) -> int | None:
    """The runtime to line a transcript up along: --runtime, else the media's duration, else the header's."""
    if options.runtime is not None or options.media is None:
        return int(options.runtime) if options.runtime is not None else None
    try:
        return media_duration_ms(options.media)
    except MediaError as error:
        raise FormatError(str(error), options.media) from None


def sync_to_media(document: Document, words: Sequence[Word], options: argparse.Namespace, style: CaptionStyle
                  ) -> Document:
    """The document re-timed from the media's speech; NoSpeechError if none of the words was heard."""
    media: Path = options.media
    began = time.monotonic()
    try:
        samples = decode_audio(media, SAMPLE_RATE)
    except MediaError as error:
        raise FormatError(str(error), media) from None
    alignment = align_words(words, samples, SAMPLE_RATE, progress=_progress_printer())
    if not alignment.speech_found:
        raise NoSpeechError("no speech of the transcript heard in the media; nothing was changed", media)
    try:
        synced = synced_document(document, alignment, style, len(samples) * 1000 // SAMPLE_RATE,
                                 lead_in_ms=options.lead_in, linger_ms=options.linger)
    except SyncSettingError as error:
        raise FormatError(str(error)) from None
    print(_summary(media, alignment, time.monotonic() - began), file=sys.stderr)
    return synced


def _summary(media: Path, alignment: Alignment, seconds: float) -> str:
    spoken = [word for word in alignment.words if not word.is_gap]
    doubtful = sum(word.is_doubtful for word in spoken)
    return (f"{media}: {len(spoken)} words aligned in {seconds:.0f} s; {doubtful} the audio hardly supports "
            f"(cueline check lists them); {len(alignment.gap_spans)} `--` gaps placed")


def _progress_printer() -> Callable[[float], None] | None:
    """A percentage on the terminal while aligning (nothing when output goes to a file)."""
    if not sys.stderr.isatty():
        return None

    def show(fraction: float) -> None:
        print(f"\raligning to the media's speech: {fraction:4.0%}", end="" if fraction < 1 else "\n",
              file=sys.stderr, flush=True)

    return show
