"""The plain transcript export: words only, one paragraph per sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.formats.errors import FormatError
from editor.formats.plain_text import format_plain_text
from editor.formats.registry import PLAIN_TEXT, SUBTITLE_EXTENSIONS, read_subtitles, write_subtitles

CUES = (
    Cue(0, 2000, "Good evening. Mr. Kerry met\nthe <i>prime minister</i> today"),
    Cue(2000, 4000, "in Baghdad! What did he say?"),
    Cue(4000, 6000, ">> He said nothing"),
)


def test_one_paragraph_per_sentence_across_cues() -> None:
    assert format_plain_text(CUES) == (
        "Good evening.\n\nMr. Kerry met the prime minister today in Baghdad!\n\nWhat did he say?\n\n"
        ">> He said nothing\n"
    )


def test_export_by_extension_but_never_read_as_captions(tmp_path: Path) -> None:
    path = tmp_path / "transcript.txt"
    write_subtitles(Document(cues=CUES), path)
    assert path.read_text().startswith("Good evening.\n\n")
    assert ".txt" in PLAIN_TEXT.extensions and ".txt" not in SUBTITLE_EXTENSIONS
    with pytest.raises(FormatError, match="not a subtitle format"):
        read_subtitles(path)
