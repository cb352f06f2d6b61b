"""The low-confidence check reports each word auto-sync could hardly hear, with its span, and nothing else."""

from __future__ import annotations

from editor.checks.low_confidence import NAME, check
from editor.checks.registry import RULES
from editor.core.model import Cue, Document, Word
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
