"""Opening any file without a window: each way it can go is its own result, with the file and line."""

from __future__ import annotations

from pathlib import Path

from editor.core.model import Cue, Document
from editor.core.style import style_named
from editor.formats.registry import write_file
from editor.paths import sample_transcript_path
from editor.workflows.open_file import (
    MalformedRuntime,
    NeedsRuntime,
    Opened,
    Unreadable,
    import_transcript,
    open_file,
)

STYLE = style_named("streaming")
BODY = "Good evening. Secretary Kerry arrived in Baghdad today. " * 10
SRT = "1\n00:00:01,000 --> 00:00:02,500\nGood evening.\n\n2\n00:00:03,000 --> 00:00:04,000\nKerry\n\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_transcript_is_lined_up_along_its_header_runtime() -> None:
    outcome = open_file(sample_transcript_path(), STYLE)
    assert isinstance(outcome, Opened) and outcome.project is None
    assert outcome.document.runtime_ms == 765_000 and len(outcome.document.cues) > 100


def test_a_project_opens_as_the_file_save_writes_back_to(tmp_path: Path) -> None:
    document = Document(cues=(Cue(0, 1000, "Hello"),), title="Show", style_name="bbc")
    write_file(document, tmp_path / "show.cueline")
    outcome = open_file(tmp_path / "show.cueline", STYLE)
    assert outcome == Opened(document, tmp_path / "show.cueline")


def test_subtitles_open_by_extension_or_by_content(tmp_path: Path) -> None:
    for name in ("in.srt", "in.txt", "in.captions"):
        outcome = open_file(write(tmp_path, name, SRT), STYLE)
        assert isinstance(outcome, Opened), name
        assert [cue.text for cue in outcome.document.cues] == ["Good evening.", "Kerry"]


def test_a_transcript_without_a_runtime_needs_one_then_opens_with_it(tmp_path: Path) -> None:
    path = write(tmp_path, "bare.txt", BODY)
    assert open_file(path, STYLE) == NeedsRuntime(path)
    outcome = open_file(path, STYLE, runtime_ms=60_000)
    assert isinstance(outcome, Opened)
    assert outcome.document.runtime_ms == 60_000 and outcome.document.cues[-1].end_ms <= 60_000


def test_a_malformed_header_runtime_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "news.txt", f"A title\n\nA summary\n12:75 | 06/24/14\n\nTranscript for A title\n{BODY}")
    outcome = open_file(path, STYLE)
    assert isinstance(outcome, MalformedRuntime)
    assert (outcome.error.path, outcome.error.line) == (path, 4)
    assert str(outcome).startswith(f"{path}:4: bad runtime in the header")
    assert isinstance(open_file(path, STYLE, runtime_ms=30_000), Opened)  # a given runtime overrides it


def test_an_hour_long_programme_s_runtime_in_minutes_opens(tmp_path: Path) -> None:
    """"64:40 | 06/24/14" (long.transcript.txt's header) was refused: minutes and seconds must be below 60."""
    path = write(tmp_path, "hour.txt", f"A title\n\nA summary\n64:40 | 06/24/14\n\nTranscript for A title\n{BODY}")
    opened = open_file(path, STYLE)
    assert isinstance(opened, Opened) and opened.document.runtime_ms == 3_880_000


def test_unreadable_files_name_the_file_and_the_line(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.srt", "1\n00:00:01,000 --> nonsense\nText\n")
    outcome = open_file(broken, STYLE)
    assert isinstance(outcome, Unreadable) and outcome.error.path == broken and outcome.error.line is not None
    missing = open_file(tmp_path / "missing.srt", STYLE)
    assert isinstance(missing, Unreadable) and str(missing) == f"{tmp_path / 'missing.srt'}: file not found"
    folder = open_file(tmp_path, STYLE)
    assert isinstance(folder, Unreadable) and str(tmp_path) in str(folder)


def test_an_empty_caption_file_is_refused_with_what_to_do_not_opened_as_no_captions(tmp_path: Path) -> None:
    """A 0-byte SRT (a copy cut short) opened as an editor with no cues and no word of why."""
    for name, content in (("empty.srt", b""), ("blank.srt", b"\r\n\r\n  \n"), ("bom.srt", b"\xef\xbb\xbf\n")):
        (tmp_path / name).write_bytes(content)
        outcome = open_file(tmp_path / name, STYLE)
        assert isinstance(outcome, Unreadable), name
        assert str(outcome).startswith(f"{tmp_path / name}: the file is empty")
        assert "copy or export it again" in str(outcome)
    header_only = write(tmp_path, "none.vtt", "WEBVTT\n")  # a WebVTT file that says it has no cues
    assert isinstance(open_file(header_only, STYLE), Opened)


def test_lenient_webvtt_keeps_the_good_cues_and_names_the_skipped_line(tmp_path: Path) -> None:
    vtt = write(tmp_path, "in.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\none\n\n00:0x.000 --> 00:03.000\nbad\n\n"
                "00:04.000 --> 00:05.000\nthree\n")
    assert isinstance(open_file(vtt, STYLE), Unreadable)
    outcome = open_file(vtt, STYLE, lenient=True)
    assert isinstance(outcome, Opened) and [cue.text for cue in outcome.document.cues] == ["one", "three"]
    assert [problem.line for problem in outcome.warnings] == [6]


def test_import_refuses_a_subtitle_file_rather_than_reading_its_timings_as_words(tmp_path: Path) -> None:
    outcome = import_transcript(write(tmp_path, "in.srt", SRT), STYLE)
    assert isinstance(outcome, Unreadable) and "not a transcript" in str(outcome)
