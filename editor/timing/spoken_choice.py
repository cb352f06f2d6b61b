"""Which of a few readings a stretch of speech says: each reading is forced-aligned to the same audio with
pocketsphinx's own acoustic model, and their scores compared (a likelihood ratio).

The free phone recogniser (heard_phones.py) confuses voiced and voiceless sounds and blurs unfamiliar voices;
aligning whole words against the audio weighs every frame of every phone instead, so "crisis" against "ISIS"
over the same span is decided by the sounds as spoken, not by one recognised phone string. This is the third
module that drives a pocketsphinx decoder (one decoder kind each: recognize.py for auto-sync, heard_phones.py
for the free phone loop, this one for grammars of given phones), so each can be swapped alone.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import pocketsphinx

FRAME_MS = 10
_LOG_BASE = math.log(1.0001)  # pocketsphinx's log base: its scores are 1.0001 ** (score in its units)
# Synthetic and unfamiliar voices fall off the default beams when forced to given words (see platform notes).
_BEAMS = {"beam": "1e-80", "pbeam": "1e-80", "wbeam": "1e-60", "maxhmmpf": -1}
# Where even those lose a reading's path (a third of the stretches on espeak-ng's clean voices, most of them
# garbled: the written words fit the speech worst there), every reading of the stretch is weighed again on these
# (where the job allows: their verdicts on a word a voice says unlike the dictionary are unreliable).
_WIDEST_BEAMS = {"beam": "1e-200", "pbeam": "1e-200", "wbeam": "1e-200", "maxhmmpf": -1}
_SEARCH = "reading"

Reading = tuple[str, ...]  # one phone string ("IH R AA K") per spoken token, in order


class ReadingsJob(NamedTuple):
    """Weigh readings of one stretch of 16-bit mono 16 kHz audio; `widen`: weigh them again on the widest beams
    where the usual ones lose a reading (weighing.py says where that verdict can be trusted)."""

    pcm: bytes
    readings: tuple[Reading, ...]
    widen: bool = True


@functools.cache
def _decoder(widest: bool = False) -> Any:
    """This process's decoder (built once; a worker serves many jobs). Batch cepstral normalisation and a fresh
    noise estimate per reading (`_score`), so a score depends on its own audio only, whichever ran before."""
    beams = _WIDEST_BEAMS if widest else _BEAMS
    return pocketsphinx.Decoder(lm=None, loglevel="FATAL", fwdflat=False, bestpath=False, cmn="batch", **beams)


def _token(decoder: Any, phones: str) -> str:
    """A dictionary entry named after its phones (added on first use), so any reading can be spelt."""
    name = "_" + "_".join(phones.lower().split())
    if decoder.lookup_word(name) is None:
        decoder.add_word(name, phones, True)
    return name


def weigh_readings(job: ReadingsJob) -> tuple[float | None, ...]:
    """Each reading's log-likelihood per 10 ms frame of the audio (pocketsphinx's units; higher fits better),
    or None where the reading could not be aligned at all. Only differences between readings mean anything."""
    scores = _weighed_on(_decoder(), job)
    return _weighed_on(_decoder(widest=True), job) if None in scores and job.widen else scores


def _weighed_on(decoder: Any, job: ReadingsJob) -> tuple[float | None, ...]:
    frames = max(1, len(job.pcm) // 2 * 1000 // 16_000 // FRAME_MS)
    decoder.reinit_feat()  # the noise estimate is learnt from this job's audio alone, by hearing it once first
    _score(decoder, job.pcm, job.readings[0], frames)
    return tuple(_score(decoder, job.pcm, reading, frames) for reading in job.readings)


def _score(decoder: Any, pcm: bytes, reading: Sequence[str], frames: int) -> float | None:
    tokens = [_token(decoder, phones) for phones in reading if phones]
    if not tokens:
        return None
    transitions = [(state, state + 1, 1.0, token) for state, token in enumerate(tokens)]
    decoder.add_fsg(_SEARCH, decoder.create_fsg(_SEARCH, 0, len(tokens), transitions))
    decoder.activate_search(_SEARCH)
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    hypothesis = decoder.hyp()
    if hypothesis is None or hypothesis.score <= 0.0:
        return None
    return math.log(hypothesis.score) / _LOG_BASE / frames
