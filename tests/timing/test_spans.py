"""Spans between anchors: a span too short for its words (a passage cut from the programme), on speech made in
the test and what the recogniser heard in it; a failed span with room for its words only at a speed nobody speaks
at, whose sentence the audio lacks (cut_passages.py)."""

from __future__ import annotations

from pathlib import Path

from spoken import Speech, speak

from editor.core.model import Word
from editor.timing.chunks import FRAME_MS
from editor.timing.cut_passages import cut_sentences
from editor.timing.fallback import fill_failed_span
from editor.timing.gaps import Onsets
from editor.timing.recognize import (
    ChunkJob,
    HeardWord,
    dictionary_text,
    hear_chunk,
    load_dictionary,
    new_decoder,
    pcm_bytes,
)
from editor.timing.recording import recording_of
from editor.timing.script import Script, make_script, script_pronunciations
from editor.timing.spans import Span, heard_beside_the_cut, span_times

BEFORE = "As everybody knows Vice President Biden has had a very strong relationship."
CUT = "And was managing that file for a period of time."
LONGER_CUT = "And was managing that file for a period of time with the leaders of both parties."
AFTER = "And I think that it was not much that had prime minister Maliki visited Washington."


def edited(folder: Path, voice: str, cut: str = CUT) -> tuple[Speech, Script, dict[str, list[str]], list[HeardWord]]:
    """BEFORE and AFTER said, `cut` left out, as the recogniser hears them against the transcript of all three."""
    speech = speak([0.4, BEFORE, 0.6, AFTER, 0.5], folder, voice)
    dictionary = load_dictionary()
    script = make_script([Word(token) for token in f"{BEFORE} {cut} {AFTER}".split()], dictionary)
    pronunciations = script_pronunciations(script, dictionary)
    heard = hear_chunk(new_decoder(dictionary_text(pronunciations)),
                       ChunkJob(pcm_bytes(speech.samples), 0, tuple(script.sentences_between(0, len(script.tokens)))))
    return speech, script, pronunciations, heard


def test_the_last_word_said_before_a_cut_keeps_where_it_was_heard(speech_folder: Path) -> None:
    # The audio lacks the sentence CUT: the span from "strong" to "I" has no room for its words, and they all sat
    # at its start, "relationship" too; the next sentence's first word, searched for after the pause from
    # there, was put on "relationship" (an edited programme, 0.8 s early).
    _, script, pronunciations, heard = edited(speech_folder, "en+m6")
    first, last = script.tokens.index("relationship"), script.sentence_starts[2] + 1  # "relationship" .. "And"
    strong = next(word for word in heard if word.token == "strong")
    i_said = next(word for word in heard if word.token == "i" and word.start_ms > strong.end_ms)
    span = Span(first, last, strong.end_ms, i_said.start_ms, tuple(script.tokens[first:last]), 10_000)
    phones = [len(pronunciations[token][0].split()) for token in script.tokens]
    inside = [word for word in heard if span.start_ms <= word.start_ms < span.end_ms]
    starts = set(script.sentence_starts)
    times = span_times(span, None, lambda _: {}, lambda cut: heard_beside_the_cut(cut, inside, phones, starts))
    relationship = next(word for word in heard if word.token == "relationship")
    assert times[first] == (relationship.start_ms, relationship.end_ms, True)
    assert {times[token][:2] for token in range(first + 1, last)} == {(relationship.end_ms, relationship.end_ms)}


def test_a_sentence_the_audio_lacks_is_flagged_and_the_next_keeps_its_speech(speech_folder: Path) -> None:
    speech, script, pronunciations, heard = edited(speech_folder, "en-gb-x-rp", LONGER_CUT)
    phones = [len(pronunciations[token][0].split()) for token in script.tokens]
    strong = next(word for word in heard if word.token == "strong")
    washington = next(word for word in heard if word.token == "washington")
    first, last = script.tokens.index("relationship"), len(script.tokens) - 1  # between "strong" and "washington"
    span = Span(first, last, strong.end_ms, washington.start_ms, tuple(script.tokens[first:last]))
    inside = [word for word in heard if span.start_ms <= word.start_ms < span.end_ms]
    sounded = [word for word in heard if word.token in pronunciations]
    said_ms = sum(word.end_ms - word.start_ms for word in sounded) / sum(
        len(pronunciations[word.token][0].split()) for word in sounded)
    cut = cut_sentences(span, script.tokens, inside, phones, script.sentence_starts, said_ms)
    assert cut == set(range(script.sentence_starts[1], script.sentence_starts[2]))
    roomy = Span(first, last, span.start_ms, span.end_ms + 6000, span.items)  # time enough for every word: none cut
    assert not cut_sentences(roomy, script.tokens, inside, phones, script.sentence_starts, said_ms)

    recording = recording_of(speech.samples)
    onsets = Onsets(recording.energy)
    loud = sum(int(onsets.speech_frames(word.start_ms, word.end_ms).sum()) for word in sounded) * FRAME_MS
    times, _ = fill_failed_span(span.items, first, (span.start_ms, span.end_ms), phones[first:last],
                                loud / sum(len(pronunciations[word.token][0].split()) for word in sounded), onsets, (),
                                {start - 1 for start in script.sentence_starts}, cut)
    after_start = speech.phrase(AFTER)[0]
    assert abs(times[script.sentence_starts[2]][0] - after_start) <= 150
    assert all(times[token][0] == times[token][1] for token in cut)
