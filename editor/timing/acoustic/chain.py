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


def word_chain(model: AcousticModel, words: Sequence[Sequence[Sequence[str]]]) -> Chain:
    """The chain of words, each given as its pronunciations (phone lists, every phone one of the model's CI
    phones); a neighbouring word is taken in its first pronunciation for the context."""
    senones: list[np.ndarray] = []
    stays: list[np.ndarray] = []
    leaves: list[np.ndarray] = []
    firsts, word_of = [0], []
    for index, pronunciations in enumerate(words):
        before = words[index - 1][0][-1] if index > 0 else SILENCE
        after = words[index + 1][0][0] if index + 1 < len(words) else SILENCE
        for phones in pronunciations:
            for position, phone in enumerate(phones):
                left = phones[position - 1] if position > 0 else before
                right = phones[position + 1] if position + 1 < len(phones) else after
                triphone = model.phone_id(phone, left, right, _place(position, len(phones)))
                matrix = model.transitions[model.phone_matrix[triphone]]
                senones.append(model.phone_senones[triphone])
                stays.append(np.diagonal(matrix[:, :3]).copy())
                leaves.append(np.array([matrix[0, 1], matrix[1, 2], matrix[2, 3]], np.float32))
            firsts.append(firsts[-1] + 3 * len(phones))
            word_of.append(index)
    empty = np.zeros(0, np.float32)
    return Chain(
        np.asarray(firsts, np.int64),
        np.asarray(word_of, np.int64),
        np.concatenate(senones).astype(np.int64) if senones else np.zeros(0, np.int64),
        np.concatenate(stays).astype(np.float32) if stays else empty,
        np.concatenate(leaves).astype(np.float32) if leaves else empty,
    )


def _place(position: int, count: int) -> str:
    if count == 1:
        return "single"
    return "begin" if position == 0 else "end" if position == count - 1 else "internal"
