"""The caption model: words, cues and the document. Immutable, so an undo step is a pair of snapshots."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

GAP_TOKEN = re.compile(r"^-{2,}$")
LOW_CONFIDENCE = 0.5  # an aligned word below this is one the audio hardly supports: likely garbled
EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>.,;:!?…*«»"  # what may cling to a word's edges and is not the word


def is_gap_text(text: str) -> bool:
    """True for a `--` run: speech the transcriber could not hear."""
    return bool(GAP_TOKEN.match(text))


def spoken_form(token: str) -> str:
    """A token as it is said: whatever its case and the punctuation at its edges ("Dashwood," says "dashwood")."""
    return token.strip(EDGE_PUNCTUATION).casefold()


@dataclass(frozen=True, slots=True)
class HeardAlternative:
    """What the audio sounds like from a word on, when it fits other words better than the transcript's:
    `text` ("Erbil") would replace `words` transcript words from this one ("their bill"); `score` 0..1."""

    text: str
    words: int
    score: float


@dataclass(frozen=True, slots=True)
class Word:
    """One transcript token; a `--` run is kept as a gap word. Times are set by pacing or alignment.

    Audio evidence (after auto-sync, from the speech itself): `heard` the phones the audio holds over the word
    ("" when nobody listened), `support` how well they match the word (0..1), `alternatives` what they match
    better, best first. Checks read these, so they stay pure and the project file keeps them.
    """

    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    confidence: float | None = None
    heard: str = ""
    support: float | None = None
    alternatives: tuple[HeardAlternative, ...] = ()

    @property
    def is_gap(self) -> bool:
        return is_gap_text(self.text)

    @property
    def is_timed(self) -> bool:
        return self.start_ms is not None and self.end_ms is not None

    @property
    def is_doubtful(self) -> bool:
        """Alignment heard little of this word (likely garbled); a gap is unresolved, and a word with no audio
        at all unheard, rather than doubtful."""
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE and not self.is_gap \
            and not self.is_unheard

    @property
    def is_unheard(self) -> bool:
        """Alignment found no audio for this word (a passage cut from the programme): it sits at one instant
        with no confidence, rather than being stretched over someone else's speech."""
        return self.confidence == 0.0 and self.start_ms is not None and self.start_ms == self.end_ms and not self.is_gap


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption block on screen: lines joined by `\\n`, shown from start_ms until end_ms."""

    start_ms: int
    end_ms: int
    text: str
    words: tuple[Word, ...] = ()
    identifier: str = ""
    settings: str = ""  # WebVTT cue settings as read ("align:start line:0"), kept so a file round-trips

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def with_text(self, text: str) -> Cue:
        """The cue with new text; its timed words survive, written as the text now writes them, only if they are
        still the words said: a word re-cased or re-punctuated ("dashwood" typed as "Dashwood") sounds the same,
        so its times and audio evidence hold as listening again would find them."""
        tokens = text.split()
        same_words = len(tokens) == len(self.words) and all(
            spoken_form(word.text) == spoken_form(token) for word, token in zip(self.words, tokens, strict=True))
        if not same_words:
            return replace(self, text=text, words=())
        words = tuple(word if word.text == token else replace(word, text=token)
                      for word, token in zip(self.words, tokens, strict=True))
        return replace(self, text=text, words=words)

    def with_times(self, start_ms: int, end_ms: int) -> Cue:
        return replace(self, start_ms=start_ms, end_ms=end_ms)


@dataclass(frozen=True, slots=True)
class IgnoredProblem:
    """A problem staff chose to ignore: the rule, the words it is about, the words around them in the cue and,
    for timed words, when they are spoken, so it stays ignored when cues move, are retimed or re-cut, and comes
    back if those words change (checks/ignoring.py says how they are matched)."""

    rule: str
    text: str
    context: str
    at_ms: int | None = None


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A name as it must be written, with mishearings already seen (matched exactly, scored 1.0)."""

    term: str
    hints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a file said beyond its cues, kept so it round-trips; compared like any field, so an edit that
    changes only this is a change."""

    summary: str = ""  # a transcript header's summary and date
    date: str = ""
    webvtt_preamble: str = ""  # the header, STYLE and REGION blocks of a read .vtt ("": a bare WEBVTT line)
    substation_header: str = ""  # the [Script Info] and style sections of a read .ass or .ssa
    others: tuple[tuple[str, str], ...] = ()  # keys this Cueline does not know, from a newer project file


@dataclass(frozen=True, slots=True)
class Document:
    """The single source of truth: the ordered cues plus what the project knows about the programme."""

    cues: tuple[Cue, ...] = ()
    title: str = ""
    runtime_ms: int | None = None
    media_path: str | None = None
    style_name: str = "streaming"
    glossary: tuple[GlossaryTerm, ...] = ()
    ignored: tuple[IgnoredProblem, ...] = ()
    metadata: Metadata = Metadata()
    doubt_limit: float = LOW_CONFIDENCE  # a score below it is doubtful: the recording's (core/recording_doubt.py)

    def with_cues(self, cues: tuple[Cue, ...] | list[Cue]) -> Document:
        return replace(self, cues=tuple(cues))

    @property
    def words(self) -> list[Word]:
        """Every cue's words in order; cues without timed words contribute their text's tokens."""
        result: list[Word] = []
        for cue in self.cues:
            result.extend(cue.words or (Word(token) for token in cue.text.split()))
        return result
