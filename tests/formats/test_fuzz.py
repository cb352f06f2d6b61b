"""Structure-aware fuzzing of every reader: hostile files built from cues, each block's form perturbed.

Whatever the file, a reading ends in cues or the product's FormatError (never another exception), and no
cue is lost without a word: the cues read plus the errors reported cover every block that had a timing.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.formats.errors import FormatError, FormatWarning
from editor.formats.recipe import ReadOptions
from editor.formats.registry import read_file

HOSTILE_TEXT = st.lists(st.sampled_from([
    "word", "<b>bold</b>", "<img src='/dev/zero'>", "a --> b", "{\\i1}x", "\u202e", "&amp;", "\t", "-->", "",
    "9" * 40, "\\N", "<p>", "]]>", "José",
]), max_size=4).map(" ".join)
MS = st.integers(min_value=0, max_value=36_000_000)
HOURS = st.sampled_from(["00", "1", "123", "9" * 12, "9" * 4400])
SEPARATORS = st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clock(ms: int, separator: str, hours: str | None = None) -> str:
    seconds, millis = divmod(ms, 1000)
    hour_text = hours if hours is not None else f"{seconds // 3600:02d}"
    return f"{hour_text}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{separator}{millis:03d}"


@st.composite
def srt_files(draw: st.DrawFn) -> tuple[str, int]:
    blocks = []
    for number in range(1, draw(st.integers(1, 6)) + 1):
        start, end = draw(MS), draw(MS)
        tail = draw(st.sampled_from(["", "\t", " X1:10 X2:20", " --> 00:00:09,000"]))
        label = draw(st.sampled_from([f"{number}\n", "", "x\n"]))
        timing = f"{_clock(start, ',', draw(st.one_of(st.none(), HOURS)))} --> {_clock(end, ',')}{tail}"
        blocks.append(f"{label}{timing}\n{draw(HOSTILE_TEXT)}")
    return "".join(block + draw(SEPARATORS) for block in blocks), len(blocks)


@st.composite
def sbv_files(draw: st.DrawFn) -> tuple[str, int]:
    count = draw(st.integers(1, 6))
    blocks = [f"{_clock(draw(MS), '.', draw(st.one_of(st.none(), HOURS)))},{_clock(draw(MS), '.')}\n"
              f"{draw(HOSTILE_TEXT)}" for _ in range(count)]
    return "".join(block + draw(SEPARATORS) for block in blocks), count


@st.composite
def ass_files(draw: st.DrawFn) -> tuple[str, int]:
    colour = draw(st.sampled_from(["&H00FFFFFF", "", "&H"]))
    head = ("[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour\n"
            f"Style: Default,Arial,20,{colour}\n\n")
    events = "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    count = draw(st.integers(1, 6))
    lines = [f"{draw(st.sampled_from(['Dialogue:', 'DIALOGUE:', 'Dialogue :', 'dialogue:']))} 0,"
             f"{_clock(draw(MS), '.', '0')[:-1]},{_clock(draw(MS), '.', '1')[:-1]},Default,,0,0,0,,"
             f"{draw(HOSTILE_TEXT)}" for _ in range(count)]
    events_first = draw(st.booleans())
    body = events + "\n".join(lines) + "\n"
    return (head + body if events_first else "\n".join(lines) + "\n" + head + events), count


@st.composite
def ttml_files(draw: st.DrawFn) -> tuple[str, int]:
    parameter = draw(st.sampled_from(["", 'ttp:frameRate="0"', 'ttp:tickRate="0"', 'ttp:frameRateMultiplier="1 0"',
                                      'ttp:frameRate="25"', 'ttp:frameRate="-1"']))
    depth = draw(st.sampled_from([1, 2, 1200]))
    count = draw(st.integers(1, 5))
    texts = [draw(HOSTILE_TEXT).replace("&", "&amp;").replace("<", "&lt;") for _ in range(count)]
    paragraphs = "".join(
        f'<p begin="{draw(st.sampled_from(["1s", "10f", "3t", "00:00:01.000", "1e3s"]))}" '
        f'end="{_clock(draw(MS), ".")}">{"<span>" * depth}{text}{"</span>" * depth}</p>' for text in texts)
    outside = draw(st.booleans())
    return (f'<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" {parameter}>'
            f'{paragraphs if outside else ""}<body>{"<div>" * depth}{"" if outside else paragraphs}'
            f'{"</div>" * depth}</body></tt>\n'), count


@st.composite
def vtt_files(draw: st.DrawFn) -> tuple[str, int]:
    count = draw(st.integers(1, 6))
    blocks = [f"{_clock(draw(MS), '.', draw(st.one_of(st.none(), HOURS)))} --> {_clock(draw(MS), '.')}\n"
              f"{draw(HOSTILE_TEXT)}" for _ in range(count)]
    return "WEBVTT\n\n" + "".join(block + draw(SEPARATORS) for block in blocks), count


def _read_without_loss(tmp_path: Path, suffix: str, text: str, blocks: int) -> None:
    path = tmp_path / f"fuzzed{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        reading = read_file(path, ReadOptions(strict=False))
        document, problems = reading.document, reading.problems
    except FormatError as error:
        assert error.path == path
        return
    errors = [problem for problem in problems if not isinstance(problem, FormatWarning)]
    assert len(document.cues) + len(errors) >= blocks, (document.cues, problems)


FUZZ_FOLDER = settings(SETTINGS, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ_FOLDER
@given(srt_files())
def test_srt(tmp_path: Path, case: tuple[str, int]) -> None:
    _read_without_loss(tmp_path, ".srt", *case)


@FUZZ_FOLDER
@given(sbv_files())
def test_sbv(tmp_path: Path, case: tuple[str, int]) -> None:
    _read_without_loss(tmp_path, ".sbv", *case)


@FUZZ_FOLDER
@given(ass_files())
def test_ass(tmp_path: Path, case: tuple[str, int]) -> None:
    _read_without_loss(tmp_path, ".ass", *case)


@FUZZ_FOLDER
@given(ttml_files())
def test_ttml(tmp_path: Path, case: tuple[str, int]) -> None:
    _read_without_loss(tmp_path, ".ttml", *case)


@FUZZ_FOLDER
@given(vtt_files())
def test_vtt(tmp_path: Path, case: tuple[str, int]) -> None:
    _read_without_loss(tmp_path, ".vtt", *case)
