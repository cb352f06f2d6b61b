"""Find the garbled words, written once for the command line and the editor: add the names glossary, listen
to the media (auto-sync first if the words are not timed yet, then the audio evidence), and list the
word-level problems in the order they are heard, each with its ranked suggestions.

`listen_for_evidence` is the slow part (about 1.3 s of CPU per 30 s of speech, on every core): the editor
runs it as a background job with progress and cancel, and re-checks when it lands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from editor.checks.issue import Issue
from editor.checks.registry import run_checks
from editor.core.glossary import glossary_of, line_problem, parse_term
from editor.core.model import Document, GlossaryTerm
from editor.core.style import CaptionStyle
from editor.formats.decoding import read_text
from editor.formats.errors import FormatError
from editor.media.audio import MediaError
from editor.timing.evidence import gather_evidence
from editor.timing.recording import Recording
from editor.workflows.autosync import NoSpeech, aligned_whole, apply_alignment, decoded, unreadable_media
from editor.workflows.problems import ProblemKind, in_time_order

Progress = Callable[[float], None]
WORD_KINDS = (ProblemKind.SUSPECT, ProblemKind.SPELLING)
SHOWN = 3  # suggestions listed per suspect
DECODE_SHARE = 0.05  # decoding the audio, when it is not handed over: the first twentieth of listening's progress


@dataclass(frozen=True)
class Suspect:
    """A stretch of the transcript that is likely garbled, where it is heard, and what it may have been."""

    cue: int  # 1-based, as staff count cues
    start_ms: int
    word: str  # the transcript's text it covers ("their bill")
    kind: str  # the rule that found it: suspect-word, spelling, low-confidence
    message: str
    suggestions: tuple[str, ...]  # ranked, best first
    sources: tuple[str, ...]  # who proposed the best suggestion (audio, glossary, dictionary)


@dataclass(frozen=True)
class SuspectReport:
    """The document as checked (glossary added, synced and heard when media was given) and its suspects."""

    document: Document
    suspects: tuple[Suspect, ...]
    issues: tuple[Issue, ...]  # every issue of every rule, the suspects' included
    heard: bool  # audio evidence was gathered


def read_glossary(path: Path) -> list[GlossaryTerm]:
    """NAMES.txt: one glossary term a line, mishearings after `~` ("ISIL ~ sisal, Beisel"); # starts a comment.
    Read in any encoding a transcript may have (Notepad's UTF-16 too); FormatError says why it cannot be read."""
    terms = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        problem = line_problem(line)
        if problem is not None:
            raise FormatError(problem, path, number)
        terms.append(parse_term(line))
    return terms


def with_terms(document: Document, terms: Sequence[GlossaryTerm]) -> Document:
    """The document's glossary with the terms added (a term already there keeps its hints)."""
    known = {term.term for term in glossary_of(document)}
    extra = tuple(term for term in terms if term.term not in known)
    return replace(document, glossary=document.glossary + extra)


def listen_for_evidence(document: Document, media: Path, *, progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None, audio: Recording | None = None) -> Document:
    """The document's timed words with what the media's audio says at each (FormatError if unreadable);
    `audio` is the media's whole audio when the auto-sync just before decoded it (AlignResult.recording)."""
    report = progress or (lambda _fraction: None)
    if audio is None:
        try:
            audio, _ = decoded(media, progress=lambda f: report(f * DECODE_SHARE), cancelled=cancelled)
        except MediaError as error:
            raise unreadable_media(error, media) from None
    return gather_evidence(document, audio, progress=lambda f: report(DECODE_SHARE + (1 - DECODE_SHARE) * f),
                           cancelled=cancelled)


def carry_evidence(current: Document, heard: Document) -> Document:
    """`current` with the evidence `heard` gathered on an earlier state of it, on every cue whose words are
    still the same (staff may have edited while the audio was heard: their edits win)."""
    by_words = {tuple(word.text for word in cue.words): cue.words for cue in heard.cues if cue.words}
    cues = []
    for cue in current.cues:
        words = by_words.get(tuple(word.text for word in cue.words)) if cue.words else None
        same_times = words is not None and [(w.start_ms, w.end_ms) for w in words] == [
            (w.start_ms, w.end_ms) for w in cue.words]
        cues.append(replace(cue, words=words) if same_times and words is not None else cue)
    return current.with_cues(cues)


def find_suspects(document: Document, style: CaptionStyle, *, media: Path | None = None,
                  terms: Sequence[GlossaryTerm] = (), progress: Progress | None = None) -> SuspectReport:
    """Every likely garbled stretch in time order; with media the audio decides, without it spelling and the
    glossary's sound-alikes do."""
    document = with_terms(document, terms)
    heard = False
    if media is not None:
        audio = None
        if not is_aligned(document):
            result = aligned_whole(document, media)
            outcome = apply_alignment(document, result, style)
            document, audio = (document if isinstance(outcome, NoSpeech) else outcome.document), result.audio_of(media)
        if is_aligned(document):
            document, heard = listen_for_evidence(document, media, progress=progress, audio=audio), True
    issues = tuple(run_checks(document, style))
    problems = in_time_order(document, issues, WORD_KINDS)
    suspects = tuple(
        Suspect(p.issue.cue_index + 1, p.start_ms, p.found, p.issue.rule, p.issue.message,
                tuple(fix.replacement for fix in p.issue.fixes[:SHOWN]),
                p.issue.fixes[0].sources if p.issue.fixes else ())
        for p in problems
    )
    return SuspectReport(document, suspects, issues, heard)


def is_aligned(document: Document) -> bool:
    """Auto-sync timed the words from speech (it gives each a confidence; estimated times have none)."""
    return any(word.confidence is not None for cue in document.cues for word in cue.words)
