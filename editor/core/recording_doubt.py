"""The score below which a recording's aligned words are doubtful, measured once each time auto-sync scores them.

A low score is judged against the recording's own words. Where the acoustic model fits the voice poorly
(espeak-ng's British voices: 30-58 % of ordinary words score below LOW_CONFIDENCE), a low score says more about
the voice than about the word, and flagging it buried the user under a thousand false problems until listening
replaced them. So a word is doubtful only while its score is among the recording's lowest EXCEPTIONAL_SHARE; on
a voice the model fits, that is every word below LOW_CONFIDENCE.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.model import LOW_CONFIDENCE, Cue

EXCEPTIONAL_SHARE = 0.05  # a score this share of the recording's words reach or go below is not an exception
MIN_WORDS = 100  # below this the quantile rests on fewer than five words, too few to blame the voice


def recording_doubt_limit(cues: Sequence[Cue]) -> float:
    """LOW_CONFIDENCE, lowered to the EXCEPTIONAL_SHARE quantile of the cues' scores where more score that low."""
    scores = sorted(word.confidence for cue in cues for word in cue.words
                    if word.confidence is not None and not word.is_gap and not word.is_unheard)
    if len(scores) < MIN_WORDS:
        return LOW_CONFIDENCE
    return min(LOW_CONFIDENCE, scores[int(EXCEPTIONAL_SHARE * len(scores))])
