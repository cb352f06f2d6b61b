"""The checks panel's model follows every edit row by row and agrees with the tracker."""

from editor.app.commands import push_edit
from editor.app.issue_list_model import CUE_INDEX_ROLE, IssueListModel, describe, plain_tooltip
from editor.app.issue_tracker import IssueTracker
from editor.checks.issue import Issue, Severity
from editor.core import edits
from editor.core.style import STYLES

STYLE = STYLES["streaming"]


def rows(model: IssueListModel) -> list[tuple[str, int]]:
    return [(model.index(row).data(), model.index(row).data(CUE_INDEX_ROLE)) for row in range(model.rowCount())]


def test_rows_follow_edits_that_add_remove_and_renumber_cues(qtmodeltester, session) -> None:
    tracker = IssueTracker(session, session)
    model = IssueListModel(tracker, session)
    qtmodeltester.check(model, force_py=False)
    steps = [
        lambda doc: edits.set_text(doc, 5, "zz " * 30),
        lambda doc: edits.set_text(doc, 1, "-- unheard --"),
        lambda doc: edits.insert_cue_after(doc, 0, STYLE),
        lambda doc: edits.delete_cues(doc, [0]),
        lambda doc: edits.split_cue(doc, 5, 45, STYLE),
        lambda doc: edits.set_text(doc, 5, "fine"),
    ]
    for step in steps:
        push_edit(session, "edit", step(session.document), 0)
        assert rows(model) == [(describe(index, issue), index) for index, issue in tracker.entries()]
    qtmodeltester.check(model, force_py=False)


def test_tooltips_show_markup_literally() -> None:
    assert plain_tooltip("<b>Kerry</b> & co\nline two") == "<qt>&lt;b&gt;Kerry&lt;/b&gt; &amp; co<br>line two</qt>"


def test_words_quoted_across_a_line_break_stay_on_the_row_s_one_line() -> None:
    issue = Issue(50, Severity.WARNING, "suspect-word", "the audio sounds like “already”, not “all.\nReady”")
    assert describe(50, issue) == "Cue 51 · warning: the audio sounds like “already”, not “all. Ready”"
