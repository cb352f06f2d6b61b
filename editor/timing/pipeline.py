"""The whole job from words to timed caption blocks: pace (without media), cut, then fit the cue times.

Fitting follows guidelines.md's timing rules: a cue may linger a little after its last word, short gaps are
chained, short cues stretch toward the minimum duration where the next cue leaves room, cues never overlap
and keep the minimum gap, and nothing runs past the runtime. Without media, chained neighbours then share
time so the reading speed stays even along the programme.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.model import Cue, Document, Metadata, Word
from editor.core.segment import cut_into_cues
from editor.core.style import CaptionStyle, reading_chars
from editor.core.transcript import Transcript, TranscriptError
from editor.timing.pacing import pace_along_runtime
from editor.timing.script import ends_sentence


def line_up_transcript(transcript: Transcript, style: CaptionStyle) -> Document:
    """The transcript as a captioned document spread along its runtime, before any audio is heard."""
    if transcript.runtime_ms is None:
        raise TranscriptError("no runtime: give the programme's runtime to line the transcript up")
    words = pace_along_runtime(transcript.words, transcript.runtime_ms)
    cues = even_out_reading_speed(recut(words, style, transcript.runtime_ms), style)
    return Document(
        cues=tuple(cues), title=transcript.title, runtime_ms=transcript.runtime_ms,
        style_name=style.name, metadata=Metadata(summary=transcript.summary, date=transcript.date),
    )


# Estimated word times are rough (the line-up's cue starts lie a median 1.3-10 s from the speech of the sample's
# voices and real-a/b), so without media a chained boundary may move up to this far from where the estimate put
# it, to even out the reading speed of the two cues it separates: 1.5 s moved those medians by 0.2 s at most,
# while 0.5 s left avoidable reading-speed warnings (bbc at 150-160 wpm). Aligned times (recut) are never moved.
# Each pass spreads the evening one cue further along a chained run; passes stop when nothing moves, or after
# this many (an hour's transcript: 0.3 s more than 3 passes).
ESTIMATE_SLACK_MS = 1500
EVENING_PASSES = 60


def even_out_reading_speed(cues: Sequence[Cue], style: CaptionStyle, slack_ms: int = ESTIMATE_SLACK_MS) -> list[Cue]:
    """Chained neighbours share their time so both read at about the same speed (no fast/slow jolts)."""
    result = list(cues)
    estimated_ends = [cue.end_ms for cue in cues]
    for _ in range(EVENING_PASSES):
        before = list(result)
        for index, estimated_end in enumerate(estimated_ends[:-1]):
            if result[index + 1].start_ms - result[index].end_ms == style.min_gap_ms:
                _share_boundary(result, index, style, estimated_end - slack_ms, estimated_end + slack_ms)
        if result == before:
            break
    return result


def _share_boundary(cues: list[Cue], index: int, style: CaptionStyle, earliest: int, latest: int) -> None:
    """Move the boundary after cues[index] toward equal reading speed, within [earliest, latest]."""
    first, second = cues[index], cues[index + 1]
    span = second.end_ms - first.start_ms - style.min_gap_ms
    first_chars, second_chars = reading_chars(first.text), reading_chars(second.text)
    if span <= 0 or first_chars + second_chars == 0:
        return
    balanced_end = first.start_ms + round(span * first_chars / (first_chars + second_chars))
    second_ends = second.end_ms - style.min_gap_ms  # the boundary at this would leave the second cue no time
    low = max(earliest, first.start_ms + style.min_duration_ms, second_ends - style.max_duration_ms)
    high = min(latest, second_ends - style.min_duration_ms, first.start_ms + style.max_duration_ms)
    if low <= high:
        end = min(max(balanced_end, low), high)
        cues[index] = first.with_times(first.start_ms, end)
        cues[index + 1] = second.with_times(end + style.min_gap_ms, second.end_ms)


# A caption never stays on screen across a pause this long: the viewer would read words not yet spoken.
MAX_PAUSE_IN_CUE_MS = 1500
# Nor across this long a pause before a new sentence: a sentence stands alone, so a cut there costs the reader
# nothing, while a caption holding the next one would show it a second before it is said (a new speaker, often).
MAX_PAUSE_AFTER_SENTENCE_MS = 1000


def recut(
    words: Sequence[Word], style: CaptionStyle, runtime_ms: int | None, *, lead_in_ms: int = 0, linger_ms: int = 0
) -> list[Cue]:
    """Timed words cut into cues whose times keep the style's rules (used by re-cut and auto-sync); a
    pause longer than MAX_PAUSE_IN_CUE_MS always ends a cue, and one longer than MAX_PAUSE_AFTER_SENTENCE_MS
    at the end of a sentence."""
    cues = [cue for part in split_at_pauses(words) for cue in cut_into_cues(part, style)]
    return fit_cue_times(cues, style, runtime_ms, lead_in_ms=lead_in_ms, linger_ms=linger_ms)


def split_at_pauses(words: Sequence[Word], pause_ms: int = MAX_PAUSE_IN_CUE_MS) -> list[Sequence[Word]]:
    """The words in runs that no pause longer than `pause_ms` interrupts, nor one longer than
    MAX_PAUSE_AFTER_SENTENCE_MS after a sentence's end (untimed words join the run)."""
    parts: list[Sequence[Word]] = []
    first, last_end = 0, None
    for index, word in enumerate(words):
        after_sentence = index > 0 and ends_sentence(words[index - 1].text)
        limit = min(pause_ms, MAX_PAUSE_AFTER_SENTENCE_MS) if after_sentence else pause_ms
        if word.start_ms is not None and last_end is not None and word.start_ms - last_end > limit:
            parts.append(words[first:index])
            first = index
        if word.end_ms is not None:
            last_end = word.end_ms if last_end is None else max(last_end, word.end_ms)
    parts.append(words[first:])
    return [part for part in parts if part]


def fit_cue_times(
    cues: Sequence[Cue], style: CaptionStyle, runtime_ms: int | None, *, lead_in_ms: int = 0, linger_ms: int = 0
) -> list[Cue]:
    """Cue times adjusted in one pass from the end, so each cue knows where the next one starts."""
    limit = runtime_ms if runtime_ms is not None else max((cue.end_ms for cue in cues), default=0) + linger_ms
    fitted: list[Cue] = []
    next_start: int | None = None
    for index in range(len(cues) - 1, -1, -1):
        previous_end = cues[index - 1].end_ms if index > 0 else None
        cue = _fit_one(cues[index], style, previous_end, next_start, limit, lead_in_ms, linger_ms)
        fitted.append(cue)
        next_start = cue.start_ms
    fitted.reverse()
    return fitted


def _fit_one(
    cue: Cue, style: CaptionStyle, previous_end: int | None, next_start: int | None, limit: int,
    lead_in_ms: int, linger_ms: int,
) -> Cue:
    """One cue's times: lead in, linger, chain, stretch toward the minimum, then stay clear of its neighbours.

    A cue never starts before its first word less the lead-in: a cue too short for the minimum duration
    where the next one leaves no room stays short (the min-duration check reports it).
    """
    earliest = 0 if previous_end is None else max(0, previous_end + style.min_gap_ms)
    latest = limit if next_start is None else next_start - style.min_gap_ms
    start = max(0, min(cue.start_ms, max(cue.start_ms - lead_in_ms, earliest), limit - 1))
    end = cue.end_ms + min(linger_ms, style.max_linger_ms)
    if next_start is not None and next_start - end < style.chain_gap_ms:
        end = latest  # chained: a short blink between captions reads as flicker
    end = min(max(end, start + style.min_duration_ms), latest)
    return cue.with_times(start, max(end, start + 1))
