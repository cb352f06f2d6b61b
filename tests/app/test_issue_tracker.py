"""Checks stay current after each edit without a full re-run, and agree with a full run."""

from dataclasses import replace

from editor.app.commands import push_edit
from editor.app.issue_tracker import BACKGROUND_FROM_CUES, IssueTracker
from editor.checks.registry import run_checks
from editor.core import edits
from editor.core.model import Cue, Document
from editor.core.style import STYLES

STYLE = STYLES["streaming"]


def findings(issues) -> list[tuple]:
    """What and where, without the wording (which may name neighbours by number until the idle full run)."""
    return [(issue.cue_index, issue.severity, issue.rule) for issue in issues]


def test_incremental_issues_match_a_full_run_after_each_edit(session) -> None:
    tracker = IssueTracker(session)
    steps = [
        lambda doc: edits.set_text(doc, 4, "y" * 70),
        lambda doc: edits.insert_cue_after(doc, 4, STYLE),
        lambda doc: edits.set_text(doc, 2, "x" * 90),
        lambda doc: edits.set_times(doc, 3, 6500, 6600),
        lambda doc: edits.insert_cue_after(doc, 0, STYLE),
        lambda doc: edits.delete_cues(doc, [1]),
        lambda doc: edits.merge_with_next(doc, 3, STYLE),
    ]
    for step in steps:
        push_edit(session, "edit", step(session.document), 0)
        assert findings(tracker.issues) == findings(run_checks(session.document, session.style))
    session.undo_stack.undo()
    assert findings(tracker.issues) == findings(run_checks(session.document, session.style))


def test_the_full_run_follows_when_editing_pauses(qtbot, session) -> None:
    tracker = IssueTracker(session)
    push_edit(session, "insert", edits.insert_cue_after(session.document, 0, STYLE), 1)
    push_edit(session, "overlap", edits.set_times(session.document, 3, 6500, 9000), 3)
    with qtbot.waitSignal(tracker.issues_changed, timeout=5000):
        pass
    assert tracker.issues == run_checks(session.document, session.style)


def test_a_new_style_re_checks_everything(session) -> None:
    tracker = IssueTracker(session)
    push_edit(session, "long line", edits.set_text(session.document, 0, "a" * 40), 0)
    assert not [i for i in tracker.issues if i.rule == "line-length"]
    push_edit(session, "style", replace(session.document, style_name="cea608"), 0)
    assert [i.cue_index for i in tracker.issues if i.rule == "line-length"] == [0]


def test_an_ignored_problem_leaves_the_list_at_once_and_comes_back_on_undo(session) -> None:
    from editor.checks.ignoring import ignore_key

    tracker = IssueTracker(session)
    push_edit(session, "gap", edits.set_text(session.document, 5, "they -- left"), 5)
    [gap] = [issue for issue in tracker.issues if issue.rule == "unresolved-gap" and issue.cue_index == 5]
    push_edit(session, "ignore", edits.ignore_problem(session.document, ignore_key(session.document, gap)), 5)
    assert gap not in tracker.issues
    session.undo_stack.undo()
    assert gap in tracker.issues


def long_document(count: int = BACKGROUND_FROM_CUES):  # type: ignore[no-untyped-def]
    """Every tenth cue far too long a line: issues a check must find."""
    cues = tuple(Cue(i * 6000, i * 6000 + 5000, "x" * 60 if i % 10 == 0 else f"Cue {i}.") for i in range(count))
    return Document(cues=cues, runtime_ms=count * 6000)


def test_a_long_document_opens_at_once_and_its_issues_follow(qtbot, session) -> None:
    tracker = IssueTracker(session)
    session.load(long_document(), None)
    assert tracker.issues == []  # the window is usable before the checks end
    qtbot.waitUntil(lambda: tracker.issues != [], timeout=30_000)
    assert findings(tracker.issues) == findings(run_checks(session.document, session.style))
    assert tracker.counts[0] == BACKGROUND_FROM_CUES // 10  # one line too long in every tenth cue
    tracker.shutdown()


def test_an_edit_before_the_background_check_ends_keeps_its_issues_and_drops_the_stale_run(qtbot, session) -> None:
    tracker = IssueTracker(session, pause_ms=600_000)  # no pause run during the test, however slow the machine
    session.load(long_document(), None)
    push_edit(session, "long line", edits.set_text(session.document, 1, "y" * 70), 1)
    qtbot.waitUntil(lambda: not tracker.checking, timeout=60_000)
    qtbot.wait(50)
    assert "line-length" in [issue.rule for issue in tracker.issues_of(1)]
    assert tracker.issues_of(100) == ()  # the stale background run was dropped; the pause's full run comes later
    tracker.shutdown()


def test_the_pause_after_an_edit_checks_a_long_document_whole(qtbot, session) -> None:
    tracker = IssueTracker(session)
    session.load(long_document(), None)
    push_edit(session, "long line", edits.set_text(session.document, 1, "y" * 70), 1)
    qtbot.waitUntil(lambda: tracker.issues_of(100) != (), timeout=60_000)  # the pause's run, in the background
    qtbot.waitUntil(lambda: not tracker.checking, timeout=60_000)
    assert findings(tracker.issues) == findings(run_checks(session.document, session.style))
    tracker.shutdown()
