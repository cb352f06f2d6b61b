"""The low-confidence check reports each word auto-sync could hardly hear, with its span, and nothing else."""

from __future__ import annotations

from editor.checks.low_confidence import NAME, check, doubt_limit
from editor.checks.registry import RULES
from editor.core.model import LOW_CONFIDENCE, Cue, Document, Word
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
    """One cue a word, each word scored as given."""
    return Document(cues=tuple(cue((f"word{n}", score)) for n, score in enumerate(scores)))


def test_a_low_score_most_of_the_recording_shares_is_not_flagged_but_a_rare_one_is() -> None:
    poor_fit = recording([0.0, 1.0] * 100)
    assert check(poor_fit, DEFAULT_STYLE) == []
    good_fit = recording([0.0] + [1.0] * 199)
    assert [issue.cue_index for issue in check(good_fit, DEFAULT_STYLE)] == [0]


def test_the_limit_follows_a_change_of_scores_but_not_of_text() -> None:
    poor_fit = recording([0.0, 1.0] * 100)
    assert doubt_limit(poor_fit.cues) == 0.0
    retyped = poor_fit.with_cues([poor_fit.cues[0].with_text("word0"), *poor_fit.cues[1:]])
    assert doubt_limit(retyped.cues) == 0.0
    rescored = retyped.with_cues([retyped.cues[0], *(cue((f"word{n}", 1.0)) for n in range(1, 200))])
    assert doubt_limit(rescored.cues) == LOW_CONFIDENCE
    assert [issue.cue_index for issue in check(rescored, DEFAULT_STYLE)] == [0]
