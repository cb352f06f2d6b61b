"""Accepting suggestions as pure edits: several spans at once, and remembering an ignored problem."""

import pytest

from editor.core.edits import EditError, SpanChange, ignore_problem, replace_spans
from editor.core.model import Cue, Document, IgnoredProblem

DOCUMENT = Document(cues=(Cue(0, 1000, "sisal and Beisel"), Cue(1000, 2000, "the sisal front")))


def test_every_change_is_made_even_two_in_one_cue() -> None:
    changes = [SpanChange(0, 0, 5, "ISIL"), SpanChange(0, 10, 16, "ISIL"), SpanChange(1, 4, 9, "ISIL")]
    after = replace_spans(DOCUMENT, changes)
    assert [cue.text for cue in after.cues] == ["ISIL and ISIL", "the ISIL front"]


def test_a_change_outside_the_text_is_refused_and_changes_nothing() -> None:
    with pytest.raises(EditError, match=r"cue 2 has no characters 4\.\.40"):
        replace_spans(DOCUMENT, [SpanChange(1, 4, 40, "ISIL")])
    with pytest.raises(EditError, match="no cue 3"):
        replace_spans(DOCUMENT, [SpanChange(2, 0, 1, "x")])


def test_an_ignored_problem_is_remembered_once() -> None:
    problem = IgnoredProblem("spelling", "Beisel", "sisal and Beisel")
    once = ignore_problem(DOCUMENT, problem)
    assert once.ignored == (problem,) and ignore_problem(once, problem) is once
    assert once.cues is DOCUMENT.cues
