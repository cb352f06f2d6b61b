"""The low-confidence check reports each word auto-sync could hardly hear, with its span, and nothing else."""

from __future__ import annotations

from dataclasses import replace

from editor.checks.low_confidence import NAME, check
from editor.checks.registry import RULES
from editor.core.model import LOW_CONFIDENCE, Cue, Document, Word
from editor.core.recording_doubt import recording_doubt_limit
from editor.core.style import DEFAULT_STYLE


def cue(*words: tuple[str, float | None]) -> Cue:
    timed = tuple(Word(text, 100 * n, 100 * n + 90, confidence) for n, (text, confidence) in enumerate(words))
    return Cue(0, 1000, " ".join(text for text, _ in words), timed)


def test_each_doubtful_word_is_an_issue_with_its_span() -> None:
    document = Document(cues=(
        cue(("Kerry", 1.0), ("met.", 0.9)),
        cue(("the", 1.0), ("“sisal”", 0.21), ("--", 0.0), ("fighters,", 0.4)),
        cue(("no", None), ("times", None)),
    ))
    issues = check(document, DEFAULT_STYLE)
    assert [issue.cue_index for issue in issues] == [1, 1]
    assert {issue.rule for issue in issues} == {NAME}
    text = document.cues[1].text
    assert [text[issue.span.start : issue.span.end] for issue in issues if issue.span] == ["sisal", "fighters"]
    assert "(confidence 0.21)" in issues[0].message  # a gap is reported as unresolved by its own rule


def test_words_that_no_longer_match_the_text_are_not_reported() -> None:
    stale = cue(("sisal", 0.2))
    document = Document(cues=(Cue(stale.start_ms, stale.end_ms, "ISIL", stale.words),))
    assert check(document, DEFAULT_STYLE) == []


def test_rule_is_registered() -> None:
    assert NAME in [rule.name for rule in RULES]


def recording(scores: list[float]) -> Document:
    """One cue a word, each word scored as given, judged against its own scores as auto-sync leaves it."""
    cues = tuple(cue((f"word{n}", score)) for n, score in enumerate(scores))
    return Document(cues=cues, doubt_limit=recording_doubt_limit(cues))


def test_a_low_score_most_of_the_recording_shares_is_not_flagged_but_a_rare_one_is() -> None:
    poor_fit = recording([0.0, 1.0] * 100)
    assert check(poor_fit, DEFAULT_STYLE) == []
    good_fit = recording([0.0] + [1.0] * 199)
    assert [issue.cue_index for issue in check(good_fit, DEFAULT_STYLE)] == [0]


def test_the_limit_is_the_recordings_and_does_not_follow_an_edit() -> None:
    poor_fit = recording([0.0, 1.0] * 100)
    assert poor_fit.doubt_limit == 0.0
    retyped = poor_fit.with_cues([poor_fit.cues[0].with_text("word0"), *poor_fit.cues[1:]])
    assert retyped.doubt_limit == 0.0
    few = recording([0.0, 1.0] * 10)
    assert few.doubt_limit == LOW_CONFIDENCE  # too few words to blame the voice
    assert [issue.cue_index for issue in check(few, DEFAULT_STYLE)] == [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]
    assert check(replace(few, doubt_limit=0.0), DEFAULT_STYLE) == []
