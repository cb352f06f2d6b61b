"""Whatever text a user types reads back the same from the WebVTT and SRT we write (neither format can hold
an empty line inside a cue; SRT readers also drop spaces at a line's end; WebVTT spells a tag's name in lower
case and has no form for SRT's `<font>`)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor.core.markup import MODEL_TAG
from editor.core.model import Cue
from editor.formats.srt import format_srt, parse_srt
from editor.formats.vtt import format_vtt, parse_vtt

_TRICKY = st.sampled_from(
    ["&", "<", ">", "-->", "&amp;", "<i>", "</i>", "<v Ann>", "\n", "\n\n", " ", "\u00a0", "NOTE"]
)
_TEXT = st.lists(
    st.one_of(_TRICKY, st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)), max_size=8
).map("".join)


_TAG_NAME = re.compile(r"(</?)([A-Za-z]*)(.*)", re.DOTALL)


def _without_empty_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line)


def _as_webvtt_reads_back(text: str) -> str:
    """`<B>` comes back as `<b>`, `<font ...>` not at all; every other character as typed."""

    def spelled(tag: re.Match[str]) -> str:
        parts = _TAG_NAME.match(tag.group())
        assert parts  # every model tag opens with "<"
        opening, name, rest = parts.groups()
        return "" if name.lower() == "font" else opening + name.lower() + rest

    return _without_empty_lines(MODEL_TAG.sub(spelled, text))


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=5), durations=st.lists(st.integers(1, 10_000), min_size=5))
@example(texts=["<B>Ann</B> <v Ann>hi", "<font color=red>red</font>"], durations=[1] * 5)
def test_any_text_survives_a_webvtt_round_trip(texts: list[str], durations: list[int]) -> None:
    cues = [Cue(i * 10_000, i * 10_000 + durations[i], text) for i, text in enumerate(texts)]
    assert parse_vtt(format_vtt(cues)) == [cue.with_text(_as_webvtt_reads_back(cue.text)) for cue in cues]


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=5))
def test_any_text_survives_an_srt_round_trip(texts: list[str]) -> None:
    cues = [Cue(i * 10_000, i * 10_000 + 5_000, text) for i, text in enumerate(texts)]
    kept = ["\n".join(line.rstrip() for line in cue.text.split("\n") if line.strip()) for cue in cues]
    expected = [cue.with_text(text) for cue, text in zip(cues, kept, strict=True)]
    assert parse_srt(format_srt(cues)) == expected
