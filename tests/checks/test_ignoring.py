"""Ignored problems: the checks skip them wherever their words move, and see them again when the words change;
each `--` run is its own problem with its characters."""

from editor.checks import unresolved_gap
from editor.checks.ignoring import ignore_key
from editor.checks.issue import TextSpan
from editor.checks.registry import run_checks
from editor.core.edits import ignore_problem, insert_cue_after, set_text, shift_cues
from editor.core.model import Cue, Document
from editor.core.style import STYLES

STREAMING = STYLES["streaming"]
DOCUMENT = Document(cues=(Cue(0, 2000, "we -- agree"), Cue(3000, 5000, "then -- and\n-- left")))


def gaps(document: Document) -> list[tuple[int, TextSpan | None]]:
    return [(i.cue_index, i.span) for i in run_checks(document, STREAMING) if i.rule == unresolved_gap.NAME]


def test_each_gap_run_is_a_problem_naming_its_characters_with_inaudible_offered() -> None:
    issues = unresolved_gap.check(DOCUMENT, STREAMING)
    assert [(i.cue_index, i.span) for i in issues] == [(0, TextSpan(3, 5)), (1, TextSpan(5, 7)), (1, TextSpan(12, 14))]
    assert [fix.replacement for fix in issues[0].fixes] == ["[inaudible]"]


def test_an_ignored_problem_stays_ignored_when_cues_move_and_comes_back_when_its_words_change() -> None:
    second = unresolved_gap.check(DOCUMENT, STREAMING)[1]
    ignoring = ignore_problem(DOCUMENT, ignore_key(DOCUMENT, second))
    expected = [(0, TextSpan(3, 5)), (1, TextSpan(12, 14))]
    assert gaps(ignoring) == expected
    moved = shift_cues(insert_cue_after(ignoring, -1, STREAMING, "Hello"), [1, 2], 4000)
    assert gaps(moved) == [(1, TextSpan(3, 5)), (2, TextSpan(12, 14))]
    reworded = set_text(ignoring, 1, "then -- but\n-- left")
    assert len(gaps(reworded)) == 3


def test_an_issue_about_a_whole_cue_is_ignored_for_that_cue_text() -> None:
    fast = Document(cues=(Cue(0, 2000, "x" * 36), Cue(3000, 5000, "y" * 36)))
    [first, _second] = [i for i in run_checks(fast, STREAMING) if i.rule == "reading-speed"]
    ignoring = ignore_problem(fast, ignore_key(fast, first))
    still = [(i.cue_index, i.rule) for i in run_checks(ignoring, STREAMING) if i.rule != "spelling"]
    assert still == [(1, "reading-speed")]
