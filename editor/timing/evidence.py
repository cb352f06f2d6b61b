"""Audio evidence for proofing: the phones the speech holds over every timed word, then what they support.

Runs after auto-sync (it needs word times) on the same 16 kHz recording (recording.py). Speech is cut into
stretches at pauses and `--` gaps; a free phone recogniser hears each stretch (in worker processes for long audio); each
phone goes to the word whose time holds its middle. The phones propose candidates (glossary names, the
transcript's topic words, joined words, words one sound away); forced alignment weighs each against the
written words over the same audio (weighing.py, spoken_choice.py); `sounds_like.rescore` then gives every
word its support and alternatives. Rescoring without the weights (a changed glossary, no audio at hand)
falls back on the phones alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from editor.core.model import Cue, Document, Word
from editor.timing.heard_phones import HeardPhone, PhoneJob, hear_phones
from editor.timing.recognize import dictionary_text
from editor.timing.recording import Recording
from editor.timing.sounds_like import rescore
from editor.timing.spoken_choice import ReadingsJob, weigh_readings
from editor.timing.weighing import Question, questions, weighed
from editor.timing.workers import Progress, Workers

PAUSE_MS = 400  # a pause this long ends a stretch
MAX_STRETCH_MS = 20_000
EDGE_MS = 100  # audio kept around a stretch, so its first and last phones are whole
PARALLEL_FROM_MS = 60_000
LISTENING_SHARE = 0.7
WEIGHING_SHARE = 0.97  # weighing candidates most of the rest; scoring the last  # hearing phones is most of the work

_Place = tuple[int, int]  # (cue index, word index)


def gather_evidence(
    document: Document, audio: Recording, *, progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """The document with every timed word's heard phones, support and alternatives.

    Raises timing.workers.AlignmentCancelled when `cancelled` turns true; the caller keeps its document.
    """
    stretches = _stretches(document)
    duration_ms = audio.duration_ms

    def job(index: int) -> PhoneJob:
        start, end = _bounds(document, stretches[index], duration_ms)
        return PhoneJob(audio.pcm_bytes(start, end), start)

    with Workers(dictionary_text({}), cancelled, duration_ms >= PARALLEL_FROM_MS) as workers:
        heard = workers.run(hear_phones, len(stretches), job, Progress(progress, 0.0, LISTENING_SHARE, len(stretches)))
        phones = {place: text for stretch, found in zip(stretches, heard, strict=True)
                  for place, text in _assign(document, stretch, found).items()}
        with_phones = _with_heard(document, phones)
        asked = questions(with_phones)
        answers = workers.run(weigh_readings, len(asked), lambda index: _readings_job(asked[index], audio),
                              Progress(progress, LISTENING_SHARE, WEIGHING_SHARE, len(asked)))
    result = rescore(with_phones, weighed(asked, answers))
    if progress is not None:
        progress(1.0)
    return result


def _readings_job(question: Question, audio: Recording) -> ReadingsJob:
    return ReadingsJob(audio.pcm_bytes(question.start_ms, question.end_ms), question.readings, question.widen)


def _word(document: Document, place: _Place) -> Word:
    return document.cues[place[0]].words[place[1]]


def _stretches(document: Document) -> list[list[_Place]]:
    """Runs of words auto-sync timed from the speech, spoken without a long pause or a `--` gap between them
    (a word it did not time has an estimate at most, maybe past the end of an excerpt's audio)."""
    stretches: list[list[_Place]] = []
    current: list[_Place] = []
    for cue_index, cue in enumerate(document.cues):
        for word_index, word in enumerate(cue.words):
            if word.is_gap or word.confidence is None or word.start_ms is None or word.end_ms is None:
                current = _closed(stretches, current)
                continue
            if current:
                first, last = _word(document, current[0]), _word(document, current[-1])
                paused = word.start_ms - (last.end_ms or 0) > PAUSE_MS
                if paused or word.end_ms - (first.start_ms or 0) > MAX_STRETCH_MS:
                    current = _closed(stretches, current)
            current.append((cue_index, word_index))
    _closed(stretches, current)
    return stretches


def _closed(stretches: list[list[_Place]], current: list[_Place]) -> list[_Place]:
    if current:
        stretches.append(current)
    return []


def _bounds(document: Document, stretch: Sequence[_Place], duration_ms: int) -> tuple[int, int]:
    start = _word(document, stretch[0]).start_ms or 0
    end = _word(document, stretch[-1]).end_ms or start
    return max(0, start - EDGE_MS), min(duration_ms, end + EDGE_MS)


def _assign(document: Document, stretch: Sequence[_Place], phones: Sequence[HeardPhone]) -> dict[_Place, str]:
    """Each phone to the word whose time holds its middle (a phone between words to the nearer one)."""
    heard: dict[_Place, list[str]] = {place: [] for place in stretch}
    for phone in phones:
        middle = (phone.start_ms + phone.end_ms) // 2
        place = min(stretch, key=lambda at: _distance(_word(document, at), middle))
        heard[place].append(phone.phone)
    return {place: " ".join(found) for place, found in heard.items()}


def _distance(word: Word, moment: int) -> int:
    start, end = word.start_ms or 0, word.end_ms or 0
    return 0 if start <= moment < end else min(abs(moment - start), abs(moment - end))


def _with_heard(document: Document, phones: dict[_Place, str]) -> Document:
    cues: list[Cue] = []
    for cue_index, cue in enumerate(document.cues):
        words = tuple(replace(word, heard=phones.get((cue_index, index), word.heard))
                      for index, word in enumerate(cue.words))
        cues.append(replace(cue, words=words))
    return document.with_cues(cues)
