"""Where the words of a span go when the aligner could not place them: on speech, at the speaker's pace.

A span fails when its words do not fit the audio the recogniser heard (garbled text, noise, speech the
transcript lacks). Spreading its words evenly over the whole span put a sentence's first words on whatever
opened the span: a programme insert, music, or a long pause. Instead each run of words between two places
where unheard speech may sit keeps only the time its phones take at the pace the anchors measured, counted
on frames that hold speech, against the side an anchor holds: the words after a slot lead into the next
anchor, the words before the span's first slot run on from the anchor before.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence

import numpy as np

from editor.timing.anchors import MIN_PHONE_MS, PHONE_SLACK_MS
from editor.timing.chunks import FRAME_MS
from editor.timing.gaps import Onsets

Times = dict[int, tuple[int, int]]
SpeechFrames = Callable[[int, int], np.ndarray]  # (start_ms, end_ms) -> one bool per 10 ms frame: speech there
SNAP_BEFORE_MS = 1500  # how far before where its pace puts a run of words its pause may lie
SNAP_PAUSE_MS = 150


def fill_failed_span(
    items: Sequence[str | None], first: int, bounds: tuple[int, int], phones: Sequence[int], phone_ms: float,
    speech: Onsets, after_gap: Container[int], ends: Container[int],
) -> tuple[Times, Times]:
    """Token index -> (start_ms, end_ms) for the tokens of a failed span (`items` holds None at each slot
    for unheard speech, `phones[k]` the phones of the span's k-th token), and the unheard speech before each
    run that a `--` precedes (`after_gap`): the gap's words are said between the pause and the run. `ends`
    holds the tokens that end a sentence. Words of one sentence do not reach over music for speech (a quiet
    voice after music has less loud speech than its pace asks for: "And our question ..." took the sentence
    before's, 10 s early): a run going on into its sentence's next words takes speech only after the last
    music before them, a run going on from its sentence's anchored words only before the first music."""
    start_ms, end_ms = bounds
    groups = _groups(items)
    times: Times = {}
    unheard: Times = {}
    cursor = end_ms
    for number in range(len(groups) - 1, -1, -1):
        offset, count = groups[number]
        token = first + offset
        need = sum(phones[offset: offset + count]) * phone_ms
        closes = token in after_gap and _closes_before_a_slot(items, count, token, ends)
        if number == 0 and (items[0] is not None or closes or _runs_on(first, token, after_gap)):
            opens = token == 0 or token - 1 in ends  # else it runs on from its sentence's anchored words
            frames = _speech_from(speech.speech_frames, *(
                (start_ms, cursor) if opens else speech.without_music(start_ms, cursor)), need)
        else:
            low = start_ms if token + count - 1 in ends else speech.since_music(start_ms, cursor)[0]
            frames = _speech_until(speech.speech_frames, low, cursor, need)
            sentences = any(token + n in ends for n in range(count - 1))  # the run holds a sentence's end
            least_ms = sum(phones[offset: offset + count]) * MIN_PHONE_MS - PHONE_SLACK_MS if sentences else 0
            onset = _onset_before(speech, frames, low, cursor - max(FRAME_MS, round(least_ms)))
            if token in after_gap and onset is not None and onset < frames[0]:
                unheard[token] = (onset, frames[0])
            elif onset is not None:
                frames = _speech_frames_from(speech, onset, cursor)
        said_by = cursor
        if not frames and number + 1 < len(groups) and token + count - 1 not in ends:
            count, frames, said_by = _with_the_next(groups[number + 1], offset, first, times, unheard, speech)
        times.update(_share(frames, token, phones[offset: offset + count], said_by))
        cursor = min(cursor, times[token][0], *(unheard[token][:1] if token in unheard else ()))
    return times, unheard


def _with_the_next(
    following: tuple[int, int], offset: int, first: int, times: Times, unheard: Times, speech: Onsets,
) -> tuple[int, list[int], int]:
    """A run of words (from its `offset`-th token) left no speech of its own before the next run of its sentence
    (music before it, see fill_failed_span) shares that run's speech with it: the token count, speech frames and
    end of the two as one run; the `--` between them takes none ("And our question ..." after music, flagged as
    unheard when the words after the `--` took all the speech there)."""
    following_offset, following_count = following
    unheard.pop(first + following_offset, None)
    start, end = times[first + following_offset][0], times[first + following_offset + following_count - 1][1]
    return following_offset + following_count - offset, _speech_frames_from(speech, start, end), end


def _runs_on(first: int, token: int, after_gap: Container[int]) -> bool:
    """A slot before the span's first run that neither a `--` nor the media's start put there (a sentence
    boundary where time is to spare): the run still runs on from the anchor before the span."""
    return first > 0 and token not in after_gap


def _closes_before_a_slot(items: Sequence[str | None], count: int, token: int, ends: Container[int]) -> bool:
    """The span's first run (of `count` tokens from `token`) ends its sentence right before a slot: after a
    `--`, it runs on from the words before the span, and the slot after it is where speech the transcript
    lacks may sit (an insert after a sentence with a `--`)."""
    after = [n for n, item in enumerate(items) if item is not None][count - 1] + 1
    return token + count - 1 in ends and after < len(items) and items[after] is None


def _onset_before(speech: Onsets, frames: list[int], start_ms: int, latest_ms: int) -> int | None:
    """Where speech resumes after the longest pause near where the pace put a run of words: the pace is a
    guess, the pause before a sentence (or after an insert) is in the audio. Not after `latest_ms`: for a run
    of several sentences, a later pause leaves it no room to be said even fast, so it is one between two of its
    sentences ("that is not. That is not. | The definition here" all put after it, 2.6 s late). A run of one
    sentence has no such pause, and its words may be shorter than its text (swapped words)."""
    if not frames:
        return None
    low, high = max(start_ms, frames[0] - SNAP_BEFORE_MS), latest_ms
    return speech.after_longest_pause(low, high, SNAP_PAUSE_MS) if low < high else None


def _speech_frames_from(speech: Onsets, start_ms: int, end_ms: int) -> list[int]:
    loud = np.flatnonzero(speech.speech_frames(start_ms, end_ms))
    return [start_ms + int(frame) * FRAME_MS for frame in loud]


def _groups(items: Sequence[str | None]) -> list[tuple[int, int]]:
    """(offset of its first token, token count) of each run of tokens between slots."""
    groups: list[tuple[int, int]] = []
    offset, open_run = 0, False
    for item in items:
        if item is None:
            open_run = False
            continue
        if open_run:
            groups[-1] = (groups[-1][0], groups[-1][1] + 1)
        else:
            groups.append((offset, 1))
            open_run = True
        offset += 1
    return groups


def _speech_until(speech: SpeechFrames, start_ms: int, end_ms: int, need_ms: float) -> list[int]:
    """The last speech frames before end_ms (at most need_ms of them), as ms of each frame's start."""
    loud = np.flatnonzero(speech(start_ms, end_ms))
    taken = loud[len(loud) - min(len(loud), _frames(need_ms)):]
    return [start_ms + int(frame) * FRAME_MS for frame in taken]


def _speech_from(speech: SpeechFrames, start_ms: int, end_ms: int, need_ms: float) -> list[int]:
    """The first speech frames after start_ms (at most need_ms of them), as ms of each frame's start."""
    loud = np.flatnonzero(speech(start_ms, end_ms))[: _frames(need_ms)]
    return [start_ms + int(frame) * FRAME_MS for frame in loud]


def _frames(need_ms: float) -> int:
    return max(1, round(need_ms / FRAME_MS))


def _share(frames: list[int], first_token: int, phones: Sequence[int], end_ms: int) -> Times:
    """Consecutive tokens share the frames in proportion to their phones; without speech frames they sit
    at the end of the room they had."""
    if not frames:
        return {first_token + n: (end_ms, end_ms) for n in range(len(phones))}
    total = max(sum(phones), 1)
    times: Times = {}
    done = 0
    for n, count in enumerate(phones):
        low = len(frames) * done // total
        done += count
        high = max(low + 1, len(frames) * done // total)
        token_frames = frames[min(low, len(frames) - 1): high]
        times[first_token + n] = (token_frames[0], min(token_frames[-1] + FRAME_MS, end_ms))
    return times
