"""WebVTT cue text to and from the model's text.

The model keeps cue text as the viewer reads it, with markup tags left raw (`<i>`, `<v Ann>`, `<c.x>`,
timestamps): character references (`&amp;`, `&lt;`, `&nbsp;` ...) are decoded on reading and written back
escaped, so a user typing "Tom & Jerry" or "a < b" in the editor exports a valid file, and SRT (which has no
character references) gets the characters themselves.
"""

from __future__ import annotations

import html
import re

# The WebVTT tokenizer: "<" opens a tag that runs to the next ">" or to the end of the cue text.
_TAG_OR_TEXT = re.compile(r"<[^>]*>?|[^<]+")
# What the writer keeps as a tag: a name (or end tag) or a timestamp right after "<", closed by ">".
_WRITABLE_TAG = re.compile(r"</?[A-Za-z][^<>\n]*(?<!--)>|<\d[\d:.]*>")
_INVISIBLE_AS_REFERENCES = {"\u00a0": "&nbsp;", "\u200e": "&lrm;", "\u200f": "&rlm;"}


def decode_cue_text(raw: str) -> str:
    """Model text from raw WebVTT cue text: references decoded outside tags, tags kept as written."""
    pieces = []
    for piece in _TAG_OR_TEXT.findall(raw):
        pieces.append(piece if piece.startswith("<") else html.unescape(piece))
    return "".join(pieces)


def encode_cue_text(text: str) -> str:
    """Raw WebVTT cue text from model text: "&", "<" and ">" outside tags escaped; tags kept; never "-->"."""
    pieces = []
    position = 0
    for tag in _WRITABLE_TAG.finditer(text):
        pieces.append(_escape_plain(text[position : tag.start()]))
        pieces.append(tag.group())
        position = tag.end()
    pieces.append(_escape_plain(text[position:]))
    return "".join(pieces).replace("-->", "--&gt;")


def strip_markup(text: str) -> str:
    """The plain words of model text, tags removed: what a viewer reads, for display and counting."""
    return _WRITABLE_TAG.sub("", text)


def _escape_plain(text: str) -> str:
    # ">" needs no escape in WebVTT, but FFmpeg's reader drops a raw one (">> Speaker" loses its ">>").
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for character, reference in _INVISIBLE_AS_REFERENCES.items():
        text = text.replace(character, reference)
    return text
