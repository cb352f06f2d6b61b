"""A word chain as HMM states: each token's phones as context-dependent triphones of the acoustic model.

Each phone is three emitting states with the senones and transition matrix the model names for it between
its neighbours (the last phone of the token before, the first of the token after: the chain assumes the
transcript's order; where a word is skipped the context is slightly off, which costs little).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from editor.timing.acoustic.model import AcousticModel

SILENCE = "SIL"


@dataclass(frozen=True)
class Chain:
    """States of tokens in order: token k owns states first_state[k] .. first_state[k+1]-1."""

    first_state: np.ndarray  # (tokens + 1,)
    senone: np.ndarray  # (states,) model senone of each state
    stay: np.ndarray  # (states,) log probability of staying in the state
    leave: np.ndarray  # (states,) log probability of moving on (to the next state, or out of the token)


def word_chain(model: AcousticModel, phones: Sequence[Sequence[str]]) -> Chain:
    """The chain of tokens given as phone lists (every phone one of the model's CI phones)."""
    senones: list[np.ndarray] = []
    stays: list[np.ndarray] = []
    leaves: list[np.ndarray] = []
    firsts = [0]
    for index, word in enumerate(phones):
        before = phones[index - 1][-1] if index > 0 else SILENCE
        after = phones[index + 1][0] if index + 1 < len(phones) else SILENCE
        for position, phone in enumerate(word):
            left = word[position - 1] if position > 0 else before
            right = word[position + 1] if position + 1 < len(word) else after
            place = _place(position, len(word))
            triphone = model.phone_id(phone, left, right, place)
            matrix = model.transitions[model.phone_matrix[triphone]]
            senones.append(model.phone_senones[triphone])
            stays.append(np.diagonal(matrix[:, :3]).copy())
            leaves.append(np.array([matrix[0, 1], matrix[1, 2], matrix[2, 3]], np.float32))
        firsts.append(firsts[-1] + 3 * len(word))
    empty = np.zeros(0, np.float32)
    return Chain(
        np.asarray(firsts, np.int64),
        np.concatenate(senones).astype(np.int64) if senones else np.zeros(0, np.int64),
        np.concatenate(stays).astype(np.float32) if stays else empty,
        np.concatenate(leaves).astype(np.float32) if leaves else empty,
    )


def _place(position: int, count: int) -> str:
    if count == 1:
        return "single"
    return "begin" if position == 0 else "end" if position == count - 1 else "internal"
