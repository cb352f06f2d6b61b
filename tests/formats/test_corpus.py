"""A corpus of oddly encoded and malformed files: each gives the right cues or the documented error and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.formats.errors import FormatError
from editor.formats.registry import read_file

CORPUS = Path(__file__).parent / "data" / "corpus"
EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_large_enough_and_complete() -> None:
    files = {path.name for path in CORPUS.iterdir() if path.suffix in {".srt", ".vtt"}}
    assert len(files) >= 20
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name: str) -> None:
    expected, path = EXPECTED[name], CORPUS / name
    if "error" in expected:
        with pytest.raises(FormatError) as caught:
            read_file(path)
        assert str(expected["error"]) in caught.value.message
        assert (caught.value.path, caught.value.line) == (path, expected["line"])
        assert str(caught.value).startswith(f"{path}:{expected['line']}: ")
    else:
        cues = read_file(path).document.cues
        assert [cue.text for cue in cues] == expected["texts"]
        assert all(cue.end_ms > cue.start_ms for cue in cues)
