"""What any sound scores frame by frame: a Viterbi pass over the free loop of the model's CI phones.

Each phone is its three states with the model's own transition matrix; starting a phone costs PHONE_ENTRY
(a phone insertion penalty). The best score's growth from one frame to the next is what the word chain pays
for a frame it leaves to a gap (audio the transcript lacks), so a word stretched over such audio (a word's
state may stay put for seconds) only wins where its senones fit that audio better than a sequence of phones.
Before, the gap scored the best CI senone of each frame less 10 nats, free of any transition: a word fitting
within 10 nats a frame beat it, and words lasted up to 5.6 s over music and pauses (t-mix-shorts' worst
sentence-start anchor 5.5 s off).

PHONE_ENTRY, measured with benchmarks/autosync/own_hearing.py (anchors / wrong / worst sentence-start anchor,
s): at -14 t-pauses-inserts 973 / 5 / 2.13; at -21 1189 / 3 / .38, t-mix-shorts 1614 / 1 / .59; at -28
1327 / 0 / .12 and 1674 / 0 / .37, t-mix-inserts 1741 / 0 / .37, t-espeak-inserts 1637 / 1 / .87; at -42
the insert variants' wrong anchors came back (t-espeak-inserts 3, 7.9 s). Recognition: 1202 / 0 / .12 and
1501 / 3 / 1.11.
"""

from __future__ import annotations

import numpy as np

from editor.timing.acoustic.jit import compiled
from editor.timing.acoustic.model import AcousticModel

PHONE_ENTRY = -28.0  # nats to start a phone in the loop (measured: see above)


def loop_transitions(model: AcousticModel) -> tuple[np.ndarray, np.ndarray]:
    """(phones, 3) log probabilities of staying in each state of each CI phone, and of moving on."""
    matrices = model.transitions[model.phone_matrix[: len(model.phones)]]
    stay = np.stack([matrices[:, state, state] for state in range(3)], axis=1)
    leave = np.stack([matrices[:, state, state + 1] for state in range(3)], axis=1)
    return np.ascontiguousarray(stay, np.float32), np.ascontiguousarray(leave, np.float32)


def loop_gains(emissions: np.ndarray, stay: np.ndarray, leave: np.ndarray) -> np.ndarray:
    """(frames,) what the loop's best path gains on each frame, given the (frames, phones * 3) log-likelihoods
    of the CI phones' states in order."""
    gains = np.zeros(len(emissions), np.float32)
    if len(emissions):
        _gains(emissions, stay, leave, np.float32(PHONE_ENTRY), gains)
    return gains


@compiled
def _gains(emissions: np.ndarray, stay: np.ndarray, leave: np.ndarray, entry: np.float32,
           gains: np.ndarray) -> None:  # pragma: no cover - compiled
    phones = stay.shape[0]
    value = np.full((phones, 3), np.float32(-1e30))
    for phone in range(phones):
        value[phone, 0] = emissions[0, 3 * phone]
    best = value.max()
    gains[0] = best
    for frame in range(1, len(emissions)):
        restart = np.float32(-1e30)
        for phone in range(phones):
            restart = max(restart, value[phone, 2] + leave[phone, 2])
        restart += entry
        top = np.float32(-1e30)
        for phone in range(phones):
            for state in range(2, -1, -1):
                came = restart if state == 0 else value[phone, state - 1] + leave[phone, state - 1]
                kept = max(value[phone, state] + stay[phone, state], came)
                value[phone, state] = kept + emissions[frame, 3 * phone + state]
                top = max(top, value[phone, state])
        gains[frame] = top - best
        best = top
