"""A plain transcript export: the words of the captions with no times or markup, one paragraph per sentence.

For staff who need the text (a web transcript, a review copy). Without times it cannot be read back as
captions: a `.txt` that Cueline opens is a transcript to line up (transcript.py declares the format).
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.model import Cue
from editor.core.words import SPEAKER_CHANGE, ends_sentence
from editor.formats.vtt_markup import strip_markup


def format_plain_text(cues: Sequence[Cue]) -> str:
    """The cue text as sentences, each its own paragraph; a speaker mark (`>>`) also opens a paragraph."""
    paragraphs: list[list[str]] = [[]]
    for cue in cues:
        for token in strip_markup(cue.text).split():
            if token in SPEAKER_CHANGE and paragraphs[-1]:
                paragraphs.append([])
            paragraphs[-1].append(token)
            if ends_sentence(token):
                paragraphs.append([])
    return "".join(" ".join(words) + "\n\n" for words in paragraphs if words).rstrip("\n") + "\n"
