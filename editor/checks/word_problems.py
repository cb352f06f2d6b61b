"""The word-level problems of one cue, for the views that mark words (the text pane's underline, the timeline's
strips): the very issues the checks list for that cue, less those staff ignored, so a mark and a listed problem
always agree. After listening, a word the speech supports is no longer marked doubtful, and a word it heard as
another is.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.checks import low_confidence, suspect_words, unheard_words, unresolved_gap
from editor.checks.ignoring import IgnoredIndex
from editor.checks.issue import Issue
from editor.core.model import Cue, Document, GlossaryTerm
from editor.core.style import CaptionStyle

DOUBT_RULES = (low_confidence.NAME, suspect_words.NAME)  # what the text pane underlines as doubtful


def word_problems(cue: Cue, glossary: Sequence[GlossaryTerm], style: CaptionStyle, ignored: IgnoredIndex,
                  doubt_limit: float) -> list[Issue]:
    """The cue's doubtful, unheard and `--` words as issues with spans (cue index 0), in text order; a word is
    doubtful below `doubt_limit`, low_confidence.doubt_limit of the document's cues (its recording's fit).

    The suspect-word rule runs only where it can find something (a glossary, or what listening heard): it reads
    the dictionary, which a view must not load while the window opens.
    """
    alone = Document(cues=(cue,), glossary=tuple(glossary))
    found = [*low_confidence.cue_doubts(cue, 0, doubt_limit), *unheard_words.cue_issues(cue, 0, style),
             *unresolved_gap.check(alone, style)]
    if glossary or any(word.alternatives for word in cue.words):
        found += suspect_words.check(alone, style)
    shown = [issue for issue in found if issue.span is not None and not (ignored and ignored.covers(cue, issue))]
    return sorted(shown, key=lambda issue: issue.span.start if issue.span else 0)
