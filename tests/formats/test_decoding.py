"""Decoding: every encoding a subtitle file arrives in gives the same text, binary data a clear error."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from editor.formats.decoding import decode_bytes, read_text
from editor.formats.errors import FormatError

TEXT = "1\n00:00:01,000 --> 00:00:02,000\nJosé says “hello”\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom", "crlf", "cr"],
)
def test_unicode_forms_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("“Hello,” she said — it’s fine. Don’t worry…\n", "cp1252"),
        ("José Müller and François Ørsted met Zoë at the café.\n", "latin-1"),
        ("Привет, как дела? Всё хорошо, спасибо.\n", "cp1251"),
        ("こんにちは、世界。今日はいい天気ですね。\n", "shift_jis"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.\n", "cp1250"),
        ("Łódź jest dużym miastem.\nDzień dobry, jak się masz?\nZażółć gęślą jaźń.\n", "cp1250"),
        ("Ça va? Très bien.\nOù est la gare, s’il vous plaît?\nC’est à côté du café.\n", "cp1252"),
        ("The Señora Muñoz said the façade was déjà vu, à la carte.\n" * 3, "cp1252"),
        ("Привет, как дела?\nВсё хорошо, спасибо.\nГде находится вокзал?\n", "koi8_r"),
    ],
)
def test_legacy_code_pages_are_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_binary_data_is_refused_with_a_clear_message_and_what_to_open_instead(tmp_path: Path) -> None:
    junk = tmp_path / "episode.srt"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(FormatError) as raised:
        read_text(junk)
    assert str(raised.value) == (f"{junk}:1: this is a binary file, not text (it contains NUL bytes). Whatever its "
                                 "name says, it holds no captions or transcript: open the caption file or transcript "
                                 "your captioning tool saved (a damaged copy looks like this too)")


def test_broken_utf16_names_the_line(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "one\ntwo\n".encode("utf-16-le") + b"\x00\xdc"
    with pytest.raises(FormatError) as caught:
        decode_bytes(data, tmp_path / "x.srt")
    assert caught.value.line == 3
    assert str(caught.value).startswith(str(tmp_path / "x.srt") + ":3:")


def test_read_text_of_a_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "gone.srt"
    with pytest.raises(FormatError, match="file not found") as caught:
        read_text(missing)
    assert caught.value.path == missing


def test_read_text_of_a_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="folder"):
        read_text(tmp_path)


def test_empty_file_is_empty_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    assert read_text(empty) == ""


def test_a_pipe_or_a_device_is_refused_not_read_for_ever(tmp_path) -> None:
    fifo = tmp_path / "film.srt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(FormatError, match="not a regular file") as caught:
            read_text(path)
        assert caught.value.path == path


@pytest.mark.parametrize("repeats", [1, 5])
def test_a_utf8_transcript_with_a_pasted_windows_dash_keeps_its_accents(repeats: int) -> None:
    utf8 = "Mr Macé met them.\n".encode() * repeats
    mixed = utf8 + "He left \u2013 then came back.\n".encode("cp1252")
    assert decode_bytes(mixed) == "Mr Macé met them.\n" * repeats + "He left \u2013 then came back.\n"
