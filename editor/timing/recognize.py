"""The speech recogniser behind auto-sync (pocketsphinx stays inside this module, so it can be swapped).

Two jobs, both on short stretches of audio so a worker process can run them: hear which transcript words
are spoken in a chunk (recognition with a language model made from the nearby transcript text only), and
place a known run of words inside a span (a grammar that is the words in order, where `--` gaps and the
span's edges may absorb speech the transcript lacks through a loop of phones).
"""

from __future__ import annotations

import functools
import io
import os
import tempfile
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pocketsphinx
from pocketsphinx.lm import ArpaBoLM

from editor.timing.recording import pcm16
from editor.timing.worker_lifetime import end_with_parent

FRAME_MS = 10
GARBAGE = ""  # token of a stretch the grammar's phone loop absorbed
# Unheard speech is absorbed by a loop of a few broad phones (open, front and central vowels, a fricative, a
# nasal, a stop, two liquids): it fits about as well as all 39, and each phone in the loop costs the acoustic
# model a codebook on every frame, so the full set made placing a span with a gap 3.5 times dearer.
_GARBAGE_PHONES = ("AA", "IY", "AH", "S", "N", "T", "L", "R")
_GARBAGE_WORDS = tuple(f"+garbage+{phone.lower()}" for phone in _GARBAGE_PHONES)
_FILLERS = ("<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]")
# How likely the grammar takes a phone of unheard speech instead of the next word (per phone).
_GARBAGE_ENTRY = 1e-3
_GARBAGE_REPEAT = 0.5
SPAN_BEAMS = (None, "1e-100")
BYTES_PER_MS = 32  # 16-bit audio at 16 kHz
MIN_SPAN_BYTES = 100 * BYTES_PER_MS  # 100 ms: too short to hold a word
# No word takes this long, even one the search stretched over music or an insert (up to 3.9 s seen): the
# search stayed in that word, so the chunk is heard afresh from RESUME_AFTER_MS past the word's start.
STUCK_WORD_MS = 5000
RESUME_AFTER_MS = 500


class HeardWord(NamedTuple):
    """A token the recogniser placed in time (ms from the start of the media)."""

    token: str
    start_ms: int
    end_ms: int


class ChunkJob(NamedTuple):
    """Recognise one chunk of audio against the transcript text expected around it."""

    pcm: bytes  # 16-bit mono at 16 kHz
    offset_ms: int
    sentences: tuple[str, ...]  # nearby transcript text, one sentence of spoken tokens per entry


class SpanJob(NamedTuple):
    """Place known tokens inside a span; None in `tokens` marks where unheard speech may sit."""

    pcm: bytes
    offset_ms: int
    tokens: tuple[str | None, ...]


@functools.cache
def load_dictionary() -> dict[str, list[str]]:
    """The pronouncing dictionary shipped with the acoustic model: token -> phone strings."""
    entries: dict[str, list[str]] = {}
    path = pocketsphinx.get_model_path(os.path.join("en-us", "cmudict-en-us.dict"))
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word, _, phones = line.strip().partition(" ")
            base = word.split("(", 1)[0]
            entries.setdefault(base, []).append(phones.strip())
    return entries


def dictionary_text(pronunciations: dict[str, list[str]]) -> str:
    """A small dictionary file for the recogniser: only the transcript's tokens, plus the phone loop."""
    lines = [f"{garbage} {phone}" for garbage, phone in zip(_GARBAGE_WORDS, _GARBAGE_PHONES, strict=True)]
    for token, variants in sorted(pronunciations.items()):
        lines.extend(f"{token if n == 0 else f'{token}({n + 1})'} {phones}" for n, phones in enumerate(variants))
    return "\n".join(lines) + "\n"


def init_worker(dictionary: str) -> None:
    """Build this process's decoder once (a worker serves many jobs); a worker ends with the editor."""
    end_with_parent()
    _decoder(dictionary)


_DECODERS: dict[str | None, Any] = {}  # this process's decoders, by beam (None: the recogniser's default)
_VOCABULARY: list[str] = []


def _decoder(dictionary: str | None = None, beam: str | None = None) -> Any:
    """The process's decoder for a beam width, rebuilt when the dictionary changes."""
    if dictionary is not None and [dictionary] != _VOCABULARY:
        _DECODERS.clear()
        _VOCABULARY[:] = [dictionary]
    if beam not in _DECODERS:
        widths = {} if beam is None else {"beam": beam, "pbeam": beam, "wbeam": beam, "maxhmmpf": -1}
        _DECODERS[beam] = new_decoder(_VOCABULARY[0], **widths)
    return _DECODERS[beam]


def new_decoder(dictionary: str, **settings: object) -> Any:
    """A decoder of the dictionary's words (see dictionary_text) with pocketsphinx's `settings` on top of
    auto-sync's (benchmarks/autosync/recognition_settings.py tries its speed settings with this)."""
    with tempfile.NamedTemporaryFile("w", suffix=".dict", delete=False, encoding="utf-8") as handle:
        handle.write(dictionary)
    # Batch cepstral normalisation: each job is normalised on its own audio. The default (live) carries the
    # mean over from the decoder's previous job, so results would depend on which worker ran what.
    decoder = pocketsphinx.Decoder(
        lm=None, dict=handle.name, loglevel="FATAL", fwdflat=False, bestpath=False, cmn="batch", **settings,
    )
    os.unlink(handle.name)
    return decoder


def recognize_chunk(job: ChunkJob) -> list[HeardWord]:
    """Words heard in a chunk; only transcript words nearby can be heard, which keeps the search small."""
    return hear_chunk(_decoder(), job)


def hear_chunk(decoder: Any, job: ChunkJob) -> list[HeardWord]:
    """Words a given decoder hears in a chunk (recognize_chunk with this process's decoder)."""
    model = ArpaBoLM(text="\n".join(job.sentences) + "\n", add_start=True)
    model.compute()
    with tempfile.NamedTemporaryFile("w", suffix=".arpa", delete=False, encoding="utf-8") as handle:
        buffer = io.StringIO()
        model.write(buffer)
        handle.write(buffer.getvalue())
    try:
        decoder.add_lm_file("chunk", handle.name)
    finally:
        os.unlink(handle.name)
    decoder.activate_search("chunk")
    return _past_stuck_words(decoder, job, _decode(decoder, job.pcm, job.offset_ms))


def _past_stuck_words(decoder: Any, job: ChunkJob, heard: list[HeardWord]) -> list[HeardWord]:
    """The words heard, where the search stayed in one word far longer than any word takes heard again from
    just after that word's start: in low rumble a voice the model fits poorly had one word heard from 7 s to
    the end of a 26 s chunk and nothing after it, so the rest of the programme went unanchored (16 s late)."""
    kept: list[HeardWord] = []
    while (stuck := next((n for n, word in enumerate(heard) if word.end_ms - word.start_ms > STUCK_WORD_MS), None)) \
            is not None:
        resume_ms = heard[stuck].start_ms + RESUME_AFTER_MS
        kept += heard[:stuck]
        heard = _decode(decoder, job.pcm[(resume_ms - job.offset_ms) * BYTES_PER_MS:], resume_ms)
    return kept + heard


def align_span(job: SpanJob) -> list[HeardWord] | None:
    """Tokens placed in the span in order (GARBAGE for absorbed speech), or None if they do not fit."""
    if len(job.pcm) < MIN_SPAN_BYTES:
        return None
    transitions = _grammar(job.tokens)
    final_state = max(target for _, target, *_ in transitions)
    expected = [token for token in job.tokens if token is not None]
    for beam in SPAN_BEAMS:  # noisy or unusual voices fall off a narrow beam: widen it until the words fit
        decoder = _decoder(beam=beam)
        decoder.add_fsg("span", decoder.create_fsg("span", 0, final_state, transitions))
        decoder.activate_search("span")
        heard = _decode(decoder, job.pcm, job.offset_ms, keep_garbage=True)
        if [word.token for word in heard if word.token != GARBAGE] == expected:
            return heard
    return None


def _grammar(tokens: Sequence[str | None]) -> list[tuple[int, int, float] | tuple[int, int, float, str]]:
    """A chain of the tokens in order; at each None a skippable, repeatable loop of phones."""
    transitions: list[tuple[int, int, float] | tuple[int, int, float, str]] = []
    for state, token in enumerate(tokens):
        if token is None:
            transitions.append((state, state + 1, 1.0))
            transitions.extend((state, state + 1, _GARBAGE_ENTRY, garbage) for garbage in _GARBAGE_WORDS)
            transitions.extend((state + 1, state + 1, _GARBAGE_REPEAT, garbage) for garbage in _GARBAGE_WORDS)
        else:
            transitions.append((state, state + 1, 1.0, token))
    if not transitions:
        transitions.append((0, 1, 1.0))
    return transitions


def _decode(decoder: Any, pcm: bytes, offset_ms: int, keep_garbage: bool = False) -> list[HeardWord]:
    """Run one utterance and read its word segments, dropping silences and noises."""
    # The model's noise removal keeps its noise estimate from the decoder's previous utterance (start_utt does
    # not reset it), so a job's words would depend on which jobs the process ran before: start afresh (< 1 ms).
    decoder.reinit_feat()
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    if decoder.hyp() is None:
        return []
    heard: list[HeardWord] = []
    for segment in decoder.seg():
        word = str(segment.word).split("(", 1)[0]
        if word in _FILLERS or not word or segment.start_frame < 0:  # "(NULL)": a grammar's empty move
            continue
        if word.startswith("+garbage+"):
            if not keep_garbage:
                continue
            word = GARBAGE
        start = offset_ms + int(segment.start_frame) * FRAME_MS
        heard.append(HeardWord(word, start, offset_ms + (int(segment.end_frame) + 1) * FRAME_MS))
    return heard


def pcm_bytes(samples: np.ndarray) -> bytes:
    """Float samples in [-1, 1] as the 16-bit PCM the recogniser reads."""
    return bytes(pcm16(samples).tobytes())
