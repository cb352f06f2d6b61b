"""How well the audio supports a word: the share of its phones the recogniser heard there, in order.

A word the recogniser heard as itself (an anchor) is fully supported. A word only placed by the aligner is
compared with what the recogniser heard over the same stretch: a misheard or garbled transcript word shares
few phones with the speech actually there, so it scores low and the editor flags it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

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


def overlapping(heard: Sequence[HeardWord], start_ms: int, end_ms: int) -> list[HeardWord]:
    """Heard words that share at least half of their own time, or of the span's, with the span."""
    result = []
    for word in heard:
        shared = min(end_ms, word.end_ms) - max(start_ms, word.start_ms)
        if shared > 0 and 2 * shared >= min(end_ms - start_ms, word.end_ms - word.start_ms):
            result.append(word)
    return result
