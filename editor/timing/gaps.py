"""Where `--` gaps sit in time: the unheard speech the aligner absorbed there, found in the audio.

A gap's word gets the stretch of speech the transcript lacks (so a caption opening with `--` starts when
that speech starts), and the gap's audio span runs from the word before to the word after, so the editor
can play all of what the transcriber missed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from editor.core.model import Word
from editor.timing.chunks import FRAME_MS
from editor.timing.confidence import UNPLACED
from editor.timing.script import ends_sentence

QUIET_FRAMES = 5  # 50 ms of quiet before an onset, so the previous word's tail is not taken for one
LOUD_FRAMES = 3
PAUSE_MS = 50
# A `--` stands for a few words the transcriber missed, said in at most about GAP_SPEECH_MS. Of a longer
# absorbed stretch (a programme insert beside the unheard words) it takes only GAP_SPEECH_MS at one end,
# cut at a pause of at least PHRASE_PAUSE_MS (see _gap_speech).
GAP_SPEECH_MS = 3000
PHRASE_PAUSE_MS = 300
FOREIGN_SPEECH_MS = 1000  # unheard speech this long is speech the transcript lacks, not a misheard word or two
FOREIGN_PAUSE_MS = 300  # the pause that ends speech the transcript lacks, before a sentence of its own
DIGITAL_SILENCE = (1 / 32768) ** 2  # a frame's mean square below one 16-bit step: no microphone is open


def loudness_threshold(energy: np.ndarray) -> float:
    """Halfway (in decibels) between the noise floor and speech level: above it, someone is talking.

    The floor is the quietest sound the recordings make (their room noise): pauses of digital silence, as
    an edit joining recordings leaves, would put it at zero and the room noise above the threshold."""
    sounding = energy[energy > DIGITAL_SILENCE]
    if len(sounding) == 0:
        return DIGITAL_SILENCE
    noise, speech = float(np.percentile(sounding, 10)), float(np.percentile(sounding, 90))
    return max(float(np.sqrt(noise * speech)), speech * 1e-3)


def speech_onsets(
    energy: np.ndarray, threshold: float, start_ms: int, end_ms: int, quiet_frames: int = QUIET_FRAMES,
) -> list[tuple[int, int]]:
    """(onset_ms, pause_ms before it) for each start of speech after a pause of at least `quiet_frames`: speech
    that is loud for most of the next few frames (a soft consonant may dip before its vowel)."""
    loud = energy[start_ms // FRAME_MS: end_ms // FRAME_MS] > threshold
    onsets = []
    quiet_run = 0
    for frame in range(len(loud)):
        if not loud[frame]:
            quiet_run += 1
        elif quiet_run >= quiet_frames and loud[frame: frame + 2 * LOUD_FRAMES].sum() >= LOUD_FRAMES:
            onsets.append((start_ms + frame * FRAME_MS, quiet_run * FRAME_MS))
            quiet_run = 0
        else:
            quiet_run = 0
    return onsets


class Onsets:
    """Speech onsets in one recording. Frames where music plays (`music`, see speech_likeness.py) count as
    quiet, however loud: nobody speaks there (music louder than a quiet voice passed the threshold, and the
    sentence after it went on it)."""

    def __init__(self, energy: np.ndarray, music: np.ndarray | None = None) -> None:
        self._threshold = loudness_threshold(energy)
        self._music = np.zeros(len(energy), bool) if music is None else music[: len(energy)]
        self._energy = np.where(self._music, 0.0, energy) if self._music.any() else energy

    def without_music(self, start_ms: int, end_ms: int) -> tuple[int, int]:
        """The part of [start, end) that no music interrupts, seen from its start: where the first music in it
        begins (end if none)."""
        music = np.flatnonzero(self._music[start_ms // FRAME_MS: end_ms // FRAME_MS])
        return start_ms, (start_ms // FRAME_MS + int(music[0])) * FRAME_MS if len(music) else end_ms

    def since_music(self, start_ms: int, end_ms: int) -> tuple[int, int]:
        """The part of [start, end) that no music interrupts, seen from its end: from where the last music in it
        stops (start if none)."""
        music = np.flatnonzero(self._music[start_ms // FRAME_MS: end_ms // FRAME_MS])
        return (start_ms // FRAME_MS + int(music[-1]) + 1) * FRAME_MS if len(music) else start_ms, end_ms

    def __call__(self, start_ms: int, end_ms: int) -> int | None:
        """The first onset after a short pause in [start, end)."""
        found = speech_onsets(self._energy, self._threshold, start_ms, end_ms)
        return found[0][0] if found else None

    def after_longest_pause(self, start_ms: int, end_ms: int, pause_ms: int) -> int | None:
        """The onset after the longest pause (of at least pause_ms) in [start, end)."""
        found = speech_onsets(self._energy, self._threshold, start_ms, end_ms, pause_ms // FRAME_MS)
        return max(found, key=lambda onset: onset[1])[0] if found else None

    def after_pauses(self, start_ms: int, end_ms: int, pause_ms: int) -> list[int]:
        """Every onset after a pause of at least pause_ms in [start, end)."""
        found = speech_onsets(self._energy, self._threshold, start_ms, end_ms, pause_ms // FRAME_MS)
        return [onset for onset, _ in found]

    def last_after_pause(self, start_ms: int, end_ms: int, pause_ms: int) -> int | None:
        """The last onset after a pause of at least pause_ms in [start, end)."""
        found = speech_onsets(self._energy, self._threshold, start_ms, end_ms, pause_ms // FRAME_MS)
        return found[-1][0] if found else None

    def quiet_since(self, start_ms: int, at_ms: int) -> int:
        """Where the quiet that lasts until `at_ms` began, at `start_ms` at the earliest: the end of the speech
        before it (`at_ms` itself amid speech)."""
        loud = np.flatnonzero(self.speech_frames(start_ms, at_ms))
        return min((start_ms // FRAME_MS + int(loud[-1]) + 1) * FRAME_MS, at_ms) if len(loud) else start_ms

    def pause_after(self, start_ms: int, end_ms: int, pause_ms: int) -> int:
        """Where the first pause of at least pause_ms after start begins (end if none comes before it)."""
        loud = self._energy[start_ms // FRAME_MS: end_ms // FRAME_MS] > self._threshold
        quiet_run = 0
        for frame, is_loud in enumerate(loud):
            quiet_run = 0 if is_loud else quiet_run + 1
            if quiet_run * FRAME_MS >= pause_ms:
                return start_ms + (frame + 1 - quiet_run) * FRAME_MS
        return end_ms

    def speech_frames(self, start_ms: int, end_ms: int) -> np.ndarray:
        """One bool per 10 ms frame in [start, end): someone speaks there."""
        return np.asarray(self._energy[start_ms // FRAME_MS: end_ms // FRAME_MS] > self._threshold)

    def quiet(self, start_ms: int, end_ms: int) -> bool:
        """Nobody speaks between start and end."""
        frames = self._energy[start_ms // FRAME_MS: max(end_ms // FRAME_MS, start_ms // FRAME_MS + 1)]
        return bool(len(frames)) and bool((frames <= self._threshold).all())


def place_untimed(
    words: Sequence[Word], timed: Sequence[Word | None], boundaries: Sequence[int],
    unheard: dict[int, tuple[int, int]], onset: Onsets,
) -> tuple[list[Word], list[tuple[int, int]]]:
    """Every word timed, and the audio span of each run of gaps; `boundaries[n]` is word n's first token."""
    result: list[Word] = []
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        current = timed[index]
        if current is not None:
            result.append(current)
            index += 1
            continue
        run_end = next((n for n in range(index, len(words)) if timed[n] is not None), len(words))
        before = (result[-1].end_ms or 0) if result else 0
        following = timed[run_end] if run_end < len(words) else None
        after = max(before, following.start_ms or 0) if following is not None else before
        start, end = unheard.get(boundaries[run_end], (before, after))
        opens_sentence = index == 0 or ends_sentence(words[index - 1].text)
        if opens_sentence and not ends_sentence(words[run_end - 1].text):
            end = max(end, after)  # its words lead into the sentence's own, wherever those were moved to
        start, end = _gap_speech(onset, before, (start, end), opens_sentence)
        start, end = max(start, before), max(min(end, after), before)
        result.extend(_share(words[index:run_end], start, max(start, end)))
        if after > before and any(word.is_gap for word in words[index:run_end]):
            spans.append((before, after))
        index = run_end
    return result, spans


def _gap_speech(onset: Onsets, before: int, stretch: tuple[int, int], opens_sentence: bool) -> tuple[int, int]:
    """Where the unheard speech lies: the absorbed stretch, its start moved to a clearer onset nearby (for a
    gap that opens a sentence, the one after the longest pause: the sentence before may end in a misheard
    word whose tail the aligner left to the gap). A gap that opens a sentence whose stretch starts after a
    pause, with an insert's worth of speech (FOREIGN_SPEECH_MS) between the sentence before and that pause,
    keeps that start: the gap's words were said after the insert ("-- for." between two inserts: moved back
    to the first insert's onset, 3.5 s early), or the start after a longer pause that ends the insert
    (_after_a_longer_pause). Less speech there is the gap's own first words. A stretch too long for a gap's
    few words holds speech that is not the gap's (a programme insert): a gap that opens a sentence keeps the
    end of it, leading into the sentence's words; any other gap keeps the start, running on from the words
    before it."""
    start, end = stretch
    took_the_pause = start <= before + PAUSE_MS  # the phone loop took the pause too: speech starts at an onset
    if took_the_pause and opens_sentence:  # the pause between sentences, not one inside a misheard last word
        start = onset.after_longest_pause(before, end, PAUSE_MS) or start
    elif took_the_pause:
        start = onset(before, end) or start
    elif not (opens_sentence and onset.quiet(start - PAUSE_MS, start) and _insert_between(onset, before, start)):
        start = min(start, onset(before, start) or start)
    else:
        start = _after_a_longer_pause(onset, before, start)
    if end - start <= GAP_SPEECH_MS:
        return start, end
    if opens_sentence:
        return onset.after_longest_pause(end - GAP_SPEECH_MS, end, PHRASE_PAUSE_MS) or start, end
    return start, onset.pause_after(start, start + GAP_SPEECH_MS, PHRASE_PAUSE_MS)


def _after_a_longer_pause(onset: Onsets, before: int, start: int) -> int:
    """The gap's start after an insert: the stretch's own start, unless a pause longer than the one before it
    ends within a gap's words (GAP_SPEECH_MS) of that pause, after the insert's onset. Then the longer pause
    ends the insert and the stretch's pause ends the gap's sentence: the aligner put the stretch on the next
    sentence's first word ("-- for." after a 5 s insert opened 2.1 s late)."""
    insert_onset = onset(before, start)
    if insert_onset is None:
        return start
    words_end = onset.quiet_since(before, start)
    longer = onset.after_longest_pause(max(insert_onset, words_end - GAP_SPEECH_MS), start,
                                       start - words_end + FRAME_MS)
    return longer or start


def _insert_between(onset: Onsets, start_ms: int, end_ms: int) -> bool:
    """Too much speech lies between start and end to be a misheard word or two: speech the transcript lacks."""
    return int(onset.speech_frames(start_ms, end_ms).sum()) * FRAME_MS >= FOREIGN_SPEECH_MS


def _share(words: Sequence[Word], start_ms: int, end_ms: int) -> list[Word]:
    """Consecutive untimed words split a stretch of time evenly; they are unheard, so confidence 0."""
    step = (end_ms - start_ms) / len(words)
    return [
        Word(word.text, start_ms + round(step * n), start_ms + round(step * (n + 1)), UNPLACED)
        for n, word in enumerate(words)
    ]
