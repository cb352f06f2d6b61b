"""What the speech sounds like, phone by phone, with no transcript to lean on (the evidence behind proofing).

A free phone recogniser (pocketsphinx's allphone search, its acoustic model from the wheel) hears the audio
of each stretch of speech as ARPAbet phones. Unlike auto-sync's recognition, which can only hear transcript
words, it cannot be talked into hearing "sisal" where "ISIL" was said. This is the second module that calls
pocketsphinx (recognize.py is auto-sync's): one decoder kind each, so either can be swapped alone.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import pocketsphinx

FRAME_MS = 10
NOT_SPEECH = frozenset({"SIL", "+SPN+", "+NSN+", "<s>", "</s>", "<sil>"})
# Beams: the default is the recogniser's; a narrower beam here loses phones on synthetic voices.
_SEARCH = "phones"


class HeardPhone(NamedTuple):
    """A phone heard between two times (ms from the start of the media)."""

    phone: str
    start_ms: int
    end_ms: int


class PhoneJob(NamedTuple):
    """Hear the phones of one stretch of 16-bit mono 16 kHz audio that starts at offset_ms."""

    pcm: bytes
    offset_ms: int


@functools.cache
def _decoder() -> Any:
    """This process's phone decoder (built once; a worker serves many jobs)."""
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL", fwdflat=False, bestpath=False)
    decoder.add_allphone_file(_SEARCH, None)
    decoder.activate_search(_SEARCH)
    return decoder


def hear_phones(job: PhoneJob) -> list[HeardPhone]:
    """The phones heard in a stretch of audio, in time order (silences and noises left out)."""
    decoder = _decoder()
    decoder.reinit_feat()  # a fresh noise estimate: what is heard must not depend on this worker's previous job
    decoder.start_utt()
    decoder.process_raw(job.pcm, full_utt=True)
    decoder.end_utt()
    if decoder.hyp() is None:
        return []
    return [
        HeardPhone(str(segment.word), job.offset_ms + segment.start_frame * FRAME_MS,
                   job.offset_ms + (segment.end_frame + 1) * FRAME_MS)
        for segment in decoder.seg() or ()
        if str(segment.word) not in NOT_SPEECH
    ]
