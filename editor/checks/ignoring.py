"""Problems staff chose to ignore: how an issue is recognised again, so the checks, F8 and the CLI skip it.

An ignored problem is named by its rule, the words it is about and a few words around them in the cue (for
an issue about a whole cue: the cue's words), not by cue number or time, so it stays ignored when cues are
inserted, removed or retimed, and comes back when its words change.
"""

from __future__ import annotations

from collections.abc import Iterable

from editor.checks.issue import Issue
from editor.core.cue_spans import span_context
from editor.core.model import Document, IgnoredProblem


def ignore_key(document: Document, issue: Issue) -> IgnoredProblem:
    """What the project stores to remember that this issue is ignored."""
    return ignore_key_in(document.cues[issue.cue_index].text, issue)


def ignore_key_in(text: str, issue: Issue) -> IgnoredProblem:
    """The same, from the text of the issue's cue (for views that judge one cue at a time)."""
    if issue.span is None:
        return IgnoredProblem(issue.rule, "", " ".join(text.split()))
    span = issue.span
    return IgnoredProblem(issue.rule, text[span.start : span.end], span_context(text, span.start, span.end))


def without_ignored(document: Document, issues: Iterable[Issue]) -> list[Issue]:
    """The issues staff did not ignore."""
    ignored = frozenset(document.ignored)
    if not ignored:
        return list(issues)
    return [issue for issue in issues if ignore_key(document, issue) not in ignored]
