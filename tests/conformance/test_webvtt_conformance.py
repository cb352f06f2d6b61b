"""The 114 WebVTT parsing cases of web-platform-tests (BSD-3-Clause, see webvtt/LICENSE-wpt.md) through our reader.

Each case must give what a browser's parser gives: the file rejected, no cues, or the same cues (id, start,
end, text). Our model decodes character references outside tags (the editor shows "&", not "&amp;"), so raw
text is compared everywhere except in the two cases that test entities, where the text with tags stripped and
references decoded must match instead (the comparison the suite's own scorer calls "tags-stripped").
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from editor.formats.decoding import decode_bytes
from editor.formats.errors import FormatError
from editor.formats.vtt import read_vtt

CASES = Path(__file__).parent / "webvtt"
EXPECTED = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))
DECODED_BY_DESIGN = {"te-entities.vtt", "te-entities-wrong.vtt"}
_TAG = re.compile(r"<[^>]*>")


def _plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def _read(name: str) -> list[tuple[str, float, float, str]] | str:
    try:
        reading = read_vtt(decode_bytes((CASES / name).read_bytes()), CASES / name)
    except FormatError:
        return "file rejected"
    return [(c.identifier, c.start_ms / 1000, c.end_ms / 1000, c.text) for c in reading.cues]


def test_all_cases_are_here() -> None:
    assert len(EXPECTED) == 114
    assert all((CASES / name).is_file() for name in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_case(name: str) -> None:
    expected, got = EXPECTED[name], _read(name)
    if expected == "file rejected":
        assert got == "file rejected"
        return
    assert got != "file rejected", "rejected a file a browser loads"
    want = [] if expected == "no cues" else [(c["id"], c["start"], c["end"], c["text"]) for c in expected]
    assert [cue[:3] for cue in got] == [cue[:3] for cue in want]
    if name in DECODED_BY_DESIGN:
        assert [_plain(cue[3]) for cue in got] == [_plain(cue[3]) for cue in want]
    else:
        assert [cue[3] for cue in got] == [cue[3] for cue in want]


def test_conversion_to_srt_scores_like_the_suites_own_scorer(tmp_path: Path) -> None:
    """The convert path (browser-like reading, SRT writing) judged by run_conformance.py's own comparison."""
    import run_conformance  # the suite's scorer, beside this file

    from editor.formats.registry import read_file, write_file
    from editor.formats.recipe import ReadOptions

    meta = json.loads((CASES / "meta.json").read_text(encoding="utf-8"))
    raw_failures, stripped_failures = set(), set()
    for name, expected in EXPECTED.items():
        try:
            reading = read_file(CASES / name, ReadOptions(strict=False))
            document, _warnings = reading.document, reading.problems
        except FormatError:
            if expected != "file rejected":
                raw_failures.add(name)
                stripped_failures.add(name)
            continue
        write_file(document, tmp_path / "out.srt")
        got = run_conformance.parse_srt((tmp_path / "out.srt").read_bytes())
        if expected == "file rejected" or expected == "no cues":
            passed = stripped = expected == "no cues" and not got
        else:
            passed, stripped, _, _ = run_conformance.compare(expected, meta.get(name, {}), got, False)
        if not passed:
            raw_failures.add(name)
        if not stripped:
            stripped_failures.add(name)
    assert stripped_failures == set()
    assert raw_failures == DECODED_BY_DESIGN
