"""Which transcript words a chunk of audio says, and when: our own aligner in place of recognition.

The chunk is aligned loosely against the transcript text expected near it (a word chain that may start and
end anywhere, skip words the audio lacks, and absorb audio the transcript lacks); see listener.py. This
module is what the anchor stage and its workers share: the job, and the process's listener, made on first
use so a process that only hands out jobs never loads numba (about 60 MB).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from editor.timing.recognize import HeardWord
from editor.timing.worker_lifetime import end_with_parent

if TYPE_CHECKING:
    from editor.timing.acoustic.listener import Listener


class ListenJob(NamedTuple):
    """One chunk of 16-bit mono 16 kHz audio and the transcript tokens it may say, in order."""

    pcm: bytes
    offset_ms: int
    tokens: tuple[str, ...]
    sentence_starts: tuple[int, ...] = ()  # which of the tokens open a sentence


class Hearing(NamedTuple):
    """What a chunk was heard to say, and how well the transcript's words fit its speech: nats a frame that
    the best path's words gain over the free phone loop (see listener.py)."""

    words: list[HeardWord]
    fit: float


_LISTENERS: list[Listener] = []


def init_listener(pronunciations: dict[str, list[str]]) -> None:
    """Make this process's listener (a worker serves many jobs) for the transcript's tokens, each with its
    pronunciations as phone strings ("M IH N AH S T ER")."""
    from editor.timing.acoustic.listener import Listener  # here: loads numba, needed only where jobs run

    end_with_parent()
    _LISTENERS[:] = [Listener(pronunciations)]


def hear_chunk(job: ListenJob) -> Hearing:
    """Words heard in a chunk, by this process's listener, and how well they fit."""
    return _LISTENERS[0].listen(job)
