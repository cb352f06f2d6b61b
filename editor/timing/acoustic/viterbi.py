"""The best path through a word chain over a stretch of audio, loose at both ends (compiled with numba).

The path may start in any word and end anywhere, saying each word in one of its pronunciations (the chain's
tokens); between two words it may pass through a gap that absorbs audio the transcript lacks (what the free
phone loop gains there; inside a sentence at a cost), and it may jump over words the audio lacks at a cost per
word skipped, or to a sentence's start from anywhere. What comes back is each visit to a word, in order, with
the frames the path spent in it, per frame whether the path was in a gap, and the path's score.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from editor.timing.acoustic.chain import Chain
from editor.timing.acoustic.jit import compiled
from editor.timing.acoustic.scorer import Tops, senone_score

# where a gap or a token's first state came from, when not another token's last state (int32 as the back pointers
# are: numba's ahead-of-time build cannot type a variable holding either with a Python int)
START, SELF = np.int32(-2), np.int32(-1)
NONE = np.float32(-1e30)
Model = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # best densities, where, log weights, codebooks


class Path(NamedTuple):
    """Each visit of the best path to a word, in order: the word, its first and last frame (a path that jumped
    back to a sentence's start visits its words again); per frame: whether the path spent it in a gap; and the
    path's log-likelihood, costs included (a path spending every frame in one gap scores the gap's sum)."""

    word: np.ndarray
    first: np.ndarray
    last: np.ndarray
    in_gap: np.ndarray
    score: float


class Acoustics(NamedTuple):
    """What the search scores states with: the frames' best densities and the model's weights."""

    tops: Tops
    log_weights: np.ndarray
    codebook: np.ndarray


def best_path(chain: Chain, acoustics: Acoustics, gap: np.ndarray, costs: tuple[float, float, float],
              landings: np.ndarray, beam: float) -> Path:
    """The best path of `chain` over the frames, given the gap's log-likelihood per frame and the costs of
    skipping a word, of jumping to one of the `landings` words (sentence starts) from anywhere, and of a pause
    before any other word; states scoring `beam` nats below the best on a frame are dropped (their senones
    are then never scored)."""
    count = len(chain.first_state) - 1
    pause = np.full(chain.words + 1, np.float32(costs[2]))
    pause[np.asarray(landings, np.int64)] = pause[-1] = 0
    visits = np.full((3, len(gap)), -1, np.int64)  # token, first frame, last frame; at most one a frame
    in_gap = np.zeros(len(gap), np.bool_)
    score = np.array([gap.sum()], np.float32)
    if count and len(gap):
        owner = np.repeat(np.arange(count), np.diff(chain.first_state))
        model = (acoustics.tops.values, acoustics.tops.where, acoustics.log_weights, acoustics.codebook)
        _search((chain.first_state, chain.word_of), owner, chain.stay, chain.leave, chain.senone, model, gap,
                (np.float32(costs[0]), np.float32(costs[1])), np.asarray(landings, np.int64), pause,
                np.float32(beam), visits, in_gap, score)
    token, first, last = visits[:, visits[0] >= 0][:, ::-1]  # traced from the end
    return Path(chain.word_of[token], first, last, in_gap, float(score[0]))


@compiled
def _search(layout: tuple[np.ndarray, np.ndarray], owner: np.ndarray, stay: np.ndarray, leave: np.ndarray,
            senone: np.ndarray, model: Model, gap: np.ndarray, costs: tuple[np.float32, np.float32],
            landings: np.ndarray, pause: np.ndarray, beam: np.float32, visits: np.ndarray, in_gap: np.ndarray,
            score: np.ndarray) -> None:  # pragma: no cover - compiled
    firsts, word_of = layout
    values, where, log_weights, codebook = model
    frames, states, tokens, words = len(gap), len(owner), len(firsts) - 1, word_of[-1] + 1
    # back pointers, written only where the search steps (the trace reads no others): most of a chunk's
    # window is never entered, and its pages are never touched
    moved = np.empty((frames, states), np.uint8)
    entered = np.empty((frames, tokens), np.int32)
    gapped = np.empty((frames, words + 1), np.int32)
    cache = np.zeros(len(codebook), np.float32)  # each senone's score, computed once a frame (on `stamp`)
    stamp = np.full(len(codebook), -1, np.int64)  # however many states share it
    value = np.empty(states, np.float32)
    for state in range(states):
        value[state] = senone_score(values, where, log_weights, codebook, 0, senone[state])
    reached = firsts[1:].copy()  # per token: past its last state within the beam (its first state: none)
    gaps = np.full(words + 1, gap[0])  # gaps[w]: the best path sitting in the gap before word w
    exits = np.empty(tokens, np.float32)
    reach = np.empty(words + 1, np.float32)
    reach_from = np.empty(words + 1, np.int32)
    top, gaps_top = value.max(), gaps.max()  # the best state's and the best gap's value on the last frame
    for frame in range(1, frames):
        floor = max(top, gaps_top) - beam
        top, gaps_top = NONE, NONE
        _reach(layout, leave, value, costs, landings, exits, reach, reach_from)
        for token in range(tokens - 1, -1, -1):  # backwards, so a state's predecessor is still last frame's
            word = word_of[token]
            entry, source = reach[word], reach_from[word]
            if gaps[word] > entry:
                entry, source = gaps[word], SELF
            low = firsts[token]
            if reached[token] == low and entry < floor:
                continue
            entered[frame, token] = source
            # the token's states, up to the one after its last within the beam (those after it hold no path and
            # cannot get one this frame); written out here, not in a helper: a call handing over the arrays
            # cost more than the step (numba counts references to each array passed)
            last = low
            for state in range(min(reached[token] + 1, firsts[token + 1]) - 1, low - 1, -1):
                kept = value[state] + stay[state]
                came = entry if state == low else value[state - 1] + leave[state - 1]
                moved[frame, state] = came > kept
                kept = max(kept, came)
                if kept < floor:
                    value[state] = NONE
                    continue
                unit = senone[state]
                if stamp[unit] != frame:
                    cache[unit], stamp[unit] = senone_score(values, where, log_weights, codebook, frame, unit), frame
                value[state] = kept + cache[unit]
                top, last = max(top, value[state]), max(last, state + 1)
            reached[token] = last  # a token none of whose states is within the beam waits for a path to enter it
        for word in range(words + 1):
            if reach[word] - pause[word] > gaps[word]:
                gaps[word] = reach[word] - pause[word]
                gapped[frame, word] = reach_from[word]
            else:
                gapped[frame, word] = SELF
            gaps[word] += gap[frame]
            gaps_top = max(gaps_top, gaps[word])
    _trace(layout, owner, moved, entered, gapped, value, gaps, visits, in_gap)
    score[0] = max(value.max(), gaps.max())



@compiled
def _reach(layout: tuple[np.ndarray, np.ndarray], leave: np.ndarray, value: np.ndarray,
           costs: tuple[np.float32, np.float32], landings: np.ndarray, exits: np.ndarray, reach: np.ndarray,
           reach_from: np.ndarray) -> None:  # pragma: no cover - compiled
    """reach[w]: the best way out of a token (a word's pronunciation) before word w onto w, less the cost of
    the words skipped between; or, for the words in `landings`, out of the best token anywhere, less the cost
    of a jump (a path lost early comes back at a sentence's start, past a passage the audio lacks it finds the
    next)."""
    firsts, word_of = layout
    skip_cost, jump_cost = costs
    tokens, words = len(exits), len(reach) - 1
    for token in range(tokens):
        exits[token] = value[firsts[token + 1] - 1] + leave[firsts[token + 1] - 1]
    best, best_from, token = NONE, int(START), 0
    for word in range(words + 1):
        reach[word], reach_from[word] = best, best_from
        best -= skip_cost
        while token < tokens and word_of[token] == word:
            if exits[token] > best:
                best, best_from = exits[token], token
            token += 1
    anywhere = int(np.argmax(exits))
    jumped = exits[anywhere] - jump_cost
    for word in landings:
        if jumped > reach[word]:
            reach[word], reach_from[word] = jumped, anywhere



@compiled
def _trace(layout: tuple[np.ndarray, np.ndarray], owner: np.ndarray, moved: np.ndarray, entered: np.ndarray,
           gapped: np.ndarray, value: np.ndarray, gaps: np.ndarray, visits: np.ndarray, in_gap_frames: np.ndarray
           ) -> None:  # pragma: no cover - compiled
    """Walk the back pointers from the best end, noting each visit's token and frames (last visit first) and
    the frames spent in gaps."""
    firsts, word_of = layout
    frames = moved.shape[0]
    state, in_gap, visit = int(np.argmax(value)), -1, -1
    if gaps.max() > value.max():
        state, in_gap = -1, int(np.argmax(gaps))
    entering = True  # the next token met, walking back, starts a visit
    for frame in range(frames - 1, -1, -1):
        if in_gap >= 0:
            in_gap_frames[frame] = True
            source = gapped[frame, in_gap] if frame > 0 else START
            if source >= 0:
                state, in_gap = firsts[source + 1] - 1, -1
            entering = True
            continue
        token = owner[state]
        if entering:
            visit += 1
            visits[0, visit], visits[2, visit] = token, frame
            entering = False
        visits[1, visit] = frame
        if frame == 0 or not moved[frame, state]:
            continue
        if firsts[token] != state:
            state -= 1
            continue
        entering = True
        source = entered[frame, token]
        if source == SELF:
            in_gap = word_of[token]
        elif source >= 0:
            state = firsts[source + 1] - 1
