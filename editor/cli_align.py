"""Auto-sync from the command line: `cueline align FILE --media MEDIA -o OUT` and `import --media`.

The job itself is editor.workflows.autosync's (the window runs the same one); this module adds its options,
a progress line on a terminal and the summary. Media without speech changes nothing: nothing is written,
and the message says so.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editor.cli_progress import progress_printer
from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.core.wording import counted
from editor.formats.errors import FormatError
from editor.timing.autosync import MAX_LEAD_IN_MS, MAX_LINGER_MS
from editor.workflows.autosync import NoSpeech, Synced, sync_to_media


def add_media_options(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """--media and the two timing settings of auto-sync."""
    parser.add_argument("--media", type=Path, required=required, metavar="MEDIA",
                        help="the programme's video or audio: time every word from its speech (auto-sync)")
    parser.add_argument("--lead-in", type=int, default=0, metavar="MS",
                        help=f"show a cue this long before its first word (0-{MAX_LEAD_IN_MS} ms, default 0)")
    parser.add_argument("--linger", type=int, default=None, metavar="MS",
                        help=f"keep a cue this long after its last word (0-{MAX_LINGER_MS} ms, capped by the "
                        "style; default: the style's)")


def synced_to_media(document: Document, options: argparse.Namespace, style: CaptionStyle) -> Document:
    """The document re-timed from --media's speech; a FormatError if none of its words was heard."""
    media: Path = options.media
    began = time.monotonic()
    outcome = sync_to_media(document, media, style, lead_in_ms=options.lead_in, linger_ms=options.linger,
                            progress=progress_printer("aligning to"))
    if isinstance(outcome, NoSpeech):
        why = f"{outcome.cut_short}; " if outcome.cut_short else ""
        raise FormatError(f"{why}no speech of the transcript heard in the media; nothing was changed", media)
    print(_summary(media, outcome, time.monotonic() - began), file=sys.stderr)
    return outcome.document


def _summary(media: Path, synced: Synced, seconds: float) -> str:
    return (f"{media}: {counted(synced.words_timed, 'word')} aligned in {seconds:.0f} s; {synced.doubtful} the audio "
            f"hardly supports (cueline check lists them); {counted(synced.gaps_placed, '`--` gap')} placed"
            + "".join(f"; {note}" for note in (synced.left_after_audio, synced.cut_short) if note))
