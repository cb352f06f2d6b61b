"""Text that looks like markup exports to WebVTT and TTML as the words a viewer reads, markup as markup."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor.cli import main
from editor.formats.vtt import parse_vtt

TRANSCRIPT = "Tom said <hello> to me. Salt & pepper, then a < b > c. Fish &amp; chips <3 you."
SHOWN = ["Tom said <hello> to me.", "Salt & pepper, then a < b > c.", "Fish &amp; chips <3 you."]
CAPTIONS = "1\n00:00:01,000 --> 00:00:02,500\nTom said <hello> & <b>bold</b> a<b\n\n"
# What the W3C validator accepts as a start tag (anything else is "Incorrect start tag").
_WEBVTT_TAG = re.compile(r"</?(?:[cibuv]|lang|ruby|rt)(?:[.\s][^<>]*)?>|<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>")
_TOKEN = re.compile(r"<[^>]*>?|[^<]+")  # the WebVTT cue text tokenizer: "<" always opens a tag


def _browser_text(raw_cue_text: str) -> str:
    """What a WebVTT cue shows, tokenised as the spec does; every tag must be one WebVTT knows."""
    shown = []
    for token in _TOKEN.findall(raw_cue_text):
        if token.startswith("<"):
            assert _WEBVTT_TAG.fullmatch(token), f"a browser reads {token!r} as an unknown tag"
        else:
            shown.append(html.unescape(token))
    return "".join(shown)


def _webvtt_cue_texts(path: Path) -> list[str]:
    blocks = path.read_text(encoding="utf-8").split("\n\n")[1:]
    return [block.split("-->", 1)[1].split("\n", 1)[1].strip("\n") for block in blocks if "-->" in block]


def _ttml_paragraph_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()  # an XML parser accepts the file
    paragraphs = root.iter("{http://www.w3.org/ns/ttml}p")
    return ["".join("\n" if node.tag.endswith("br") else node.text or "" for node in p.iter() if node is not p)
            for p in paragraphs]


@pytest.fixture()
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TRANSCRIPT + "\n", encoding="utf-8")
    return path


def test_transcript_text_that_looks_like_tags_is_shown_as_written_in_webvtt(transcript: Path) -> None:
    out = transcript.with_suffix(".vtt")
    assert main(["import", str(transcript), "--runtime", "0:12", "-o", str(out)]) == 0
    shown = [_browser_text(raw).replace("\n", " ") for raw in _webvtt_cue_texts(out)]
    assert shown == SHOWN
    assert [cue.text.replace("\n", " ") for cue in parse_vtt(out.read_text(encoding="utf-8"))] == SHOWN


def test_transcript_text_that_looks_like_tags_is_shown_as_written_in_ttml(transcript: Path) -> None:
    out = transcript.with_suffix(".ttml")
    assert main(["import", str(transcript), "--runtime", "0:12", "-o", str(out)]) == 0
    assert [text.replace("\n", " ") for text in _ttml_paragraph_texts(out)] == SHOWN


def test_caption_markup_stays_markup_and_the_rest_is_text(tmp_path: Path) -> None:
    source = tmp_path / "in.srt"
    source.write_text(CAPTIONS, encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "out.vtt")]) == 0
    assert main(["convert", str(source), str(tmp_path / "out.ttml")]) == 0
    (raw,) = _webvtt_cue_texts(tmp_path / "out.vtt")
    assert "<b>bold</b>" in raw
    assert _browser_text(raw) == "Tom said <hello> & bold a<b"
    assert _ttml_paragraph_texts(tmp_path / "out.ttml") == ["Tom said <hello> & bold a<b"]
    bold = ET.parse(tmp_path / "out.ttml").getroot().findall(".//{http://www.w3.org/ns/ttml}span[@style='text bold']")
    assert [span.text for span in bold] == ["bold"]


def test_srt_font_and_upper_case_tags_become_webvtt_markup(tmp_path: Path) -> None:
    source = tmp_path / "in.srt"
    source.write_text('1\n00:00:01,000 --> 00:00:02,000\n<font color="red"><I>Red</I></font>\n\n', encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "out.vtt")]) == 0
    assert _webvtt_cue_texts(tmp_path / "out.vtt") == ["<i>Red</i>"]
