"""The direct reading of well-formed SRT blocks gives exactly what pysrt gives, block by block.

Most cues skip pysrt for speed (a 10,000-cue file opens faster); this holds the shortcut to pysrt's reading
on well-formed blocks and on near misses (which go through pysrt itself).
"""

from __future__ import annotations

import pysrt
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor.core.model import Cue
from editor.formats.srt import read_srt

TEXT_LINE = st.lists(st.sampled_from([
    "word", "<i>tilted</i>", "  indented", "trailing  ", "tab\t", "nbsp\u00a0", "sep\x1c", "a - b", "{\\an8}top",
    "José", "12", "00:00:01,000", "->",
]), min_size=1, max_size=3).map("".join)
INDEX = st.sampled_from(["{n}", " {n} ", "{n}\t", "0{n}", "\u0661"])
ARROW = st.sampled_from([" --> ", "  -->  ", "-->", " --> "])
TAIL = st.sampled_from(["", " ", "\t", " X1:10 X2:20 Y1:1 Y2:2", "\u00a0"])


@st.composite
def clock(draw: st.DrawFn, ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    hour_text = draw(st.sampled_from([f"{hours:02d}", f"{hours}", f"{hours:03d}"]))
    separator = draw(st.sampled_from([",", ",", "."]))
    return f"{hour_text}:{rest // 60_000:02d}:{rest // 1000 % 60:02d}{separator}{rest % 1000:03d}"


@st.composite
def blocks(draw: st.DrawFn, number: int) -> list[str]:
    start = draw(st.integers(0, 359_999_000))
    end = start + draw(st.integers(1, 100_000))
    timing = f"{draw(clock(start))}{draw(ARROW)}{draw(clock(end))}{draw(TAIL)}"
    return [draw(INDEX).format(n=number), timing, *draw(st.lists(TEXT_LINE, max_size=3))]


def _as_pysrt_reads(lines: list[str]) -> Cue:
    item = pysrt.SubRipItem.from_lines(lines)
    return Cue(start_ms=item.start.ordinal, end_ms=item.end.ordinal, text=item.text)


@settings(max_examples=300, deadline=None)
@example((["1", "00:00:01,000 --> 00:00:02,000  ", "trailing \t", "tab\tinside"],
          [" 2 ", "0:00:03.500  -->  00:00:04,000 X1:10", "\u00a0nbsp\u00a0"], ["3", "00:00:05,000 --> 00:00:06,000"]))
@given(st.integers(1, 5).flatmap(lambda count: st.tuples(*(blocks(number) for number in range(1, count + 1)))))
def test_each_block_reads_as_pysrt_reads_it(file_blocks: tuple[list[str], ...]) -> None:
    text = "\n\n".join("\n".join(lines) for lines in file_blocks) + "\n"
    cues, problems = read_srt(text)
    assert problems == []
    assert cues == [_as_pysrt_reads(lines) for lines in file_blocks]


def test_a_timing_line_inside_the_text_still_starts_a_new_cue() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
    cues, problems = read_srt(text)
    assert [(cue.start_ms, cue.text) for cue in cues] == [(1000, "first"), (3000, "second")]
    assert problems == []


def test_a_cue_ending_where_it_starts_is_still_reported() -> None:
    cues, problems = read_srt("1\n00:00:01,000 --> 00:00:01,000\nnever shown\n")
    assert [cue.text for cue in cues] == ["never shown"]
    assert [problem.line for problem in problems] == [2]
