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


def test_a_full_disk_under_a_new_file_says_nothing_was_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(FormatError) as caught:
        write_text_atomic(tmp_path / "new.srt", "text\n")
    assert caught.value.message == "could not save: the disk is full (nothing was written)"
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="folder does not exist"):
        write_text_atomic(tmp_path / "nowhere" / "out.srt", "x\n")


def test_a_write_protected_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    target.write_text("protected\n")
    target.chmod(0o444)
    with pytest.raises(FormatError, match="write-protected") as caught:
        write_text_atomic(target, "new\n")
    assert caught.value.path == target
    assert target.read_text() == "protected\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.srt"]


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "film.srt"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "film.srt"
    link.symlink_to(target)
    write_text_atomic(link, "new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"


def test_a_read_only_disk_says_so_and_no_clean_up_error_hides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.srt"
    target.write_text("old\n")

    def read_only(*_: object, **__: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "open", read_only)
    monkeypatch.setattr(os, "unlink", read_only)
    with pytest.raises(FormatError) as caught:
        write_text_atomic(target, "new\n")
    assert str(caught.value) == f"{target}: could not save: the disk or folder is read-only (the previous version " \
        "of the file is unchanged)"


def test_a_save_removes_what_interrupted_saves_left_but_not_a_save_in_progress(tmp_path: Path) -> None:
    target = tmp_path / "out.srt"
    stale, fresh, unrelated = (tmp_path / name for name in (".out.srt.0badf00d.tmp", ".out.srt.1234abcd.tmp",
                                                            ".out.srt.notes.tmp"))
    for leftover in (stale, fresh, unrelated):
        leftover.write_text("half a save")
    os.utime(stale, (0, 0))
    os.utime(unrelated, (0, 0))
    write_text_atomic(target, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out.srt", fresh.name, unrelated.name])


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_refuses_new_files_is_not_called_missing() -> None:
    with pytest.raises(FormatError, match=r"no file can be written in /proc \(a system folder\)") as raised:
        write_text_atomic(Path("/proc/x.vtt"), "WEBVTT\n")
    assert "does not exist" not in str(raised.value)


def test_a_file_on_a_read_only_disk_is_not_called_write_protected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving a project opened from a read-only mount said "the file is write-protected": staff looked for the
    file's permission (rw-r--r--, nothing to change) instead of saving elsewhere."""
    target = tmp_path / "story.cueline"
    target.write_text("old\n")
    real_statvfs = os.statvfs

    def mounted_read_only(where: object) -> os.statvfs_result:
        found = real_statvfs(where)  # type: ignore[arg-type]
        return os.statvfs_result((*found[:8], found.f_flag | os.ST_RDONLY, found.f_namemax))

    monkeypatch.setattr(os, "statvfs", mounted_read_only)
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)  # what a read-only mount answers
    with pytest.raises(FormatError) as caught:
        write_text_atomic(target, "new\n")
    assert str(caught.value) == f"{target}: could not save: the disk or folder is read-only (the previous version " \
        "of the file is unchanged)"
    assert target.read_text() == "old\n"
