"""Hearing a chunk: features, codebook scores, the loose word chain's best path, and which words on it fit.

A word on the best path is heard only if it fits its frames nearly as well as the free loop of CI phones
does: that keeps words pushed over inserts, or swapped in the transcript, out of the anchors, as
recognition did by not hearing them.
"""

from __future__ import annotations

import numpy as np

from editor.timing.acoustic.chain import word_chain
from editor.timing.acoustic.features import features
from editor.timing.acoustic.listen import ListenJob
from editor.timing.acoustic.model import AcousticModel, load_model
from editor.timing.acoustic.scorer import Scorer
from editor.timing.acoustic.viterbi import Acoustics, Path, best_path
from editor.timing.recognize import HeardWord

FRAME_MS = 10
GAP_COST = 10.0  # nats per frame below the best CI phone a gap scores on sound other than silence
SKIP_COST = 15.0  # nats per transcript token the path jumps over
JUMP_COST = 150.0  # nats for a jump to a sentence's start from anywhere (a path lost early finds its way back)
BEAM = 200.0  # nats below the frame's best at which a state is dropped
HEARD_MARGIN = 1.5  # nats per frame a heard word may fit worse than the chunk's median word


class Listener:
    """The model, its scorer and the transcript's pronunciations (token -> phones), once per process."""

    def __init__(self, phones: dict[str, tuple[str, ...]], model: AcousticModel | None = None) -> None:
        self.model = model or load_model()
        self.scorer = Scorer(self.model)
        self.phones = phones
        self._ci = self.model.phone_senones[: len(self.model.phones)].ravel()
        self._silence = self.model.phone_senones[self.model.silence]

    def hear(self, job: ListenJob) -> list[HeardWord]:
        """Tokens of `job` heard in its audio, with their times in ms from the start of the media: those on
        the best path that fit their frames nearly as well as the chunk's typical word does (how well any
        word fits depends on the voice and the recording)."""
        placed = self.place(job)
        if not placed:
            return []
        typical = float(np.median([fit for _, fit in placed]))
        return [word for word, fit in placed if fit >= typical - HEARD_MARGIN]

    def place(self, job: ListenJob) -> list[tuple[HeardWord, float]]:
        """Tokens on the best path through the chunk, each with how well it fits its frames: nats per frame
        against the free loop of CI phones (0: as well as the best phone on every frame)."""
        samples = np.frombuffer(job.pcm, "<i2").astype(np.float32) / 32767
        frames = features(samples)
        if not job.tokens or len(frames) == 0:
            return []
        chain = word_chain(self.model, [self.phones[token] for token in job.tokens])
        tops = self.scorer.codebook_tops(frames)
        loop = self.scorer.scores(tops, self._ci).max(axis=1)
        silence = self.scorer.scores(tops, self._silence).max(axis=1)
        acoustics = Acoustics(tops, self.model.log_weights, self.model.senone_codebook)
        path = best_path(chain, acoustics, np.maximum(silence, loop - GAP_COST),
                         (SKIP_COST, JUMP_COST), np.asarray(job.sentence_starts, np.int64), BEAM)
        return _placed(job, path, loop)


def _placed(job: ListenJob, path: Path, loop: np.ndarray) -> list[tuple[HeardWord, float]]:
    placed = []
    for token in np.flatnonzero(path.first >= 0):
        first, last = int(path.first[token]), int(path.last[token])
        fit = float(path.score[token] - loop[first: last + 1].sum()) / (last - first + 1)
        word = HeardWord(job.tokens[token], job.offset_ms + first * FRAME_MS, job.offset_ms + (last + 1) * FRAME_MS)
        placed.append((word, fit))
    return placed
