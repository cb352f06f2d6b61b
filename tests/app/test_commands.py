"""Undo and redo of edits: exact, without a depth limit, and typing merges into one step."""

from dataclasses import replace

from editor.app.commands import push_edit, push_typing
from editor.core import edits
from editor.core.model import GlossaryTerm
from editor.core.style import STYLES


def test_each_edit_is_one_undo_step_and_undo_restores_the_exact_document(session) -> None:
    original = session.document
    push_edit(session, "split", edits.split_cue(original, 0, 3, STYLES["streaming"]), 1)
    after_split = session.document
    push_edit(session, "delete", edits.delete_cues(after_split, [3, 4]), 3)
    assert len(session.document.cues) == 5
    session.undo_stack.undo()
    assert session.document == after_split
    session.undo_stack.undo()
    assert session.document == original
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert len(session.document.cues) == 5


def test_the_history_has_no_depth_limit(session) -> None:
    original = session.document
    for _step in range(300):
        push_edit(session, "nudge", edits.nudge(session.document, 0, end_delta_ms=1), 0)
    assert session.undo_stack.undoLimit() == 0
    assert session.document.cues[0].end_ms == original.cues[0].end_ms + 300
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.document == original


def test_an_edit_that_changes_nothing_is_not_recorded(session) -> None:
    assert not push_edit(session, "nothing", session.document)
    assert session.undo_stack.count() == 0


def test_keystrokes_of_one_typing_run_merge_into_one_step(session) -> None:
    original = session.document
    for text in ("C", "Ca", "Cat"):
        push_typing(session, edits.set_text(session.document, 2, text), 2, typing_run=7)
    push_typing(session, edits.set_text(session.document, 2, "Cats"), 2, typing_run=8)
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.document.cues[2].text == "Cat"
    session.undo_stack.undo()
    assert session.document == original


def test_changes_are_announced_as_splices_and_undo_asks_to_show_the_cue(session) -> None:
    splices, focused = [], []
    session.cues_spliced.connect(splices.append)
    session.focus_requested.connect(focused.append)
    push_edit(session, "text", edits.set_text(session.document, 4, "Changed."), 4)
    session.undo_stack.undo()
    assert [(s.start, len(s.removed), len(s.inserted)) for s in splices] == [(4, 1, 1), (4, 1, 1)]
    assert focused[-1] == 4


def test_the_session_knows_it_has_unsaved_changes(session) -> None:
    assert not session.is_modified
    push_edit(session, "text", edits.set_text(session.document, 0, "x"), 0)
    assert session.is_modified
    session.undo_stack.undo()
    assert not session.is_modified


def test_an_edit_of_only_the_metadata_or_glossary_is_a_step_of_its_own(session) -> None:
    original = session.document
    summary = replace(original, metadata=replace(original.metadata, summary="Kerry in Iraq"))
    assert push_edit(session, "summary", summary)
    assert push_edit(session, "glossary", replace(summary, glossary=(GlossaryTerm("ISIL", ("sisal",)),)))
    assert not push_edit(session, "again", session.document)
    session.undo_stack.undo()
    assert session.document == summary
    session.undo_stack.undo()
    assert session.document == original and session.document.metadata.summary == ""
