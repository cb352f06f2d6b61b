"""The unheard check lists runs of words auto-sync found no audio for, with where they stand in the text."""

from __future__ import annotations

from editor.checks.low_confidence import check as low_confidence
from editor.checks.registry import RULES
from editor.checks.unheard_words import NAME, check
from editor.core.model import Cue, Document, Word
from editor.core.style import DEFAULT_STYLE


def test_runs_of_unheard_words_are_reported_with_their_span_and_not_as_doubtful() -> None:
    words = (Word("Kerry", 0, 300, 1.0), Word("met", 300, 500, 1.0), Word("the", 500, 500, 0.0),
             Word("--", 500, 500, None), Word("council", 500, 500, 0.0), Word("today.", 600, 900, 0.2))
    document = Document(cues=(Cue(0, 1000, "Kerry met the --\ncouncil today.", words),
                              Cue(1000, 2000, "Nothing", (Word("Nothing", 1000, 1400, 1.0),))))
    issues = check(document, DEFAULT_STYLE)
    assert [(issue.cue_index, issue.rule) for issue in issues] == [(0, NAME)]
    span = issues[0].span
    assert span is not None and document.cues[0].text[span.start: span.end] == "the --\ncouncil"
    assert "“the -- council”" in issues[0].message
    doubtful = low_confidence(document, DEFAULT_STYLE)
    assert [issue.message.split("“")[1].split("”")[0] for issue in doubtful] == ["today."]


def test_rule_is_registered() -> None:
    assert NAME in [rule.name for rule in RULES]
