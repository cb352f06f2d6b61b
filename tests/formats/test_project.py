"""The .cueline project file: everything the editor knows survives a save and a load; bad files are named."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, Metadata, Word
from editor.formats.errors import FormatError
from editor.formats.registry import read_file, write_file


def _document(media: str | None) -> Document:
    words = (Word("Hello", 1000, 1400, 0.9), Word("--", 1400, 1900, None), Word("world", 1900, 2500, 1.0))
    return Document(
        cues=(
            Cue(1000, 2500, "Hello -- world", words=words, identifier="a"),
            Cue(3000, 4000, "Tom & «Jerry»", settings="align:start"),
        ),
        title="ABC News",
        runtime_ms=765_000,
        media_path=media,
        style_name="broadcast",
        glossary=(GlossaryTerm("Canberra"), GlossaryTerm("ISIL", ("sisal", "Beisel"))),
        metadata=Metadata(summary="Kerry in Iraq", webvtt_preamble="WEBVTT - news", others=(("source", "x"),)),
    )


def test_save_then_load_gives_the_same_document(tmp_path: Path) -> None:
    document = _document(str(tmp_path / "media" / "news.mp4"))
    write_file(document, tmp_path / "news.cueline")
    loaded = read_file(tmp_path / "news.cueline").document
    assert loaded == document
    assert loaded.metadata == document.metadata


def test_media_inside_the_folder_is_stored_relative_so_the_folder_can_move(tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    write_file(_document(str(first / "news.mp4")), first / "p.cueline")
    assert json.loads((first / "p.cueline").read_text())["media_path"] == "news.mp4"
    moved = first.rename(tmp_path / "moved")
    assert read_file(moved / "p.cueline").document.media_path == str(moved / "news.mp4")


def test_media_elsewhere_and_no_media_are_kept(tmp_path: Path) -> None:
    for media in ("/srv/media/news.mp4", None):
        write_file(_document(media), tmp_path / "p.cueline")
        assert read_file(tmp_path / "p.cueline").document.media_path == media


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ not json", "broken JSON"),
        ("[1, 2]", "no format_version"),
        ('{"cues": []}', "no format_version"),
        ('{"format_version": 99, "cues": []}', "newer Cueline"),
        ('{"format_version": 1, "cues": [{"start_ms": 0, "end_ms": "1s", "text": "x"}]}', "cue 1: 'end_ms'"),
        ('{"format_version": 1, "cues": [{"start_ms": 0, "end_ms": 5}]}', "cue 1: 'text' is missing"),
        ('{"format_version": 1, "cues": {"a": 1}}', "'cues' has the wrong type"),
    ],
)
def test_bad_project_files_say_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.cueline"
    path.write_text(content)
    with pytest.raises(FormatError, match=message) as caught:
        read_file(path)
    assert caught.value.path == path


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.cueline"
    path.write_text('{\n "format_version": 1,\n "cues": [,]\n}\n')
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert caught.value.line == 3


def test_a_project_cut_short_says_so_and_a_broken_one_says_where(tmp_path: Path) -> None:
    """A project cut short (a copy interrupted, a full disk) said "broken JSON (Unterminated string starting at)",
    the sentence cut off, on its one line of 235,000 characters."""
    path = tmp_path / "story.cueline"
    write_file(_document(None), path)
    whole = path.read_text(encoding="utf-8")
    path.write_text(whole[: len(whole) // 2], encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}:1: not a whole Cueline project: the file ends after {len(whole) // 2} " \
        "characters, in the middle of its data (cut short while copied or written?)"
    path.write_text(whole.replace('"title"', '"title" "title"'), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_file(path)
    column = whole.index('"title"') + len('"title" ') + 1
    assert str(caught.value) == f"{path}:1: not a Cueline project: broken JSON at column {column} (Expecting ':' " \
        "delimiter)"


def test_untimed_words_and_a_missing_runtime_survive(tmp_path: Path) -> None:
    document = Document(cues=(Cue(0, 900, "not yet aligned", words=(Word("not"), Word("yet"), Word("aligned"))),))
    write_file(document, tmp_path / "p.cueline")
    assert read_file(tmp_path / "p.cueline").document == document


def test_ignored_problems_survive_save_and_load_and_old_files_have_none(tmp_path: Path) -> None:
    from editor.core.model import IgnoredProblem

    ignored = (IgnoredProblem("spelling", "Beisel", "the Beisel group"), IgnoredProblem("reading-speed", "", "x y"),
               IgnoredProblem("suspect-word", "crisis", "said the crisis had", at_ms=2100))
    document = replace(_document(None), ignored=ignored)
    write_file(document, tmp_path / "news.cueline")
    assert read_file(tmp_path / "news.cueline").document.ignored == ignored
    data = json.loads((tmp_path / "news.cueline").read_text(encoding="utf-8"))
    del data["ignored"]
    (tmp_path / "old.cueline").write_text(json.dumps(data), encoding="utf-8")
    assert read_file(tmp_path / "old.cueline").document == replace(document, ignored=())


def test_a_malformed_ignored_problem_is_named(tmp_path: Path) -> None:
    write_file(_document(None), tmp_path / "news.cueline")
    data = json.loads((tmp_path / "news.cueline").read_text(encoding="utf-8"))
    data["ignored"] = [{"rule": "spelling", "text": "Beisel"}]
    (tmp_path / "bad.cueline").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError, match="ignored problem 1: 'context' is missing"):
        read_file(tmp_path / "bad.cueline")
    data["ignored"] = [{"rule": "spelling", "text": "Beisel", "context": "the Beisel", "at_ms": "2100"}]
    (tmp_path / "bad.cueline").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError, match="ignored problem 1: 'at_ms' has the wrong type"):
        read_file(tmp_path / "bad.cueline")


def test_audio_evidence_on_words_survives_save_and_load(tmp_path: Path) -> None:
    heard = Word("their", 0, 200, 1.0, heard="ER", support=0.4, alternatives=(HeardAlternative("Erbil", 2, 0.8),))
    words = (heard, Word("bill", 200, 500, 1.0, heard="B IH L"))
    document = Document(cues=(Cue(0, 500, "their bill", words),))
    path = tmp_path / "evidence.cueline"
    write_file(document, path)
    assert read_file(path).document.cues == document.cues


def test_a_malformed_alternative_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.cueline"
    word = {"text": "x", "alternatives": [{"text": "y", "words": 0, "score": 0.5}]}
    cue = {"start_ms": 0, "end_ms": 1, "text": "x", "words": [word]}
    path.write_text(json.dumps({"format_version": 1, "cues": [cue]}))
    with pytest.raises(FormatError, match="alternative 1"):
        read_file(path)


def test_a_format_1_project_reads_its_glossary_lines_and_metadata(tmp_path: Path) -> None:
    old = {"format_version": 1, "glossary": ["ISIL ~ sisal, Beisel", "Kerry"],
           "metadata": {"summary": "Talks", "ass_header": "[Script Info]", "source": "transcript"},
           "cues": [{"start_ms": 0, "end_ms": 1000, "text": "Hello"}]}
    (tmp_path / "old.cueline").write_text(json.dumps(old), encoding="utf-8")
    loaded = read_file(tmp_path / "old.cueline").document
    assert loaded.glossary == (GlossaryTerm("ISIL", ("sisal", "Beisel")), GlossaryTerm("Kerry"))
    assert loaded.metadata == Metadata(summary="Talks", substation_header="[Script Info]",
                                       others=(("source", "transcript"),))
    write_file(loaded, tmp_path / "again.cueline")
    assert read_file(tmp_path / "again.cueline").document == loaded


def test_a_glossary_term_of_the_wrong_shape_is_named(tmp_path: Path) -> None:
    bad = {"format_version": 2, "glossary": [{"term": "ISIL", "hints": ["sisal", 3]}]}
    (tmp_path / "bad.cueline").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(FormatError, match="glossary, term 1, hints"):
        read_file(tmp_path / "bad.cueline")


def test_the_recordings_doubt_limit_survives_and_an_older_project_measures_it_from_its_scores(tmp_path: Path) -> None:
    scored = tuple(Cue(n * 1000, n * 1000 + 900, f"w{n}", (Word(f"w{n}", n * 1000, n * 1000 + 900, float(n % 2)),))
                   for n in range(200))
    document = Document(cues=scored, doubt_limit=0.25)
    write_file(document, tmp_path / "fit.cueline")
    assert read_file(tmp_path / "fit.cueline").document.doubt_limit == 0.25
    data = json.loads((tmp_path / "fit.cueline").read_text(encoding="utf-8"))
    del data["doubt_limit"]
    (tmp_path / "old.cueline").write_text(json.dumps(data), encoding="utf-8")
    assert read_file(tmp_path / "old.cueline").document.doubt_limit == 0.0  # half its words score 0: the voice's
