"""A word chain as HMM states: each word's pronunciations as context-dependent triphones of the acoustic model.

Each phone is three emitting states with the senones and transition matrix the model names for it between
its neighbours (the last phone of the word before, the first of the word after: the chain assumes the
transcript's order; where a word is skipped the context is slightly off, which costs little). A word says
any of its dictionary pronunciations, as recognition lets it ("minister" is M IH N AH S T ER or M IH N IH S T ER).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from editor.timing.acoustic.model import AcousticModel

SILENCE = "SIL"
Pronunciations = tuple[tuple[str, ...], ...]  # a word's ways to be said, each a tuple of phones


@dataclass(frozen=True)
class Chain:
    """States of tokens in order, a token being one way to say a word (a word's pronunciations are its tokens,
    side by side): token k owns states first_state[k] .. first_state[k+1]-1 and says word word_of[k]."""

    first_state: np.ndarray  # (tokens + 1,)
    word_of: np.ndarray  # (tokens,) nondecreasing
    senone: np.ndarray  # (states,) model senone of each state
    stay: np.ndarray  # (states,) log probability of staying in the state
    leave: np.ndarray  # (states,) log probability of moving on (to the next state, or out of the token)

    @property
    def words(self) -> int:
        return int(self.word_of[-1]) + 1 if len(self.word_of) else 0


class Chains:
    """Word chains in one model; each word's states between given neighbours are made once per process (a
    chunk's transcript window shares most of its words with the windows of the chunks beside it, and a
    12:45 programme's chains took 0.5 s CPU made afresh for every chunk)."""

    def __init__(self, model: AcousticModel) -> None:
        self.model = model
        self._words: dict[tuple[Pronunciations, str, str], tuple[np.ndarray, ...]] = {}

    def chain(self, words: Sequence[Pronunciations]) -> Chain:
        """The chain of words, each given as its pronunciations (phone tuples, every phone one of the model's
        CI phones); a neighbouring word is taken in its first pronunciation for the context."""
        pieces = [self._word(pronunciations, words[index - 1][0][-1] if index > 0 else SILENCE,
                             words[index + 1][0][0] if index + 1 < len(words) else SILENCE)
                  for index, pronunciations in enumerate(words)]
        if not pieces:
            empty = np.zeros(0, np.float32)
            return Chain(np.zeros(1, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64), empty, empty)
        sizes, senones, stays, leaves = (np.concatenate(part) for part in zip(*pieces, strict=True))
        return Chain(np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
                     np.repeat(np.arange(len(words)), [len(piece[0]) for piece in pieces]).astype(np.int64),
                     senones, stays, leaves)

    def _word(self, pronunciations: Pronunciations, before: str, after: str) -> tuple[np.ndarray, ...]:
        """States of each pronunciation of a word between the phones `before` and `after`: per pronunciation
        its count; per state its senone, and the log probabilities of staying and of moving on."""
        key = (pronunciations, before, after)
        if key not in self._words:
            senones, stays, leaves = [], [], []
            for phones in pronunciations:
                for position, phone in enumerate(phones):
                    left = phones[position - 1] if position > 0 else before
                    right = phones[position + 1] if position + 1 < len(phones) else after
                    triphone = self.model.phone_id(phone, left, right, _place(position, len(phones)))
                    matrix = self.model.transitions[self.model.phone_matrix[triphone]]
                    senones.append(self.model.phone_senones[triphone])
                    stays.append(np.diagonal(matrix[:, :3]))
                    leaves.append(np.array([matrix[0, 1], matrix[1, 2], matrix[2, 3]]))
            self._words[key] = (np.array([3 * len(phones) for phones in pronunciations], np.int64),
                                np.concatenate(senones).astype(np.int64), np.concatenate(stays).astype(np.float32),
                                np.concatenate(leaves).astype(np.float32))
        return self._words[key]


def _place(position: int, count: int) -> str:
    if count == 1:
        return "single"
    return "begin" if position == 0 else "end" if position == count - 1 else "internal"
