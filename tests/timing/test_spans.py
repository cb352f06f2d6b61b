"""Spans between anchors: a span too short for its words (a passage cut from the programme), on speech made in
the test and what the recogniser heard in it."""

from __future__ import annotations

from pathlib import Path

from spoken import speak

from editor.core.model import Word
from editor.timing.recognize import ChunkJob, dictionary_text, hear_chunk, load_dictionary, new_decoder, pcm_bytes
from editor.timing.script import make_script, script_pronunciations
from editor.timing.spans import Span, heard_beside_the_cut, span_times

BEFORE = "As everybody knows Vice President Biden has had a very strong relationship."
CUT = "And was managing that file for a period of time."
AFTER = "And I think that it was not much that had prime minister Maliki visited Washington."


def test_the_last_word_said_before_a_cut_keeps_where_it_was_heard(speech_folder: Path) -> None:
    # The audio lacks the sentence CUT: the span from "strong" to "I" has no room for its words, and they all sat
    # at its start, "relationship" too; the next sentence's first word, searched for after the pause from
    # there, was put on "relationship" (an edited programme, 0.8 s early).
    speech = speak([0.4, BEFORE, 0.6, AFTER, 0.5], speech_folder, "en+m6")
    dictionary = load_dictionary()
    script = make_script([Word(token) for token in f"{BEFORE} {CUT} {AFTER}".split()], dictionary)
    pronunciations = script_pronunciations(script, dictionary)
    heard = hear_chunk(new_decoder(dictionary_text(pronunciations)),
                       ChunkJob(pcm_bytes(speech.samples), 0, tuple(script.sentences_between(0, len(script.tokens)))))
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
