"""Transcript files in the encodings staff receive, and errors that name the file and line."""

import pytest

from editor.formats.errors import FormatError
from editor.formats.recipe import ReadOptions
from editor.formats.registry import read_file
from editor.formats.transcript import looks_like_transcript
from editor.paths import sample_transcript_path

HEADER = "Café Owners Speak\n\nA summary.\n01:30 | 02/03/15\n\nTranscript for Café Owners Speak\n"
BODY = (
    "The café's “facade” -- reopened this morning after the storm. Señora Muñoz, who has run the café "
    "for thirty years, said the damage was deja vu: the same windows broke in the last storm too. "
    "Her neighbours helped to clear the street before the first customers arrived."
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")],
)
def test_any_encoding_gives_the_same_words(tmp_path, encoding, prefix):
    path = tmp_path / "t.txt"
    path.write_bytes(prefix + (HEADER + BODY + "\n").replace("\n", "\r\n").encode(encoding))
    transcript = read_file(path).content
    assert [w.text for w in transcript.words] == BODY.split()
    assert transcript.title == "Café Owners Speak"
    assert transcript.runtime_ms == 90_000


def test_the_bundled_sample_reads(tmp_path):
    assert read_file(sample_transcript_path()).content.runtime_ms == 765_000


def test_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(HEADER.replace("01:30", "01:90") + BODY, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert caught.value.path == path and caught.value.line == 4


def test_an_explicit_runtime_rescues_a_bare_text(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(BODY, encoding="utf-8")
    with pytest.raises(FormatError, match="no runtime"):
        read_file(path)
    assert read_file(path, ReadOptions(runtime_ms=5000)).content.runtime_ms == 5000


def test_transcripts_and_subtitles_are_told_apart():
    assert looks_like_transcript(HEADER + BODY)
    assert looks_like_transcript(BODY)
    assert not looks_like_transcript("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n")
    assert not looks_like_transcript("1\n00:00:01,000 --> 00:00:02,000\nhi\n")
    assert not looks_like_transcript("   \n")
