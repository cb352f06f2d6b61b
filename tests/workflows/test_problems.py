"""Problems in the order they are heard, filtered by kind, stepped through with wrap-around, and grouped for
"fix all like this"."""

import pytest

from editor.checks.registry import run_checks
from editor.core.edits import SpanChange
from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, Word
from editor.core.style import STYLES
from editor.workflows.fixing import with_fixes
from editor.workflows.problems import PRE_ROLL_MS, ProblemKind, fix_changes, in_time_order, like, step

STREAMING = STYLES["streaming"]
# Cue 2 starts before cue 1 ends its words: order follows time, not only cue numbers.
DOCUMENT = Document(cues=(
    Cue(500, 3000, "Fighting near -- today", (Word("Fighting", 600, 1000), Word("near", 1000, 1300),
                                              Word("--", 1300, 2500), Word("today", 2500, 2900))),
    Cue(3100, 5000, "The Beisel group and --"),
    Cue(5100, 7000, "Beisel again"),
))


def problems(kinds=None):  # type: ignore[no-untyped-def]
    return in_time_order(DOCUMENT, run_checks(DOCUMENT, STREAMING), kinds)


def test_problems_come_in_time_order_with_their_words_and_times() -> None:
    found = [(p.kind, p.found, p.start_ms) for p in problems({ProblemKind.GAP, ProblemKind.SPELLING})]
    gap, spelling = ProblemKind.GAP, ProblemKind.SPELLING
    # cues 2 and 3 have no timed words: their problems sit at the cue's start, in reading order
    assert found == [(gap, "--", 1300), (spelling, "Beisel", 3100), (gap, "--", 3100), (spelling, "Beisel", 5100)]


def test_a_kind_filter_keeps_only_that_kind() -> None:
    assert {p.kind for p in problems({ProblemKind.GAP})} == {ProblemKind.GAP}
    assert len(problems({ProblemKind.GAP})) == 2


def test_a_problem_is_played_from_a_second_before_it() -> None:
    first = problems({ProblemKind.GAP})[0]
    assert first.listening_range == (1300 - PRE_ROLL_MS, 2500)


def test_stepping_wraps_around_both_ways() -> None:
    gaps = problems({ProblemKind.GAP})
    assert step(gaps, None) is gaps[0] and step(gaps, None, forward=False) is gaps[-1]
    assert step(gaps, gaps[0].position) is gaps[1]
    assert step(gaps, gaps[1].position) is gaps[0]
    assert step(gaps, gaps[0].position, forward=False) is gaps[1]
    assert step([], None) is None


def test_like_this_means_the_same_rule_about_the_same_words() -> None:
    gaps, spelling = problems({ProblemKind.GAP}), problems({ProblemKind.SPELLING})
    assert like(problems(), gaps[0]) == gaps
    assert like(problems(), spelling[1]) == spelling and [p.found for p in spelling] == ["Beisel", "Beisel"]
    changes = fix_changes(gaps, "[inaudible]")
    assert [(c.cue_index, c.start, c.end) for c in changes] == [(0, 14, 16), (1, 21, 23)]


def test_an_unknown_rule_about_words_is_a_suspect_word_and_about_cues_a_caption_rule() -> None:
    from editor.checks.issue import Issue, Severity, TextSpan
    from editor.workflows.problems import kind_of

    heard = Issue(0, Severity.WARNING, "heard-otherwise", "sounds like ISIL", TextSpan(0, 5))
    assert kind_of(heard) is ProblemKind.SUSPECT
    assert kind_of(Issue(0, Severity.WARNING, "line-length", "too long")) is ProblemKind.RULE


def test_a_fix_that_makes_a_line_too_long_breaks_the_cue_s_lines_again() -> None:
    cue = Cue(0, 5600, "Fighting went on near the city of -- today\nthe army said.")
    document = Document(cues=(cue,))
    gap = in_time_order(document, run_checks(document, STREAMING), {ProblemKind.GAP})[0]
    fixed = with_fixes(document, fix_changes([gap], "[inaudible]"), STREAMING)
    assert fixed.cues[0].text.split() == "Fighting went on near the city of [inaudible] today the army said.".split()
    assert max(len(line) for line in fixed.cues[0].text.split("\n")) <= STREAMING.max_chars_per_line
    assert [issue.rule for issue in run_checks(fixed, STREAMING) if issue.severity == "error"] == []


def test_a_fix_that_fits_leaves_the_lines_as_staff_broke_them() -> None:
    document = Document(cues=(Cue(0, 3000, "Fighting near --\ntoday"),))
    gap = in_time_order(document, run_checks(document, STREAMING), {ProblemKind.GAP})[0]
    assert with_fixes(document, fix_changes([gap], "Erbil"), STREAMING).cues[0].text == "Fighting near Erbil\ntoday"


def test_a_run_written_as_several_dash_pairs_is_one_stop_one_inaudible_and_alike_to_a_single_pair() -> None:
    document = Document(cues=(Cue(0, 3000, "debt and -- -- -- here -- now"),))
    gaps = in_time_order(document, run_checks(document, STREAMING), {ProblemKind.GAP})
    assert [gap.found for gap in gaps] == ["-- -- --", "--"]
    assert with_fixes(document, fix_changes(gaps[:1], "[inaudible]"), STREAMING).cues[0].text == (
        "debt and [inaudible] here -- now")
    everything = with_fixes(document, fix_changes(like(gaps, gaps[0]), "[inaudible]"), STREAMING)
    assert everything.cues[0].text == "debt and [inaudible] here [inaudible] now"


@pytest.mark.parametrize(("text", "found", "replacement", "fixed"), [
    ("secretary of state Brett Mcguirk.", "Mcguirk", "Brett McGurk", "secretary of state Brett McGurk."),
    ("the prime minister nori Al-Maliki said", "nori", "Nouri al-Maliki", "the prime minister Nouri al-Maliki said"),
    ("said nori today", "nori", "Nouri al-Maliki", "said Nouri al-Maliki today"),
])
def test_a_suggestion_holding_a_neighbouring_word_does_not_write_it_twice(text, found, replacement, fixed) -> None:  # type: ignore[no-untyped-def]
    start = text.index(found)
    document = Document(cues=(Cue(0, 3000, text),))
    change = SpanChange(0, start, start + len(found), replacement)
    assert with_fixes(document, [change], STREAMING).cues[0].text == fixed


def test_a_misspelt_word_inside_a_suspect_stretch_is_one_stop_with_it_until_the_suspect_is_ignored() -> None:
    heard = (HeardAlternative("Nouri al-Maliki", 2, 0.9),)
    tokens = "Prime minister nori Al-Maliki said".split()
    words = tuple(Word(token, 300 * n, 300 * n + 250, 1.0, heard="X", support=0.3 if token == "nori" else 1.0,
                       alternatives=heard if token == "nori" else ()) for n, token in enumerate(tokens))
    document = Document(cues=(Cue(0, 1500, " ".join(tokens), words),), glossary=(GlossaryTerm("Nouri al-Maliki"),))
    issues = [issue for issue in run_checks(document, STREAMING) if issue.span]
    assert sorted(issue.rule for issue in issues) == ["spelling", "suspect-word"]  # both take in "nori"
    assert [(p.found, p.kind) for p in in_time_order(document, issues)] == [("nori Al-Maliki", ProblemKind.SUSPECT)]
    assert [p.found for p in in_time_order(document, issues, {ProblemKind.SPELLING})] == ["nori"]
    suspect_ignored = [issue for issue in issues if issue.rule != "suspect-word"]
    assert [p.found for p in in_time_order(document, suspect_ignored)] == ["nori"]
