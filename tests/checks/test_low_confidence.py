"""The low-confidence check lists the words auto-sync could hardly hear, per cue, and nothing else."""

from __future__ import annotations

from editor.checks.low_confidence import NAME, check
from editor.checks.registry import RULES
from editor.core.model import Cue, Document, Word
from editor.core.style import DEFAULT_STYLE


def cue(*words: tuple[str, float | None]) -> Cue:
    timed = tuple(Word(text, 100 * n, 100 * n + 90, confidence) for n, (text, confidence) in enumerate(words))
    return Cue(0, 1000, " ".join(text for text, _ in words), timed)


def test_doubtful_words_are_listed_with_their_confidence() -> None:
    document = Document(cues=(
        cue(("Kerry", 1.0), ("met", 0.9)),
        cue(("the", 1.0), ("sisal", 0.21), ("--", 0.0), ("fighters", 0.4)),
        cue(("no", None), ("times", None)),
    ))
    issues = check(document, DEFAULT_STYLE)
    assert [issue.cue_index for issue in issues] == [1]
    assert issues[0].rule == NAME
    assert "2 words" in issues[0].message
    assert "“sisal” (0.21)" in issues[0].message and "“fighters” (0.40)" in issues[0].message
    assert "--" not in issues[0].message  # a gap is reported as unresolved by its own rule


def test_rule_is_registered() -> None:
    assert NAME in [rule.name for rule in RULES]
