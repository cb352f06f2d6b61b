"""Line breaks inside one caption: fewest lines, best break point, shorter line on top when both fit.

A word longer than a line is never split (that would change the words a viewer reads and the words
alignment tracks); it overflows its line and the line-length check reports it.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.model import Word
from editor.core.style import CaptionStyle
from editor.core.words import break_cost

_TOP_LONGER_COST = 8  # a top line longer than the bottom reads worse (guidelines.md: prefer a pyramid)
_UNEVEN_COST_PER_CHAR = 0.4


def _tokens(words_or_text: Sequence[Word] | str) -> list[str]:
    if isinstance(words_or_text, str):
        return words_or_text.split()
    return [word.text for word in words_or_text]


def fits_in_lines(lengths: Sequence[int], max_chars: int, max_lines: int) -> bool:
    """Whether words of these lengths fill at most max_lines lines of max_chars (greedy fill is optimal)."""
    lines, line_length = 1, -1
    for length in lengths:
        if line_length + 1 + length <= max_chars or line_length < 0:
            line_length = length if line_length < 0 else line_length + 1 + length
        else:
            lines, line_length = lines + 1, length
    return lines <= max_lines


def _two_line_cost(tokens: list[str], split: int, max_chars: int) -> float:
    top, bottom = " ".join(tokens[:split]), " ".join(tokens[split:])
    overflow = max(0, len(top) - max_chars) + max(0, len(bottom) - max_chars)
    shape = _TOP_LONGER_COST if len(top) > len(bottom) else 0
    return overflow * 1000 + break_cost(tokens[split - 1], tokens[split]) + shape + _UNEVEN_COST_PER_CHAR * abs(
        len(top) - len(bottom)
    )


def _greedy_lines(tokens: list[str], max_chars: int) -> list[str]:
    lines: list[list[str]] = [[]]
    for token in tokens:
        if lines[-1] and len(" ".join([*lines[-1], token])) > max_chars:
            lines.append([])
        lines[-1].append(token)
    return [" ".join(line) for line in lines]


def break_lines(words_or_text: Sequence[Word] | str, style: CaptionStyle) -> str:
    """The caption's text as one line if it fits, else the best two lines (more only if it cannot fit)."""
    tokens = _tokens(words_or_text)
    text = " ".join(tokens)
    if len(text) <= style.max_chars_per_line or len(tokens) < 2 or style.max_lines < 2:
        return text
    if not fits_in_lines([len(token) for token in tokens], style.max_chars_per_line, 2) and style.max_lines > 2:
        return "\n".join(_greedy_lines(tokens, style.max_chars_per_line))
    best = min(range(1, len(tokens)), key=lambda split: _two_line_cost(tokens, split, style.max_chars_per_line))
    return " ".join(tokens[:best]) + "\n" + " ".join(tokens[best:])

