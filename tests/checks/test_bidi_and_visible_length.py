"""Text that shows differently from what it holds: bidi controls are flagged, and line length counts what is seen."""

from __future__ import annotations

from editor.checks import bidi_control, line_length
from editor.checks.issue import TextSpan
from editor.checks.registry import run_checks
from editor.core.model import Cue, Document
from editor.core.style import STYLES

STREAMING = STYLES["streaming"]  # 42 characters a line


def test_a_right_to_left_override_is_flagged_where_it_is_with_a_fix_that_removes_it() -> None:
    text = "say \u202eevil\u202c now"
    [override, pop] = bidi_control.check(Document(cues=(Cue(0, 2000, text),)), STREAMING)
    assert override.span == TextSpan(4, 5) and pop.span == TextSpan(9, 10)
    assert "RIGHT-TO-LEFT OVERRIDE (U+202E)" in override.message
    assert override.fixes[0].replacement == ""


def test_ordinary_text_and_direction_marks_are_not_flagged() -> None:
    cues = (Cue(0, 2000, "Plain words, José «quotes»"), Cue(3000, 5000, "שלום\u200f!"))
    assert bidi_control.check(Document(cues=cues), STREAMING) == []


def test_the_rule_runs_with_every_check() -> None:
    issues = run_checks(Document(cues=(Cue(0, 3000, "a \u2066b\u2069"),)), STREAMING)
    assert [issue.rule for issue in issues].count("bidi-control") == 2


def test_line_length_counts_visible_characters_not_markup() -> None:
    line = "<i>Eighteen letters here, all seen</i> <v Ann>and more"  # 56 characters, 40 of them seen
    assert len(line) > STREAMING.max_chars_per_line
    assert line_length.check(Document(cues=(Cue(0, 4000, line),)), STREAMING) == []
    [issue] = line_length.check(Document(cues=(Cue(0, 4000, "<i>" + "x" * 43 + "</i>"),)), STREAMING)
    assert "has 43 characters" in issue.message


def test_text_that_only_looks_like_a_tag_is_counted() -> None:
    line = "a <hello> " + "x" * 33  # "<hello>" is text a viewer sees
    [issue] = line_length.check(Document(cues=(Cue(0, 4000, line),)), STREAMING)
    assert "has 43 characters" in issue.message
