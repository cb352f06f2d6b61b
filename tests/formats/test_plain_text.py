"""The plain transcript export: words only, one paragraph per sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.model import Cue, Document
from editor.core.transcript import Transcript
from editor.formats.errors import FormatError
from editor.formats.plain_text import format_plain_text
from editor.formats.recipe import ReadOptions
from editor.formats.registry import read_file, write_file
from editor.formats.transcript import TRANSCRIPT

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


def test_export_by_extension_and_read_back_as_a_transcript_not_as_captions(tmp_path: Path) -> None:
    path = tmp_path / "transcript.txt"
    write_file(Document(cues=CUES), path)
    assert path.read_text().startswith("Good evening.\n\n") and TRANSCRIPT.suffixes == (".txt",)
    with pytest.raises(FormatError, match="no runtime"):
        read_file(path)
    reading = read_file(path, ReadOptions(runtime_ms=60_000))
    assert isinstance(reading.content, Transcript) and reading.content.words[0].text == "Good"
    with pytest.raises(FormatError, match="is a transcript"):
        _ = reading.document
