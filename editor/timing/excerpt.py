"""Where in a whole programme's transcript an excerpt's audio belongs (a clip cut from the middle of it).

Auto-sync hears each stretch of audio against the transcript text its time suggests, so a clip from minute
four heard against the text of minute zero hears nothing. Here a stretch at each end of the clip is heard
against the whole transcript; pairs of words heard in transcript order vote for where the stretch is in the
transcript, and the clip's first and last words are reached from there at the speech's own rate. Two probes
of at most PROBE_MS cost the same whatever the programme's length.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from editor.core.model import Word
from editor.timing.recognize import ChunkJob, HeardWord, dictionary_text, hear_chunk, load_dictionary, new_decoder
from editor.timing.recording import Recording
from editor.timing.script import make_script, script_pronunciations

PROBE_MS = 20_000  # long enough for a dozen word pairs at any speaking rate, short enough to hear at once
PROBE_TRIES = 3  # a probe that places nothing (music, an ident) is moved this many times into the clip
MIN_VOTES = 4  # word pairs that must agree on a place, in order: a few pairs ("of the") match anywhere
# How far apart (tokens) two pairs' places may be and still be one place: words the recogniser missed or
# added shift a pair's place by that many.
PLACE_TOLERANCE = 12
# A frame is silence below this share of the loud frames' energy (-20 dB: breath and room noise, not speech).
QUIET_SHARE, LOUD_PERCENTILE = 0.01, 90
FRAME_MS = 10  # Recording.energy's frames
ORDINARY_TOKENS_PER_MS = 2.6 / 1000  # news speech (156 words a minute): the rate when only one probe places


class Heard(NamedTuple):
    """Transcript token `token` is said `at_ms` into the clip."""

    at_ms: int
    token: int


def locate_excerpt(words: Sequence[Word], audio: Recording) -> range | None:
    """The words (indices into `words`) the clip says, from its first to its last; None if no probe placed."""
    dictionary = load_dictionary()
    script = make_script(words, dictionary)
    if not script.tokens:
        return None
    decoder = new_decoder(dictionary_text(script_pronunciations(script, dictionary)))
    text = tuple(script.sentences_between(0, len(script.tokens)))

    def probe(start_ms: int) -> list[Heard]:
        end_ms = min(audio.duration_ms, start_ms + PROBE_MS)
        heard = hear_chunk(decoder, ChunkJob(audio.pcm_bytes(start_ms, end_ms), start_ms, text))
        return placed(heard, script.tokens)

    first = _first_placed(probe, range(0, audio.duration_ms, PROBE_MS))
    last = _first_placed(probe, range(max(0, audio.duration_ms - PROBE_MS), -1, -PROBE_MS))
    if first is None or last is None:
        return None
    start, end = _clip_tokens(first[0], last[-1], _sounding(audio), len(script.tokens))
    return range(script.owner[start], script.owner[end] + 1)


def _sounding(audio: Recording) -> tuple[int, int]:
    """Where the clip's sound starts and ends (ms): silence at its edges holds no words."""
    energy = audio.energy
    if not len(energy):
        return 0, audio.duration_ms
    loud = np.flatnonzero(energy >= QUIET_SHARE * np.percentile(energy, LOUD_PERCENTILE))
    return int(loud[0]) * FRAME_MS, min(audio.duration_ms, (int(loud[-1]) + 1) * FRAME_MS)


def _first_placed(probe: Callable[[int], list[Heard]], starts: range) -> list[Heard] | None:
    """The first of up to PROBE_TRIES probes (starting at `starts`) that places words in the transcript."""
    for start in starts[:PROBE_TRIES]:
        found = probe(start)
        if found:
            return found
    return None


def placed(heard: Sequence[HeardWord], tokens: Sequence[str]) -> list[Heard]:
    """The heard words whose pair with the next one heard is said at the transcript place most pairs agree on,
    in time order; [] unless at least MIN_VOTES of them follow each other there in time and in the text (a
    recogniser that knows only the transcript's words makes its pairs up from any speech, and a pair made up
    twice, or out of order, is no evidence)."""
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in range(len(tokens) - 1):
        where[tokens[index], tokens[index + 1]].append(index)
    votes = sorted(
        (index - position, position, index)
        for position in range(len(heard) - 1)
        for index in where.get((heard[position].token, heard[position + 1].token), ())
    )
    shifts = [shift for shift, _position, _index in votes]
    best: list[Heard] = []
    for low, shift in enumerate(shifts):
        high = bisect.bisect_right(shifts, shift + PLACE_TOLERANCE)
        if high - low > len(best):
            chain = _in_order(sorted(Heard(heard[position].start_ms, index) for _s, position, index in votes[low:high]))
            best = max(best, chain, key=len)
    return best if len(best) >= MIN_VOTES else []


def _in_order(found: list[Heard]) -> list[Heard]:
    """The longest run of `found` (in time order) whose tokens follow each other in the text."""
    longest: list[list[Heard]] = []
    for word in found:
        before = [chain for chain in longest if chain[-1].token < word.token and chain[-1].at_ms < word.at_ms]
        longest.append([*max(before, key=len, default=[]), word])
    return max(longest, key=len, default=[])


def _clip_tokens(first: Heard, last: Heard, sounding: tuple[int, int], count: int) -> tuple[int, int]:
    """The clip's first and last tokens: the placed ones, widened by what is said between the clip's sound's
    edges and them at the rate between them (the ordinary rate if they are too close to measure one)."""
    rate = ORDINARY_TOKENS_PER_MS
    if last.at_ms - first.at_ms >= PROBE_MS and last.token > first.token:
        rate = (last.token - first.token) / (last.at_ms - first.at_ms)
    start = max(0, first.token - round(max(0, first.at_ms - sounding[0]) * rate))
    end = min(count - 1, last.token + round(max(0, sounding[1] - last.at_ms) * rate))
    return start, max(start, end)

