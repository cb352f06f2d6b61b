"""Problems staff chose to ignore: how an issue is recognised again, so the checks, F8, the CLI and the views
that draw problems all skip it.

An ignored problem is named by its rule and the words it is about, never by cue number. Where those words are
timed, their time names them too (within IGNORE_DRIFT_MS, MOVED_DRIFT_MS once their neighbours changed):
auto-sync may re-cut the cues and move a word to another cue, with other neighbours, and the word is still the
one staff judged. Untimed words are named by a
few words around them in their cue instead, and an issue about a whole cue by the cue's words. Either way the
problem stays ignored when cues are inserted, removed or retimed, and comes back when its words change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editor.checks.issue import Issue
from editor.core.cue_spans import span_context, timed_words, tokens_touched
from editor.core.model import Cue, Document, IgnoredProblem

# How far a re-sync may move an ignored word and still be the same word: a re-cut moves no word, a re-sync of
# a garbled word seldom more than half a second; the same words under the same rule this close are one problem.
IGNORE_DRIFT_MS = 1500
# ... where the words around them differ too (a re-cut put them in another cue): the same words again a second
# away with other neighbours are another problem ("hot -- Iraq. / -- everyone": two runs 1,010 ms apart).
MOVED_DRIFT_MS = 600


def ignore_key(document: Document, issue: Issue) -> IgnoredProblem:
    """What the project stores to remember that this issue is ignored."""
    return ignore_key_in(document.cues[issue.cue_index], issue)


def ignore_key_in(cue: Cue, issue: Issue) -> IgnoredProblem:
    """The same, from the issue's cue (for views that judge one cue at a time)."""
    if issue.span is None:
        return IgnoredProblem(issue.rule, "", " ".join(cue.text.split()))
    start, end = issue.span.start, issue.span.end
    return IgnoredProblem(issue.rule, cue.text[start:end], span_context(cue.text, start, end),
                          _spoken_at(cue, start, end))


def _spoken_at(cue: Cue, start: int, end: int) -> int | None:
    """When the first timed word of text[start:end] is spoken; None if the cue's words carry no times."""
    words, touched = timed_words(cue), tokens_touched(cue.text, start, end)
    return words[touched[0]].start_ms if words and touched else None


def same_problem(ignored: IgnoredProblem, key: IgnoredProblem) -> bool:
    """Whether an issue's key names the problem staff ignored: same rule and words, and then the same time
    when both are timed, else the same words around them."""
    if (ignored.rule, ignored.text) != (key.rule, key.text):
        return False
    if ignored.at_ms is not None and key.at_ms is not None:
        drift = IGNORE_DRIFT_MS if ignored.context == key.context else MOVED_DRIFT_MS
        return abs(ignored.at_ms - key.at_ms) <= drift
    return ignored.context == key.context


@dataclass(frozen=True, slots=True)
class IgnoredIndex:
    """The ignored problems by rule and words, so judging thousands of issues looks at few candidates each."""

    by_words: dict[tuple[str, str], tuple[IgnoredProblem, ...]]

    @classmethod
    def of(cls, ignored: Iterable[IgnoredProblem]) -> IgnoredIndex:
        by_words: dict[tuple[str, str], tuple[IgnoredProblem, ...]] = {}
        for problem in ignored:
            by_words[problem.rule, problem.text] = (*by_words.get((problem.rule, problem.text), ()), problem)
        return cls(by_words)

    def __bool__(self) -> bool:
        return bool(self.by_words)

    def covers(self, cue: Cue, issue: Issue) -> bool:
        """Whether staff ignored this issue of this cue."""
        text = cue.text[issue.span.start : issue.span.end] if issue.span else ""
        candidates = self.by_words.get((issue.rule, text), ())
        if not candidates:
            return False
        key = ignore_key_in(cue, issue)
        return any(same_problem(problem, key) for problem in candidates)


def without_ignored(document: Document, issues: Iterable[Issue]) -> list[Issue]:
    """The issues staff did not ignore."""
    index = IgnoredIndex.of(document.ignored)
    if not index:
        return list(issues)
    return [issue for issue in issues if not index.covers(document.cues[issue.cue_index], issue)]
