"""Recovery files: written after every change, again on the timer after a failed write, found only when newer
than the saved file."""

import os
from pathlib import Path

from editor.app.autosave import Autosave, find_recovery, recovery_path
from editor.app.commands import push_edit
from editor.app.edit_actions import EditActions
from editor.core import edits
from editor.formats.registry import read_file, write_file


def edit(session, number: int) -> None:
    push_edit(session, "nudge", edits.nudge(session.document, 0, end_delta_ms=number), 0)


def test_typing_without_a_pause_is_written_as_it_goes(qtbot, session, tmp_path) -> None:
    """A copy waited for the tenth keystroke or a 2 s pause: a crash right after a name typed at a steady pace (a
    key every 80 ms) lost it. Now the copy follows the typing."""
    autosave = Autosave(session, 3_600_000, tmp_path)
    typing = EditActions(session, lambda: 0, lambda: [0], lambda _message: None)
    before, typed = session.document.cues[0].text, " Erbil"
    for length in range(1, len(typed) + 1):
        typing.type_text(before + typed[:length])
        qtbot.wait(80)
    assert autosave.path.exists()  # read as a crash would find it: no waiting for the write on its way
    kept = read_file(autosave.path).document.cues[0].text
    assert kept.startswith(before + typed[0]) and typed.startswith(kept.removeprefix(before))
    qtbot.waitUntil(lambda: read_file(autosave.path).document.cues[0].text == before + typed)


def test_saving_removes_the_recovery_file(session, tmp_path) -> None:
    autosave = Autosave(session, 60_000, tmp_path)
    edit(session, 5)
    autosave.write_now()
    autosave.wait()
    assert autosave.path.exists()
    session.undo_stack.setClean()
    assert not autosave.path.exists()


def test_recovery_is_offered_only_when_newer_than_the_project(session, tmp_path) -> None:
    project = tmp_path / "show.cueline"
    write_file(session.document, project)
    autosave = Autosave(session, 60_000, tmp_path / "recovery")
    autosave.set_origin(project)
    edit(session, 5)
    autosave.write_now()
    autosave.wait()
    assert autosave.path == recovery_path(project, tmp_path / "recovery")
    earlier = autosave.path.stat().st_mtime - 10
    os.utime(project, (earlier, earlier))
    recovery = find_recovery(project, tmp_path / "recovery")
    assert recovery is not None and recovery.load().cues == session.document.cues
    later = autosave.path.stat().st_mtime + 10
    os.utime(project, (later, later))
    assert find_recovery(project, tmp_path / "recovery") is None


def blocked_folder(tmp_path):
    """A recovery folder that cannot be made: a file already holds its name (a real OS error, as on a full disk)."""
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder")
    return blocker / "recovery"


def test_a_recovery_folder_that_fails_sends_copies_beside_the_file_and_says_so(session, tmp_path) -> None:
    project = tmp_path / "show.cueline"
    write_file(session.document, project)
    autosave = Autosave(session, 60_000, blocked_folder(tmp_path), tmp_path / "temporary")
    autosave.set_origin(project)
    heard: list[str] = []
    autosave.trouble.connect(heard.append)
    edit(session, 5)
    autosave.write_now()
    autosave.wait()
    assert heard == [autosave.trouble_text]
    assert heard[0].startswith(f"Recovery copies go to {tmp_path} because the usual folder failed")
    os.utime(project, (0, 0))
    recovery = find_recovery(project, autosave.folder, autosave.fallback)
    assert recovery is not None and recovery.load().cues == session.document.cues
    autosave.discard()
    assert find_recovery(project, autosave.folder, autosave.fallback) is None
    assert heard[-1] == ""


def test_untitled_work_falls_back_to_the_temporary_folder(session, tmp_path) -> None:
    autosave = Autosave(session, 60_000, blocked_folder(tmp_path), tmp_path / "temporary")
    edit(session, 5)
    autosave.write_now()
    autosave.wait()
    assert autosave.trouble_text.startswith(f"Recovery copies go to {tmp_path / 'temporary'}")
    assert find_recovery(None, autosave.folder, autosave.fallback).load().cues == session.document.cues


def test_when_no_folder_takes_a_copy_the_user_is_told_to_save(session, tmp_path) -> None:
    autosave = Autosave(session, 60_000, blocked_folder(tmp_path), blocked_folder(tmp_path) / "temporary")
    edit(session, 5)
    autosave.write_now()
    autosave.wait()
    assert autosave.trouble_text.startswith("Unsaved work cannot be protected: no recovery copy could be written")
    assert autosave.trouble_text.endswith("Save now.")


def test_a_failed_write_is_tried_again_on_the_timer(qtbot, session, tmp_path) -> None:
    """The disk had no room: once it has, the copy is written without waiting for another edit."""
    blocked = blocked_folder(tmp_path)
    autosave = Autosave(session, 50, blocked, fallback=blocked)
    edit(session, 5)
    qtbot.waitUntil(lambda: autosave.trouble_text != "")
    assert autosave.trouble_text.startswith("Unsaved work cannot be protected")
    blocked.parent.unlink()  # room again
    qtbot.waitUntil(lambda: autosave.trouble_text == "" and autosave.path.exists())


def test_leftovers_of_interrupted_recovery_writes_are_removed_at_start(session, tmp_path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    leftover = folder / ".untitled.cueline.0badf00d.tmp"
    leftover.write_text("half")
    os.utime(leftover, (0, 0))
    Autosave(session, 60_000, folder, tmp_path / "temporary")
    assert list(folder.iterdir()) == []


def test_recovery_files_go_to_cuelines_own_data_folder_not_cueline_twice(qapp) -> None:
    from PySide6.QtCore import QStandardPaths

    from editor.app.autosave import recovery_dir
    from editor.app.settings import APPLICATION, ORGANIZATION

    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName(ORGANIZATION)  # as the editor names itself (editor/ui/launch.py)
    qapp.setApplicationName(APPLICATION)
    try:
        data = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation))
        assert recovery_dir() == data / "Cueline" / "recovery"  # was data / "Cueline" / "Cueline" / "recovery"
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
