"""Atomic saves: the file is replaced whole, with the asked-for BOM and line ends, or not at all."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from editor.formats.atomic import write_text_atomic
from editor.formats.errors import FormatError


def test_writes_utf8_without_bom_and_lf_by_default(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    write_text_atomic(target, "é\nline\n")
    assert target.read_bytes() == "é\nline\n".encode()


def test_bom_and_crlf_on_request(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    write_text_atomic(target, "a\nb\n", bom=True, crlf=True)
    assert target.read_bytes() == b"\xef\xbb\xbfa\r\nb\r\n"


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.srt"]


def test_a_character_the_encoding_lacks_names_the_line(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    with pytest.raises(FormatError, match="cannot be written in cp1252") as caught:
        write_text_atomic(target, "fine\nこんにちは\n", encoding="cp1252")
    assert caught.value.line == 2
    assert not target.exists()


def test_full_disk_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.srt"
    target.write_text("the old version\n")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(FormatError, match="disk is full"):
        write_text_atomic(target, "the new version\n")
    assert target.read_text() == "the old version\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.srt"]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="folder does not exist"):
        write_text_atomic(tmp_path / "nowhere" / "out.srt", "x\n")
