"""Bad input met as a captioner meets it: a message naming the file and what to do, and the typed work stays."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from answer_dialogs import answer_in_turn, choose_file, press_button

from editor.app.autosave import find_recovery

FULL_DISK_BYTES = 64 * 1024  # room for the filler file only: a tmpfs this small holds no export of the sample


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a real, full file system: a 64 KiB tmpfs filled to the last block (needs root's mount)."""
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={FULL_DISK_BYTES}", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        with (folder / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(bytes(4096))  # until the disk is full
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def type_work(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.cue_editor.text_field, " Typed work")
    return window.session.document.cues[0].text


def test_an_empty_srt_is_refused_with_what_to_do_and_the_typed_work_stays(qtbot, window, tmp_path) -> None:
    """A 0-byte SRT (a copy cut short) opened as an empty editor titled after it, with no word of why."""
    empty = tmp_path / "episode.srt"
    empty.write_bytes(b"")
    typed = type_work(qtbot, window)
    seen: list[str] = []
    answer_in_turn(press_button("Discard"), choose_file(empty), press_button("OK", seen))
    window.action("open").trigger()
    assert seen == [f"{empty}: the file is empty: there are no captions in it. A file cut short while it was "
                    "copied or saved looks like this: copy or export it again, then open the new copy"]
    assert window.session.document.cues[0].text == typed and window.isWindowModified()


def test_discard_then_no_file_opened_keeps_the_recovery_copy_of_the_work_still_open(qtbot, window) -> None:
    """"Discard", then Cancel in the file dialog (or a file that cannot be read): the work stayed in the window,
    unsaved, but its recovery copy was gone, so a crash before the next edit lost it."""
    typed = type_work(qtbot, window)
    answer_in_turn(press_button("Discard"), lambda file_dialog: file_dialog.reject())
    window.action("open").trigger()
    assert window.session.document.cues[0].text == typed and window.isWindowModified()
    window.autosave.wait()
    recovery = find_recovery(None, window.autosave.folder, window.autosave.fallback)
    assert recovery is not None and recovery.load().cues[0].text == typed


def test_an_export_to_a_full_disk_offers_another_place_without_asking_about_gaps_again(
        qtbot, window, tmp_path, full_disk) -> None:
    """A full disk said "Cannot export … the disk is full" with an OK button only: staff had to start the export
    over, and answer the question about unheard speech again."""
    typed = type_work(qtbot, window)
    elsewhere = tmp_path / "episode.vtt"
    asked: list[str] = []

    def look(box) -> None:  # type: ignore[no-untyped-def]
        asked.append(f"{box.text()} | {box.informativeText()}")
        press_button("Export elsewhere…")(box)

    answer_in_turn(choose_file(full_disk / "episode.vtt"), press_button("Write [inaudible]"), look,
                   choose_file(elsewhere))
    window.action("export_vtt").trigger()
    assert asked == [f"could not export WebVTT to {full_disk / 'episode.vtt'}: the disk is full (nothing was written) "
                     "| Your work is still open here, as it was. Choose another disk or folder, or free some space on "
                     "this one and try again."]
    written = elsewhere.read_text(encoding="utf-8")
    assert "Typed work" in written and "[inaudible]" in written
    assert sorted(path.name for path in full_disk.iterdir()) == ["filler"]
    assert window.session.document.cues[0].text == typed and window.isWindowModified()
