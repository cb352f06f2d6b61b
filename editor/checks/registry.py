"""Every check Cueline runs, in one list: adding a rule is one module and one line here."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from editor.checks import (
    bidi_control,
    empty_cue,
    line_count,
    line_length,
    low_confidence,
    max_duration,
    min_duration,
    min_gap,
    overlap,
    reading_speed,
    reading_speed_limit,
    spelling,
    suspect_words,
    unheard_words,
    unresolved_gap,
)
from editor.checks.ignoring import IgnoredIndex, without_ignored
from editor.checks.issue import Issue, Rule, Severity
from editor.core.model import Cue, Document, IgnoredProblem
from editor.core.style import CaptionStyle

RULES: tuple[Rule, ...] = (
    empty_cue.RULE,
    line_length.RULE,
    line_count.RULE,
    reading_speed_limit.RULE,
    reading_speed.RULE,
    min_duration.RULE,
    max_duration.RULE,
    overlap.RULE,
    min_gap.RULE,
    unresolved_gap.RULE,
    low_confidence.RULE,
    unheard_words.RULE,
    spelling.RULE,
    suspect_words.RULE,
    bidi_control.RULE,
)

_PER_CUE = tuple(rule.per_cue for rule in RULES if rule.per_cue is not None)
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1}


def run_checks(document: Document, style: CaptionStyle, rules: Sequence[Rule] = RULES) -> list[Issue]:
    """All issues of all rules but those staff ignored, by cue index (errors first within a cue), so a reader
    goes top to bottom."""
    issues = without_ignored(document, (issue for rule in rules for issue in rule.check(document, style)))
    return sorted(issues, key=lambda issue: (issue.cue_index, _SEVERITY_ORDER[issue.severity]))


def breaks_a_cue_rule(cue: Cue, style: CaptionStyle, ignored: IgnoredIndex | Collection[IgnoredProblem] = ()) -> bool:
    """Whether a rule that judges a cue alone (lengths, lines, durations, speed) finds anything in this one that
    staff did not ignore, so a view that follows edits cue by cue (the timeline) agrees with the checks panel."""
    if not ignored:
        return any(per_cue(cue, 0, style) for per_cue in _PER_CUE)
    index = ignored if isinstance(ignored, IgnoredIndex) else IgnoredIndex.of(ignored)
    return any(not index.covers(cue, issue) for per_cue in _PER_CUE for issue in per_cue(cue, 0, style))


def has_errors(issues: Sequence[Issue]) -> bool:
    """True when any issue is an error: the file breaks a hard rule."""
    return any(issue.severity is Severity.ERROR for issue in issues)
