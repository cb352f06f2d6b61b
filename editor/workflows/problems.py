"""Every problem of a document in the order it is heard, so staff step through them (F8) and listen to each.

A problem is a check's Issue placed in time: a word-level issue at its words' time (from the cue's timed words
when it has them, else the cue's start), an issue about a whole cue at the cue. Kinds let staff look at one
sort at a time: words the audio doubts, `--` gaps, spelling, and the caption rules.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from operator import attrgetter

from editor.checks.issue import Issue
from editor.core.cue_spans import span_time
from editor.core.edits import SpanChange
from editor.core.model import Document

PRE_ROLL_MS = 1000  # a problem is played from a second before it, so the ear catches the words leading in


class ProblemKind(StrEnum):
    """The sorts of problem staff can filter the navigator by."""

    SUSPECT = "suspect"
    GAP = "gap"
    SPELLING = "spelling"
    RULE = "rule"


KIND_LABELS = {
    ProblemKind.SUSPECT: "Suspect words",
    ProblemKind.GAP: "`--` gaps",
    ProblemKind.SPELLING: "Spelling",
    ProblemKind.RULE: "Caption rules",
}
# A rule not listed here is a caption rule (line length, reading speed, ...) when it judges whole cues, and a
# suspect-word rule when its issues name words (word-level problems carry a span).
KIND_OF_RULE = {
    "low-confidence": ProblemKind.SUSPECT,
    "suspect-word": ProblemKind.SUSPECT,
    "unheard": ProblemKind.SUSPECT,
    "unresolved-gap": ProblemKind.GAP,
    "spelling": ProblemKind.SPELLING,
}
Position = tuple[int, int, int, str]  # time, cue, character, rule: where a problem sits in the order


@dataclass(frozen=True, slots=True)
class Problem:
    """An issue with its kind, its time in the programme, the words it is about ("" for a whole cue) and its
    place in the order (time, cue, character, rule; kept, as the navigator sorts thousands)."""

    issue: Issue
    kind: ProblemKind
    start_ms: int
    end_ms: int
    found: str
    position: Position

    @property
    def words(self) -> str:
        """The words on one line, as staff name them (a glossary term, an undo step, the bar), however the
        cue breaks its lines between them."""
        return " ".join(self.found.split())

    @property
    def listening_range(self) -> tuple[int, int]:
        """The stretch of programme to play: the problem with PRE_ROLL_MS before it."""
        return max(0, self.start_ms - PRE_ROLL_MS), self.end_ms


def kind_of(issue: Issue) -> ProblemKind:
    """The sort of problem an issue is, by its rule."""
    default = ProblemKind.RULE if issue.span is None else ProblemKind.SUSPECT
    return KIND_OF_RULE.get(issue.rule, default)


def place(document: Document, issue: Issue) -> Problem:
    """The issue placed in time, with the words it is about."""
    cue, index = document.cues[issue.cue_index], issue.cue_index
    if issue.span is None:
        return Problem(issue, kind_of(issue), cue.start_ms, cue.end_ms, "", (cue.start_ms, index, -1, issue.rule))
    start, end = issue.span.start, issue.span.end
    start_ms, end_ms = span_time(cue, start, end)
    return Problem(issue, kind_of(issue), start_ms, end_ms, cue.text[start:end], (start_ms, index, start, issue.rule))


def in_time_order(
    document: Document, issues: Iterable[Issue], kinds: Collection[ProblemKind] | None = None
) -> list[Problem]:
    """The issues (of the given kinds; all when None) as problems, in the order they are heard, one stop per
    garble."""
    problems = [place(document, issue) for issue in issues if kinds is None or kind_of(issue) in kinds]
    return sorted(without_spelling_inside_suspects(problems), key=attrgetter("position"))


def without_spelling_inside_suspects(problems: list[Problem]) -> list[Problem]:
    """One stop per garble: a misspelt word inside a suspect stretch ("nori" in "nori Al-Maliki", which the audio
    heard as Nouri al-Maliki) is fixed with it; it becomes a stop of its own once the suspect is ignored."""
    suspects = [(p.issue.cue_index, p.issue.span) for p in problems if p.kind is ProblemKind.SUSPECT and p.issue.span]

    def inside_a_suspect(issue: Issue) -> bool:
        span = issue.span
        return span is not None and any(
            cue == issue.cue_index and stretch.start <= span.start <= span.end <= stretch.end
            for cue, stretch in suspects
        )

    return [p for p in problems if not (p.kind is ProblemKind.SPELLING and inside_a_suspect(p.issue))]


def step(problems: Sequence[Problem], position: Position | None, forward: bool = True) -> Problem | None:
    """The problem after (or before) a position, wrapping around at the end; None when there are none."""
    if not problems:
        return None
    if position is None:
        return problems[0] if forward else problems[-1]
    if forward:
        return next((p for p in problems if p.position > position), problems[0])
    return next((p for p in reversed(problems) if p.position < position), problems[-1])


def like(problems: Iterable[Problem], model: Problem) -> list[Problem]:
    """Problems of the same rule about the same words as `model` (itself included), for "fix all like this";
    every `--` run is alike, "--" or "-- -- --" (the same unheard speech to fill)."""
    if model.kind is ProblemKind.GAP:
        return [p for p in problems if p.kind is ProblemKind.GAP]
    if not model.found:
        return [model]
    return [p for p in problems if p.issue.rule == model.issue.rule and p.found == model.found]


def fix_changes(problems: Iterable[Problem], replacement: str) -> list[SpanChange]:
    """The edits that put `replacement` in place of each problem's words."""
    return [
        SpanChange(p.issue.cue_index, p.issue.span.start, p.issue.span.end, replacement)
        for p in problems
        if p.issue.span is not None
    ]
