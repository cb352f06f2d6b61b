"""The cue table's model: passes Qt's model tester through every kind of edit, and colours broken rules."""

from PySide6.QtCore import Qt

from editor.app.commands import push_edit
from editor.app.cue_table_model import Column, CueTableModel
from editor.app.issue_tracker import IssueTracker
from editor.core import edits
from editor.core.style import STYLES

STYLE = STYLES["streaming"]


def text_at(model: CueTableModel, row: int, column: Column = Column.TEXT) -> str:
    return model.index(row, column).data()


def test_model_passes_the_model_tester_through_edits_and_undo(qtmodeltester, session) -> None:
    model = CueTableModel(session, IssueTracker(session))
    qtmodeltester.check(model, force_py=False)
    push_edit(session, "split", edits.split_cue(session.document, 1, 4, STYLE), 1)
    push_edit(session, "merge", edits.merge_with_next(session.document, 3, STYLE), 3)
    push_edit(session, "delete", edits.delete_cues(session.document, [0, 2, 5]), 0)
    push_edit(session, "insert", edits.insert_cue_after(session.document, -1, STYLE), 0)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    qtmodeltester.check(model, force_py=False)
    assert model.rowCount() == 6


def test_rows_follow_the_document(session) -> None:
    model = CueTableModel(session, IssueTracker(session))
    push_edit(session, "text", edits.set_text(session.document, 2, "Two\nlines"), 2)
    assert text_at(model, 2) == "Two / lines"
    assert text_at(model, 2, Column.START) == "00:00:06.000"
    assert text_at(model, 2, Column.DURATION) == "2.000"
    assert model.headerData(5, Qt.Orientation.Vertical) == "6"
    push_edit(session, "delete", edits.delete_cues(session.document, [0]), 0)
    assert model.rowCount() == 5 and text_at(model, 1) == "Two / lines"


def test_a_cell_that_breaks_a_rule_is_coloured_with_the_reason_as_tooltip(session) -> None:
    tracker = IssueTracker(session)
    model = CueTableModel(session, tracker)
    push_edit(session, "fast", edits.set_text(session.document, 3, "x" * 80), 3)
    cps = model.index(3, Column.CPS)
    assert cps.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "characters per second" in cps.data(Qt.ItemDataRole.ToolTipRole)

