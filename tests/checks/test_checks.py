"""Each check flags the cue that breaks its rule, and only that cue; the registry runs them all in cue order."""

from itertools import pairwise

import pytest

from editor.checks import (
    empty_cue,
    line_count,
    line_length,
    max_duration,
    min_duration,
    min_gap,
    overlap,
    reading_speed,
    reading_speed_limit,
    unresolved_gap,
)
from editor.checks.issue import Issue, Rule, Severity
from editor.checks.registry import RULES, has_errors, run_checks
from editor.core.model import Cue, Document
from editor.core.style import STYLES
from editor.formats.registry import read_file, write_file

STREAMING = STYLES["streaming"]
GOOD = Cue(0, 2000, "A calm caption")  # 14 characters in 2 s: 7 CPS


def document(*cues: Cue) -> Document:
    return Document(cues=cues)


def flagged(rule, *cues: Cue) -> list[tuple[int, Severity]]:
    return [(issue.cue_index, issue.severity) for issue in rule.check(document(*cues), STREAMING)]


def later(cue: Cue, offset_ms: int) -> Cue:
    return cue.with_times(cue.start_ms + offset_ms, cue.end_ms + offset_ms)


@pytest.mark.parametrize(
    ("rule", "bad", "severity"),
    [
        (line_length, Cue(0, 4000, "x" * 43), Severity.ERROR),
        (line_count, Cue(0, 4000, "one\ntwo\nthree"), Severity.ERROR),
        (reading_speed, Cue(0, 2000, "x" * 36), Severity.WARNING),  # 18 CPS
        (reading_speed_limit, Cue(0, 2000, "x" * 42), Severity.ERROR),  # 21 CPS
        (min_duration, Cue(0, 500, "Hi"), Severity.WARNING),
        (min_duration, Cue(500, 500, "Hi"), Severity.ERROR),
        (max_duration, Cue(0, 9000, "A long stay"), Severity.WARNING),
        (unresolved_gap, Cue(0, 2000, "we -- agree"), Severity.WARNING),
        (empty_cue, Cue(0, 2000, "  "), Severity.ERROR),
    ],
)
def test_a_rule_flags_the_bad_cue_only(rule, bad, severity):
    assert flagged(rule, GOOD, later(bad, 5000), later(GOOD, 20_000)) == [(1, severity)]


def test_reading_speed_at_the_target_is_fine_and_the_limit_is_not_double_reported():
    at_target = Cue(0, 2000, "x" * 34)  # 17 CPS exactly
    assert flagged(reading_speed, at_target) == []
    too_fast = Cue(0, 2000, "x" * 42)
    assert flagged(reading_speed, too_fast) == []
    assert flagged(reading_speed_limit, too_fast) == [(0, Severity.ERROR)]


def test_a_reading_speed_just_over_a_limit_never_reads_as_the_limit():
    """83 characters in 4.873 s is 17.03 CPS: over the target, and said so ("17.0 ... (target 17)" read as fine)."""
    [over_target] = reading_speed.check(document(Cue(0, 4873, "x" * 83)), STREAMING)
    assert over_target.message == "17.1 characters per second (target 17)"
    [over_limit] = reading_speed_limit.check(document(Cue(0, 4990, "x" * 100)), STREAMING)  # 20.04 CPS
    assert over_limit.message == "20.1 characters per second (limit 20)"
    [at_limit] = reading_speed_limit.check(document(Cue(0, 2000, "x" * 42)), STREAMING)  # 21 CPS exactly
    assert at_limit.message == "21.0 characters per second (limit 20)"


def test_overlap_and_gap_look_at_neighbours():
    assert flagged(overlap, Cue(0, 2100, "a"), Cue(2000, 3000, "b")) == [(0, Severity.ERROR)]
    assert flagged(min_gap, Cue(0, 2000, "a"), Cue(2030, 3000, "b")) == [(0, Severity.WARNING)]
    assert flagged(min_gap, Cue(0, 2000, "a"), Cue(2000 + STREAMING.min_gap_ms, 3000, "b")) == []
    assert flagged(min_gap, Cue(0, 2100, "a"), Cue(2000, 3000, "b")) == []  # an overlap, reported once


def test_captions_two_frames_apart_pass_the_gap_check_after_a_frame_based_round_trip(tmp_path):
    """SCC stores frames: two frames (66.7 ms) come back as 66 or 67 whole milliseconds, and both are enough."""
    cues = [Cue(start, start + 1500, f"caption {n}") for n, start in enumerate(range(0, 30_000, 1567))]
    write_file(Document(cues=tuple(cues)), tmp_path / "frames.scc")
    back = read_file(tmp_path / "frames.scc").document
    gaps = {following.start_ms - cue.end_ms for cue, following in pairwise(back.cues)}
    assert 66 in gaps
    assert min_gap.check(back, STREAMING) == []
    too_close = Cue(2000 + STREAMING.min_gap_ms - 2, 3000, "b")
    assert flagged(min_gap, Cue(0, 2000, "a"), too_close) == [(0, Severity.WARNING)]


def test_a_clean_document_has_no_issues():
    assert run_checks(document(GOOD, later(GOOD, 3000)), STREAMING) == []


def test_issues_come_in_cue_order_errors_first():
    issues = run_checks(document(Cue(0, 500, "we -- agree"), Cue(600, 2000, "")), STREAMING)
    assert [(i.cue_index, i.rule) for i in issues] == [
        (0, "reading-speed-limit"), (0, "min-duration"), (0, "unresolved-gap"), (1, "empty-cue"),
    ]
    assert has_errors(issues)
    assert not has_errors([i for i in issues if i.severity is Severity.WARNING])


def test_messages_say_what_is_wrong():
    [issue] = line_length.check(document(Cue(0, 4000, "x" * 50)), STREAMING)
    assert "50 characters" in issue.message and "42" in issue.message


def test_the_registry_takes_a_new_rule_as_data():
    def every_cue(doc: Document, style) -> list[Issue]:
        return [Issue(i, Severity.WARNING, "custom", "looked at") for i in range(len(doc.cues))]

    issues = run_checks(document(GOOD), STREAMING, rules=(*RULES, Rule("custom", "demo", every_cue)))
    assert [issue.rule for issue in issues] == ["custom"]


def test_every_rule_has_a_unique_name():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)) == 15


@pytest.mark.parametrize("style_name", sorted(STYLES))
def test_the_lined_up_seed_has_no_errors(style_name):
    from editor.core.transcript import parse_transcript
    from editor.paths import sample_transcript_path
    from editor.timing.pipeline import line_up_transcript

    style = STYLES[style_name]
    seed = line_up_transcript(parse_transcript(sample_transcript_path().read_text(encoding="utf-8")), style)
    assert not has_errors(run_checks(seed, style))
