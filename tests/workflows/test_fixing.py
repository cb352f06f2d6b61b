"""Where fixes go and what they leave: a cue a fix makes too long for two lines is re-cut, as one document."""

from __future__ import annotations

from editor.checks.registry import run_checks
from editor.core.fit_lines import fits_lines
from editor.core.model import Cue, Document, Word
from editor.core.style import STYLES
from editor.workflows.fixing import with_fixes
from editor.workflows.problems import ProblemKind, fix_changes, in_time_order

STREAMING = STYLES["streaming"]
FULL = "The minister said on Tuesday that the -- army would hold the line near the city"


def spoken(text: str, start_ms: int, word_ms: int) -> tuple[Word, ...]:
    return tuple(Word(token, start_ms + n * word_ms, start_ms + (n + 1) * word_ms - 20, 0.9)
                 for n, token in enumerate(text.split()))


def test_a_fix_that_leaves_more_words_than_two_lines_hold_splits_the_cue_within_its_time() -> None:
    text = "The minister said on Tuesday that the --\narmy would hold the line near the city"
    assert fits_lines(text, STREAMING)
    after = Cue(7000, 9000, "Back to you.", spoken("Back to you.", 7000, 400))
    document = Document(cues=(Cue(1000, 6600, text, spoken(text, 1000, 320)), after), runtime_ms=10_000)
    gap = in_time_order(document, run_checks(document, STREAMING), {ProblemKind.GAP})[0]
    fixed = with_fixes(document, fix_changes([gap], "[inaudible]"), STREAMING)
    *parts, last = fixed.cues
    assert len(parts) == 2 and last == after
    assert " ".join(part.text for part in parts).split() == FULL.replace("--", "[inaudible]").split()
    assert all(fits_lines(part.text, STREAMING) for part in parts)
    assert 1000 <= parts[0].start_ms < parts[0].end_ms < parts[1].start_ms < parts[1].end_ms <= 6600
    assert [issue.message for issue in run_checks(fixed, STREAMING) if issue.severity == "error"] == []
