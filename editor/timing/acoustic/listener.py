"""Hearing a chunk: features, codebook scores, and the loose word chain's best path through them.

Every word on the best path counts as heard: a gap pays only what the free loop of CI phones gains (see
phone_loop.py), so the path leaves sound a word does not fit to a gap rather than stretch the word over it.
Speech the path leaves to a gap comes back as GARBAGE, so the anchor stage never matches a run of words
across speech the transcript lacks.
"""

from __future__ import annotations

import numpy as np

from editor.timing.acoustic.chain import Chains
from editor.timing.acoustic.features import features
from editor.timing.acoustic.listen import Hearing, ListenJob
from editor.timing.acoustic.model import AcousticModel, load_model
from editor.timing.acoustic.phone_loop import loop_gains, loop_transitions
from editor.timing.acoustic.scorer import Scorer
from editor.timing.acoustic.viterbi import Acoustics, Path, best_path
from editor.timing.anchors import PAUSE_IN_SENTENCE_MS
from editor.timing.recognize import GARBAGE, HeardWord

FRAME_MS = 10
SKIP_COST = 15.0  # nats per transcript token the path jumps over
# nats for a jump to a sentence's start from anywhere (a path lost early, or past a passage the audio lacks,
# finds its way back); below BEAM, or the jump's first frame falls off the beam (at 150 no path ever jumped)
JUMP_COST = 80.0
# nats for a pause inside a sentence (one between sentences is free): as recognition's language model makes a
# pause likelier at a sentence's end, so a short opening word ("It") is not said in the tail of the sentence
# before and held over the pause between them (t-espeak-18dB: a caption 0.6 s early)
PAUSE_COST = 20.0
ABSORBED_MIN_FRAMES = 10  # speech a gap absorbs that breaks a run of words: a short word's worth (100 ms)
BEAM = 110.0  # nats below the frame's best at which a state is dropped (pocketsphinx's default beam, 1e-48)
# Every recording the model was trained on has a noise floor; digital silence (joins, espeak-ng's pauses, even
# inside words) lies far outside what its Gaussians saw, where the free phone loop beats any word. A floor of
# this level (about -61 dBFS, a quiet room) is laid under each job: espeak-ng speech in digital silence lost a
# third of its words to gaps at 3 LSB and none at 30; recordings with a noise floor of their own keep theirs.
NOISE_FLOOR = 30 / 32767
# nats a gap pays per frame of sound the phone loop scores over silence, beyond what the loop gains. At 1 (own
# hearing: more anchors on t-mix-inserts and t-espeak-inserts) a poorly fitting voice's words were forced over
# the next sentence's speech the transcript lacks ("a threat to" 1-2 s into t-mix-12dB's sentence 62: its
# caption 1.99 s late); at 0 t-mix-12dB's cue starts are .016 / .162 / .659 s (1: .017 / .202 / 1.989)
GAP_MARGIN = 0.0
# The model's noise phone: a gap holds it as freely as silence, as recognition's noise filler does. Scored by
# silence alone, room noise before a sentence opening with F or TH went to the fricative, 86 ms early
NOISE = "+NSN+"
# A word the path says seconds away from the words on either side of it (a long pause within a sentence is at
# most this long) is where the path crossed sound it had no better use for, not a word heard: espeak-ng's "And"
# fits pulsed tones better than the phone loop does, and an intro's tones took a sentence's first word
ALONE_MS = PAUSE_IN_SENTENCE_MS
STATES_PER_PHONE = 3
# frames beyond its shortest within which a sentence's first word entered straight from absorbed speech counts as
# squeezed into the gap's end: "our" took 7 and 9 frames (shortest 6) in t-mix-inserts and t-mix-shorts
SQUEEZED_FRAMES = 3


class Listener:
    """The model, its scorer and the transcript's pronunciations (token -> phone strings), once per process."""

    def __init__(self, pronunciations: dict[str, list[str]], model: AcousticModel | None = None) -> None:
        self.model = model or load_model()
        self.scorer = Scorer(self.model)
        self.phones = {token: tuple(tuple(variant.split()) for variant in variants)
                       for token, variants in pronunciations.items()}
        self.chains = Chains(self.model)
        self._ci = self.model.phone_senones[: len(self.model.phones)].ravel()
        self._quiet = self.model.phone_senones[[self.model.silence, self.model.phones.index(NOISE)]].ravel()
        self._loop = loop_transitions(self.model)

    def hear(self, job: ListenJob) -> list[HeardWord]:
        """Tokens of `job` on the best path through its audio, with their times in ms from the start of the
        media, and GARBAGE over each stretch of speech the path left to a gap (so a run of words matched in
        the transcript never reaches across speech the transcript lacks, as recognition's never did)."""
        return self.listen(job).words

    def listen(self, job: ListenJob) -> Hearing:
        """The words `hear` finds, and how well the transcript's words fit the chunk's speech: what the best
        path gains over a path spending every frame in a gap (the phone loop, or silence), per frame it spends
        in words."""
        path, speech, gap = self._search(job)
        absorbed = _absorbed(job, path.in_gap, speech)
        squeezed = self._squeezed(job, path, absorbed)
        words = sorted(_placed(job, path, ~squeezed) + absorbed, key=lambda word: word.start_ms)
        in_words = max(int(np.count_nonzero(~path.in_gap)), 1)
        return Hearing(words, (path.score - float(gap.sum())) / in_words)

    def _search(self, job: ListenJob) -> tuple[Path, np.ndarray, np.ndarray]:
        """The best path; which frames sound more like speech (the phone loop) than like silence; what a gap
        gains on each frame."""
        samples = np.frombuffer(job.pcm, "<i2").astype(np.float32) / 32767
        samples += np.random.default_rng(0).normal(0, NOISE_FLOOR, len(samples)).astype(np.float32)  # same per job
        frames = features(samples)
        if not job.tokens:
            frames = frames[:0]
        chain = self.chains.chain([self.phones[token] for token in job.tokens])
        tops = self.scorer.codebook_tops(frames)
        loop = loop_gains(self.scorer.scores(tops, self._ci), *self._loop)
        silence = self.scorer.scores(tops, self._quiet).max(axis=1)
        acoustics = Acoustics(tops, self.model.log_weights, self.model.senone_codebook)
        gap = np.maximum(silence, loop - GAP_MARGIN)
        path = best_path(chain, acoustics, gap, (SKIP_COST, JUMP_COST, PAUSE_COST),
                         np.asarray(job.sentence_starts, np.int64), BEAM)
        return path, loop > silence, gap

    def _squeezed(self, job: ListenJob, path: Path, absorbed: list[HeardWord]) -> np.ndarray:
        """Per visit of the path: a sentence's first word that the path enters straight from speech it absorbed
        and says at about its shortest. The path lent the word's own opening to the gap and squeezed the word
        into the gap's last frames (flite awb's "Our assistance": "our" in 70 ms, 0.22 s late); left unheard, the
        placing stage places it between the anchors. A one-word sentence said after an insert the path absorbed
        ("-- for.") and a word inside a sentence keep their own length and place."""
        absorbed_ends = np.array([word.end_ms for word in absorbed], np.int64)
        shortest = np.array([self._shortest(job.tokens[word]) for word in path.word], np.int64)
        squeezed: np.ndarray = (np.isin(job.offset_ms + path.first * FRAME_MS, absorbed_ends)
                                & np.isin(path.word, np.asarray(job.sentence_starts, np.int64))
                                & (path.last + 1 - path.first <= shortest + SQUEEZED_FRAMES))
        return squeezed

    def _shortest(self, token: str) -> int:
        """Frames of the token's shortest pronunciation: one in each state."""
        return STATES_PER_PHONE * min(len(variant) for variant in self.phones[token])


def _placed(job: ListenJob, path: Path, kept: np.ndarray) -> list[HeardWord]:
    """Each `kept` visit of the path to a word, but for a word standing alone: see ALONE_MS."""
    starts, ends = path.first, path.last + 1
    after = np.append(starts[1:], np.iinfo(np.int64).max // 2) - ends  # frames to the next word
    before = np.append(np.iinfo(np.int64).max // 2, after[:-1])  # frames since the last
    said = kept & ~(np.minimum(after, before) * FRAME_MS > ALONE_MS)
    return [HeardWord(job.tokens[word], job.offset_ms + int(start) * FRAME_MS, job.offset_ms + int(end) * FRAME_MS)
            for word, start, end in zip(path.word[said], starts[said], ends[said], strict=True)]


def _absorbed(job: ListenJob, in_gap: np.ndarray, speech: np.ndarray) -> list[HeardWord]:
    """GARBAGE over the speech of each stretch the path spent in a gap, where it holds ABSORBED_MIN_FRAMES."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], in_gap.view(np.int8), [0]])))
    found = []
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        said = start + np.flatnonzero(speech[start:end])
        if len(said) >= ABSORBED_MIN_FRAMES:
            found.append(HeardWord(GARBAGE, job.offset_ms + int(said[0]) * FRAME_MS,
                                   job.offset_ms + (int(said[-1]) + 1) * FRAME_MS))
    return found
