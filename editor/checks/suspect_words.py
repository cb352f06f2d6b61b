"""Suspect words: where the transcript is likely garbled ("their bill" for Erbil), with ranked fixes.

Two sources, one issue per stretch of text (the best-scored when they overlap, a correct neighbour never
swallowed: a span is exactly the words a fix replaces). With audio evidence (after auto-sync), what the
speech sounds like: words the heard phones fit better than the transcript's. Without it, or for names that
sound the same however spelt ("McDonald", "Macdonald"), glossary names that sound alike in writing; where the
audio clearly supports the words as written, such a guess is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.checks import dictionary
from editor.checks.issue import Fix, Issue, Rule, Severity, TextSpan
from editor.checks.spelling import inside_sentence, misspellings, words_of_terms
from editor.checks.suggestions import merged
from editor.checks.word_spans import word_spans
from editor.core.glossary import Proposal, glossary_of, propose_replacements
from editor.core.model import EDGE_PUNCTUATION, Cue, Document, HeardAlternative, Word
from editor.core.phonetic import sound_alike_score
from editor.core.style import CaptionStyle

NAME = "suspect-word"
AUDIO_FLAG = 0.35  # what the audio sounds like must beat the transcript at least this clearly to be flagged
TEXT_FLAG = 0.7  # a name guessed from writing alone must sound this alike (audio or not)
WELL_SUPPORTED = 0.6  # the heard phones fit the written words this well: keep them
SAME_SOUND = 0.85  # a name this close in sound is a spelling the audio cannot tell apart ("McDonald")
RARE = 0.95  # a dictionary word rarer than this is no likely correction ("caul" for "called")


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each likely garbled stretch, with what it may have been, best first."""
    terms = glossary_of(document)
    guesses: dict[int, list[Proposal]] = {}
    for proposal in propose_replacements(document, terms, TEXT_FLAG, dictionary.word_rarity):
        guesses.setdefault(proposal.cue_index, []).append(proposal)
    accepted = words_of_terms(terms)
    names, written = {term.term for term in terms}, _written_words(document)
    issues: list[Issue] = []
    for index, cue in enumerate(document.cues):
        found = _heard_issues(index, cue, names, written) + _guessed_issues(index, cue, guesses.get(index, []))
        misspelt = {(item.start, item.end) for item in misspellings(cue.text, accepted, style.spelling)}
        issues.extend(issue for issue in _without_overlap(found) if _where(issue) not in misspelt)
    return issues


def _where(issue: Issue) -> tuple[int, int] | None:
    """A misspelt word is spell check's issue (it offers the same fixes): one stop per word."""
    return (issue.span.start, issue.span.end) if issue.span else None


def _written_words(document: Document) -> set[str]:
    """Every word the transcript writes: the audio naming one of them ("rock" heard as the story's "Iraq")
    offers a word the transcriber knew, however rare in a dictionary."""
    return {bare for cue in document.cues for word in cue.text.split() if (bare := word.strip(EDGE_PUNCTUATION))}


def _heard_issues(index: int, cue: Cue, names: set[str], written: set[str]) -> list[Issue]:
    spans = word_spans(cue)
    issues = []
    for position, word in enumerate(cue.words if spans else ()):
        a_name = word.text[:1].isupper() and inside_sentence(cue.text, spans[position].start)
        alternatives = [alt for alt in word.alternatives
                        if alt.text in names or alt.text in written or _plausible_fix(alt, a_name)]
        if not alternatives or alternatives[0].score < AUDIO_FLAG:
            continue
        count = alternatives[0].words
        span = TextSpan(spans[position].start, spans[position + count - 1].end)
        found = cue.text[span.start: span.end]
        fixes = merged(_audio_fix(alt, names, written) for alt in alternatives if alt.words == count)
        message = f"the audio sounds like “{fixes[0].replacement}”, not “{found}”"  # what Alt+1 puts there
        issues.append(Issue(index, Severity.WARNING, NAME, message, span, fixes))
    return issues


def _plausible_fix(alternative: HeardAlternative, for_a_name: bool) -> bool:
    """A dictionary word common enough to be a likely correction; for a name written inside a sentence, only
    words run together: one word for it is the recogniser's confusion ("Bread" for "Brett"), as garbles turn
    names into words, not words into names."""
    if for_a_name and alternative.words == 1:
        return False
    return dictionary.is_known(alternative.text) and dictionary.word_rarity(alternative.text) < RARE


def _audio_fix(alternative: HeardAlternative, names: set[str], written: set[str]) -> Fix:
    known = "glossary" if alternative.text in names else "transcript" if alternative.text in written else "dictionary"
    sources = ("audio", known)
    return Fix(alternative.text, alternative.score, sources)


def _guessed_issues(index: int, cue: Cue, proposals: Sequence[Proposal]) -> list[Issue]:
    issues = []
    for proposal in proposals:
        if audio_supports_as_written(cue, proposal):
            continue
        span = _heard_span(cue, proposal) or TextSpan(proposal.start, proposal.end)
        found = cue.text[span.start: span.end]
        message = f"“{found}” may be a mishearing of “{proposal.term}”"
        fix = Fix(proposal.term, round(proposal.score, 3), ("glossary",))
        issues.append(Issue(index, Severity.WARNING, NAME, message, span, (fix,)))
    return issues


def _heard_span(cue: Cue, proposal: Proposal) -> TextSpan | None:
    """Where inside a guess the audio heard the name, when it did: "is ice" guessed, "ice" heard as ISIS, so the
    correct "is" is kept."""
    spans = word_spans(cue)
    for position, (word, span) in enumerate(zip(cue.words, spans, strict=False)):
        if proposal.start <= span.start and span.end <= proposal.end:
            for alternative in word.alternatives:
                last = position + alternative.words - 1
                if alternative.text == proposal.term and last < len(spans) and spans[last].end <= proposal.end:
                    return TextSpan(span.start, spans[last].end)
    return None


def heard_proposals(document: Document, proposals: Sequence[Proposal]) -> list[Proposal]:
    """The glossary's sound-alike proposals the speech does not contradict (the names dialog offers only
    these, so a correct, well-heard word is never proposed for replacement)."""
    return [p for p in proposals if not audio_supports_as_written(document.cues[p.cue_index], p)]


def audio_supports_as_written(cue: Cue, proposal: Proposal) -> bool:
    """The speech supports the words as written, and the name would sound different (not a mere spelling)."""
    words = _words_in(cue, proposal.start, proposal.end)
    if not words or any(word.support is None for word in words):
        return False
    if sound_alike_score(proposal.found, proposal.term) >= SAME_SOUND:
        return False
    if any(alt.text == proposal.term for word in words for alt in word.alternatives):
        return False
    return min(word.support or 0.0 for word in words) >= WELL_SUPPORTED


def _words_in(cue: Cue, start: int, end: int) -> list[Word]:
    spans = zip(cue.words, word_spans(cue), strict=False)
    return [word for word, span in spans if span.start < end and start < span.end]


def _without_overlap(issues: list[Issue]) -> list[Issue]:
    """The best-scored issue for each stretch of text; on ties the one from the audio (listed first)."""
    chosen: list[Issue] = []
    for issue in sorted(issues, key=lambda issue: -(issue.fixes[0].score if issue.fixes else 0.0)):
        if all(_apart(issue.span, other.span) for other in chosen):
            chosen.append(issue)
    return sorted(chosen, key=lambda issue: issue.span.start if issue.span else 0)


def _apart(first: TextSpan | None, second: TextSpan | None) -> bool:
    return first is None or second is None or first.end <= second.start or second.end <= first.start


RULE = Rule(NAME, "words that are likely garbled (from the audio, the glossary)", check)
