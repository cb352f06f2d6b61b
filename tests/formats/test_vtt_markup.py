"""Cue text markup: references decoded outside tags on reading, escaped on writing, tags kept as written."""

from __future__ import annotations

import pytest

from editor.formats.vtt_markup import decode_cue_text, encode_cue_text, strip_markup


@pytest.mark.parametrize(
    ("raw", "model"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("a &lt; b &gt; c", "a < b > c"),
        ("&nbsp;&lrm;&rlm;&eacute;&#233;&#xE9;", "\u00a0\u200e\u200f\u00e9\u00e9\u00e9"),
        ("<c.red&amp;large>x</c>", "<c.red&amp;large>x</c>"),
        ("<v Ann>Hi</v> <00:00:01.000>there", "<v Ann>Hi</v> <00:00:01.000>there"),
        ("bare & stays", "bare & stays"),
    ],
)
def test_decode_keeps_tags_and_decodes_text(raw: str, model: str) -> None:
    assert decode_cue_text(raw) == model


@pytest.mark.parametrize(
    ("model", "raw"),
    [
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("a < b > c", "a &lt; b &gt; c"),
        ("x --> y", "x --&gt; y"),
        ("<i>kept</i> <v Ann>voice", "<i>kept</i> <v Ann>voice"),
        ("<b-->", "&lt;b--&gt;"),
        ("no\u00a0break", "no&nbsp;break"),
    ],
)
def test_encode_escapes_what_webvtt_would_misread(model: str, raw: str) -> None:
    assert encode_cue_text(model) == raw
    assert decode_cue_text(raw) == model


def test_strip_markup_leaves_the_words_a_viewer_reads() -> None:
    assert strip_markup("<v Ann><i>Tom</i> & Jerry</v> <00:00:01.000>a < b") == "Tom & Jerry a < b"
