"""How well the acoustic model fits this recording, and the stricter evidence a poor fit demands.

pocketsphinx's acoustic model fits some voices poorly (espeak-ng's synthetic ones, among those measured):
there its phone recogniser and forced alignment both mistake ordinary words for names ("Kerry" heard as
Nouri). A fixed threshold cannot serve both kinds of voice, so the fit is measured on the recording itself:
how closely the phones heard over its ordinary dictionary words match their pronunciations (the transcript
is right about nearly all of them). A recording that fits well is judged as before; as the fit falls, the
phones alone must save more edits and a name that alignment alone puts forward must read more like the
written words, so a poorly fitting voice yields fewer, surer flags.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Chosen on the tune voices: flite slt and kal measure 0.77 and 0.73 (left as they were), espeak-ng en-us 0.54.
GOOD_FIT = 0.70  # at or above this mean fit, the model is trusted as it is
POOR_FIT = 0.55  # at or below it, the strictest demand
MIN_WORDS = 20  # fewer ordinary words than this say too little about the fit: the model is trusted


@dataclass(frozen=True)
class Demand:
    """How clearly the audio must favour a candidate over the written words before it counts."""

    min_share: float  # the share of its full phone gain a candidate must save on the phones alone
    written_alike: float  # how much a name that alignment alone puts forward must sound like the written words
    shortfall: float = 0.0  # how far its ordinary words fit below a well fitting recording's: the phones heard
    # fit any word that much worse, the right one included (noise masks sounds), so a fit is read that much higher


TRUSTED = Demand(min_share=0.3, written_alike=0.58)
STRICTEST = Demand(min_share=1.5, written_alike=0.68)


def misfit(fits: Sequence[float]) -> float:
    """0 where the model fits the recording well, rising to 1 at POOR_FIT (the fits of its ordinary words)."""
    if len(fits) < MIN_WORDS:
        return 0.0
    mean = sum(fits) / len(fits)
    return min(1.0, max(0.0, (GOOD_FIT - mean) / (GOOD_FIT - POOR_FIT)))


def shortfall(fits: Sequence[float]) -> float:
    """How far the recording's ordinary words fit below a well fitting recording's (0 with too few to tell)."""
    return max(0.0, GOOD_FIT - sum(fits) / len(fits)) if len(fits) >= MIN_WORDS else 0.0


def demand_for(fits: Sequence[float]) -> Demand:
    """The demand for a recording whose ordinary words the heard phones fit this well, between the two ends."""
    share = misfit(fits)
    return Demand(
        TRUSTED.min_share + share * (STRICTEST.min_share - TRUSTED.min_share),
        TRUSTED.written_alike + share * (STRICTEST.written_alike - TRUSTED.written_alike),
        shortfall(fits),
    )
