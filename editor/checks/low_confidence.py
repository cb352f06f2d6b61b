"""Words auto-sync could hardly hear: likely garbled transcript words ("sisal" for ISIL) to check by ear.

A low score is judged against the recording's own words. Where the acoustic model fits the voice poorly
(espeak-ng's British voices: 30-58 % of ordinary words score below LOW_CONFIDENCE), a low score says more about
the voice than about the word, and flagging it buried the user under a thousand false problems until listening
replaced them. So a word is doubtful only while its score is among the recording's lowest EXCEPTIONAL_SHARE; on
a voice the model fits, that is every word below LOW_CONFIDENCE, as before.

Once audio evidence is gathered (suspect_words reads it), it speaks for the word instead.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence

from editor.checks.issue import Issue, Rule, Severity
from editor.checks.word_spans import word_spans
from editor.core.edits import diff_cues
from editor.core.model import LOW_CONFIDENCE, Cue, Document, Word
from editor.core.style import CaptionStyle

NAME = "low-confidence"
EXCEPTIONAL_SHARE = 0.05  # a score this share of the recording's words reach or go below is not an exception
MIN_WORDS = 100  # below this the quantile rests on fewer than five words, too few to blame the voice


def check(document: Document, style: CaptionStyle) -> list[Issue]:
    """A warning for each word the audio does not support, with its span and confidence."""
    limit = doubt_limit(document.cues)
    return [issue for index, cue in enumerate(document.cues) for issue in cue_doubts(cue, index, limit)]


def cue_doubts(cue: Cue, index: int, limit: float) -> list[Issue]:
    """The cue's words scored below `limit` (doubt_limit of its recording), as warnings with their spans."""
    issues = []
    for word, span in zip(cue.words, word_spans(cue), strict=False):
        if word.support is None and doubtful_in_recording(word, limit):
            message = f"the audio does not support “{word.text}” (confidence {word.confidence:.2f}): likely garbled"
            issues.append(Issue(index, Severity.WARNING, NAME, message, span))  # audio evidence, if any, says more
    return issues


def doubtful_in_recording(word: Word, limit: float) -> bool:
    """Whether alignment heard too little of the word, for a recording whose doubt_limit is `limit`."""
    return word.is_doubtful and word.confidence is not None and word.confidence < limit


def doubt_limit(cues: Sequence[Cue]) -> float:
    """The score below which a word of these cues is doubtful: LOW_CONFIDENCE, lowered to the recording's
    EXCEPTIONAL_SHARE quantile where more of its words score that low."""
    return _LAST.limit(cues)


class _SortedScores:
    """The scores of the last cues asked about, kept sorted and updated by each edit's changed cues only: the
    views that mark words ask on every keystroke, and re-reading 10,000 cues took 14 ms."""

    def __init__(self) -> None:
        self._cues: Sequence[Cue] = ()
        self._sorted: list[float] = []
        self._lock = threading.Lock()  # the checks may run in a worker thread too

    def limit(self, cues: Sequence[Cue]) -> float:
        with self._lock:
            if cues is not self._cues:
                self._update(cues)
            if len(self._sorted) < MIN_WORDS:
                return LOW_CONFIDENCE
            return min(LOW_CONFIDENCE, self._sorted[int(EXCEPTIONAL_SHARE * len(self._sorted))])


    def _update(self, cues: Sequence[Cue]) -> None:
        """Scores of the changed cues out, of their replacements in; sorted afresh when most cues changed."""
        change = diff_cues(self._cues, cues)
        self._cues = cues
        if 4 * len(change.inserted) > len(cues):  # another document, or a re-sync
            self._sorted = sorted(_scores(cues))
            return
        for score in _scores(change.removed):
            del self._sorted[bisect.bisect_left(self._sorted, score)]
        for score in _scores(change.inserted):
            bisect.insort(self._sorted, score)


def _scores(cues: Sequence[Cue]) -> list[float]:
    """The alignment scores of the cues' spoken words (not gaps, nor words without audio)."""
    return [word.confidence for cue in cues for word in cue.words
            if word.confidence is not None and not word.is_gap and not word.is_unheard]


_LAST = _SortedScores()

RULE = Rule(NAME, "words the audio does not support (after auto-sync)", check)
