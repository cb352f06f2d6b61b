"""The best path through a word chain over a stretch of audio, loose at both ends (compiled with numba).

The path may start in any token and end anywhere; between two tokens it may pass through a gap that absorbs
audio the transcript lacks (silence free, other sound at a cost per frame against the best CI phone), and it
may jump over tokens the audio lacks at a cost per token skipped. What comes back is, per token, the frames
the path spent in it (or -1) and its acoustic score there.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from editor.timing.acoustic.chain import Chain
from editor.timing.acoustic.jit import compiled
from editor.timing.acoustic.scorer import Tops, senone_score

START, SELF = -2, -1  # where a gap or a token's first state came from, when not another token's last state
NONE = np.float32(-1e30)
Model = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # best densities, where, log weights, codebooks


class Path(NamedTuple):
    """Per token: first and last frame on the best path (-1 if not on it), and its acoustic score there."""

    first: np.ndarray
    last: np.ndarray
    score: np.ndarray


class Acoustics(NamedTuple):
    """What the search scores states with: the frames' best densities and the model's weights."""

    tops: Tops
    log_weights: np.ndarray
    codebook: np.ndarray


def best_path(chain: Chain, acoustics: Acoustics, gap: np.ndarray, costs: tuple[float, float],
              landings: np.ndarray, beam: float) -> Path:
    """The best path of `chain` over the frames, given the gap's log-likelihood per frame and the costs of
    skipping a token and of jumping to one of the `landings` tokens from anywhere; states scoring `beam` nats
    below the best on a frame are dropped (their senones are then never scored)."""
    count = len(chain.first_state) - 1
    first, last = np.full(count, -1, np.int64), np.full(count, -1, np.int64)
    score = np.zeros(count, np.float32)
    if count and len(gap):
        owner = np.repeat(np.arange(count), np.diff(chain.first_state))
        model = (acoustics.tops.values, acoustics.tops.where, acoustics.log_weights, acoustics.codebook)
        _search(chain.first_state, owner, chain.stay, chain.leave, chain.senone, model, gap,
                (np.float32(costs[0]), np.float32(costs[1])), np.asarray(landings, np.int64), np.float32(beam),
                first, last, score)
    return Path(first, last, score)


@compiled
def _search(firsts: np.ndarray, owner: np.ndarray, stay: np.ndarray, leave: np.ndarray, senone: np.ndarray,
            model: Model, gap: np.ndarray, costs: tuple[np.float32, np.float32], landings: np.ndarray,
            beam: np.float32, first: np.ndarray, last: np.ndarray, score: np.ndarray
            ) -> None:  # pragma: no cover - compiled
    frames, states, tokens = len(gap), len(owner), len(firsts) - 1
    moved = np.zeros((frames, states), np.uint8)
    entered = np.full((frames, tokens), START, np.int32)
    gapped = np.full((frames, tokens + 1), START, np.int32)
    cache = np.zeros(len(model[3]), np.float32)
    stamp = np.full(len(model[3]), -1, np.int64)
    value = np.empty(states, np.float32)
    for state in range(states):
        value[state] = _emission(model, cache, stamp, 0, senone[state])
    alive = np.ones(tokens, np.bool_)
    gaps = np.full(tokens + 1, gap[0])
    exits = np.empty(tokens, np.float32)
    reach = np.empty(tokens + 1, np.float32)
    reach_from = np.empty(tokens + 1, np.int32)
    for frame in range(1, frames):
        floor = max(value.max(), gaps.max()) - beam
        _reach(firsts, leave, value, costs, landings, exits, reach, reach_from)
        for token in range(tokens - 1, -1, -1):  # backwards, so a state's predecessor is still last frame's
            entry, source = reach[token], reach_from[token]
            if gaps[token] > entry:
                entry, source = gaps[token], SELF
            if not alive[token] and entry < floor:
                continue
            entered[frame, token] = source
            alive[token] = _step_token(firsts[token], firsts[token + 1], entry, floor, stay, leave, senone, model,
                                       cache, stamp, frame, value, moved[frame])
        for token in range(tokens + 1):
            if reach[token] > gaps[token]:
                gaps[token] = reach[token]
                gapped[frame, token] = reach_from[token]
            else:
                gapped[frame, token] = SELF
            gaps[token] += gap[frame]
    _trace(firsts, owner, senone, model, moved, entered, gapped, value, gaps, first, last, score)


@compiled
def _step_token(low: int, high: int, entry: float, floor: float, stay: np.ndarray, leave: np.ndarray,
                senone: np.ndarray, model: Model, cache: np.ndarray, stamp: np.ndarray, frame: int,
                value: np.ndarray, moved: np.ndarray) -> bool:  # pragma: no cover - compiled
    """One frame of one token's states (entered with `entry`); whether any is still within the beam."""
    alive = False
    for state in range(high - 1, low - 1, -1):
        kept = value[state] + stay[state]
        came = entry if state == low else value[state - 1] + leave[state - 1]
        if came > kept:
            kept = came
            moved[state] = 1
        if kept < floor:
            value[state] = NONE
        else:
            value[state] = kept + _emission(model, cache, stamp, frame, senone[state])
            alive = True
    return alive


@compiled
def _reach(firsts: np.ndarray, leave: np.ndarray, value: np.ndarray, costs: tuple[np.float32, np.float32],
           landings: np.ndarray, exits: np.ndarray, reach: np.ndarray, reach_from: np.ndarray
           ) -> None:  # pragma: no cover - compiled
    """reach[k]: the best way out of a token before k onto k, less the cost of the tokens skipped between; or,
    for the tokens in `landings`, out of the best token anywhere, less the cost of a jump (a path lost early
    comes back at a sentence's start)."""
    skip_cost, jump_cost = costs
    tokens = len(exits)
    for token in range(tokens):
        exits[token] = value[firsts[token + 1] - 1] + leave[firsts[token + 1] - 1]
    best, best_from = NONE, START
    for token in range(tokens + 1):
        reach[token], reach_from[token] = best, best_from
        if token < tokens:
            best -= skip_cost
            if exits[token] > best:
                best, best_from = exits[token], token
    anywhere = int(np.argmax(exits))
    jumped = exits[anywhere] - jump_cost
    for token in landings:
        if jumped > reach[token]:
            reach[token], reach_from[token] = jumped, anywhere


@compiled
def _emission(model: Model, cache: np.ndarray, stamp: np.ndarray, frame: int, senone: int
              ) -> float:  # pragma: no cover - compiled
    """A senone's score on a frame, computed once per frame however many states share it."""
    if stamp[senone] != frame:
        cache[senone] = senone_score(model[0], model[1], model[2], model[3], frame, senone)
        stamp[senone] = frame
    return float(cache[senone])


@compiled
def _trace(firsts: np.ndarray, owner: np.ndarray, senone: np.ndarray, model: Model, moved: np.ndarray,
           entered: np.ndarray, gapped: np.ndarray, value: np.ndarray, gaps: np.ndarray, first: np.ndarray,
           last: np.ndarray, score: np.ndarray) -> None:  # pragma: no cover - compiled
    """Walk the back pointers from the best end, noting each token's frames and score."""
    frames = moved.shape[0]
    state, in_gap = int(np.argmax(value)), -1
    if gaps.max() > value.max():
        state, in_gap = -1, int(np.argmax(gaps))
    for frame in range(frames - 1, -1, -1):
        if in_gap >= 0:
            source = gapped[frame, in_gap] if frame > 0 else START
            if source >= 0:
                state, in_gap = firsts[source + 1] - 1, -1
            continue
        token = owner[state]
        if last[token] < 0:
            last[token] = frame
        first[token] = frame
        score[token] += senone_score(model[0], model[1], model[2], model[3], frame, senone[state])
        if frame == 0 or not moved[frame, state]:
            continue
        if firsts[token] != state:
            state -= 1
            continue
        source = entered[frame, token]
        if source == SELF:
            in_gap = token
        elif source >= 0:
            state = firsts[source + 1] - 1
