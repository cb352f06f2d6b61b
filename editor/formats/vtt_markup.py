"""The model's cue markup, and WebVTT cue text to and from the model's text.

The model keeps cue text as the viewer reads it, with markup tags left raw. Markup is WebVTT's own tags (`<i>`,
`<b>`, `<u>`, `<c.x>`, `<v Ann>`, `<lang en>`, `<ruby>`, `<rt>`, timestamps) and SRT's `<font ...>`: every other
`<...>` is text ("Tom said <hello> to me"), which every writer must show as written. Character references
(`&amp;`, `&lt;`, `&nbsp;` ...) are decoded on reading and written back escaped, so a user typing "Tom & Jerry"
or "a < b" in the editor exports a valid file, and SRT (which has no character references) gets the characters
themselves.
"""

from __future__ import annotations

import html
import re

from editor.core.markup import MODEL_TAG, strip_markup

__all__ = ["MODEL_TAG", "decode_cue_text", "encode_cue_text", "strip_markup"]  # the markup lives in core

# The WebVTT tokenizer: "<" opens a tag that runs to the next ">" or to the end of the cue text.
_TAG_OR_TEXT = re.compile(r"<[^>]*>?|[^<]+")
_TAG_NAME = re.compile(r"^(</?)([A-Za-z]+)")
_INVISIBLE_AS_REFERENCES = {"\u00a0": "&nbsp;", "\u200e": "&lrm;", "\u200f": "&rlm;"}


def decode_cue_text(raw: str) -> str:
    """Model text from raw WebVTT cue text: references decoded outside tags, tags kept as written."""
    if "&" not in raw:  # nothing to decode: the usual cue, returned without tokenizing
        return raw
    pieces = []
    for piece in _TAG_OR_TEXT.findall(raw):
        pieces.append(piece if piece.startswith("<") else html.unescape(piece))
    return "".join(pieces)


def encode_cue_text(text: str) -> str:
    """Raw WebVTT cue text from model text: "&", "<" and ">" outside tags escaped; tags kept; never "-->"."""
    pieces = []
    position = 0
    for tag in MODEL_TAG.finditer(text):
        pieces.append(_escape_plain(text[position : tag.start()]))
        pieces.append(_webvtt_tag(tag.group()))
        position = tag.end()
    pieces.append(_escape_plain(text[position:]))
    return "".join(pieces).replace("-->", "--&gt;")


def _webvtt_tag(tag: str) -> str:
    """The tag as WebVTT spells it (names are lower case); SRT's `<font>` has no WebVTT form and goes."""
    if tag[1:].lstrip("/")[:4].lower() == "font":
        return ""
    return _TAG_NAME.sub(lambda match: match.group(1) + match.group(2).lower(), tag)


def _escape_plain(text: str) -> str:
    # ">" needs no escape in WebVTT, but FFmpeg's reader drops a raw one (">> Speaker" loses its ">>").
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character, reference in _INVISIBLE_AS_REFERENCES.items():
        text = text.replace(character, reference)
    return text
