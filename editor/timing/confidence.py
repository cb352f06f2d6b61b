"""How well the audio supports a word: the share of its phones the recogniser heard there, in order.

A word the recogniser heard as itself (an anchor) is fully supported. A word only placed by the aligner is
compared with what the recogniser heard over the same stretch: a misheard or garbled transcript word shares
few phones with the speech actually there, so it scores low and the editor flags it.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
from collections.abc import Container, Sequence

from editor.timing.recognize import HeardWord

HEARD = 1.0
UNPLACED = 0.0


def phones_heard(phones: Sequence[str], heard_phones: Sequence[str]) -> float:
    """Share of `phones` found in order within `heard_phones` (1.0 = all of them)."""
    if not phones:
        return HEARD
    matcher = difflib.SequenceMatcher(None, list(phones), list(heard_phones), autojunk=False)
    found = sum(block.size for block in matcher.get_matching_blocks())
    return found / len(phones)


class HeardTimeline:
    """The words the recogniser heard, in time order, so those near a placed word are found without scanning
    them all (an hour holds about 10,000: a scan per placed word made assembling it quadratic)."""

    def __init__(self, heard: Sequence[HeardWord]) -> None:
        self._words = sorted(heard, key=lambda word: word.start_ms)
        self._starts = [word.start_ms for word in self._words]
        self._reach = list(itertools.accumulate((word.end_ms for word in self._words), max))  # latest end so far

    def overlapping(self, start_ms: int, end_ms: int) -> list[HeardWord]:
        """Heard words that share at least half of their own time, or of the span's, with the span."""
        found = []
        index = bisect.bisect_left(self._starts, end_ms) - 1  # later words start too late to share time
        while index >= 0 and self._reach[index] > start_ms:
            word = self._words[index]
            shared = min(end_ms, word.end_ms) - max(start_ms, word.start_ms)
            if shared > 0 and 2 * shared >= min(end_ms - start_ms, word.end_ms - word.start_ms):
                found.append(word)
            index -= 1
        found.reverse()
        return found


def placed_support(
    token: str, start: int, end: int, heard: HeardTimeline, pronunciations: dict[str, list[str]],
    leaving_out: Container[int] = (),
) -> float:
    """How much of a token placed from start to end the recogniser heard at that time (without the heard
    words that start at a time in `leaving_out`)."""
    heard_phones = [
        phone for word in heard.overlapping(start, end) if word.start_ms not in leaving_out
        for phone in pronunciations.get(word.token, [""])[0].split()
    ]
    return phones_heard(pronunciations[token][0].split(), heard_phones)
