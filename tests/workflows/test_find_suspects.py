"""Finding garbled words as staff run it: `cueline check FILE --media VIDEO --glossary NAMES.txt --json` on a
transcript whose speech (synthesised here) says the right name; and the same without media."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from flite_speech import RATE, flite_speech
from timing.spoken import write_wav

from editor.cli import main
from editor.formats.errors import FormatError
from editor.workflows.find_suspects import read_glossary

SAID = "John Kerry is this morning in Erbil in the north. He met the leaders there."
WRITTEN = "John Kerry is this morning in their bill in the north. He met the leaders there."


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("suspects")
    samples = flite_speech(SAID, folder)
    audio = folder / "talks.wav"
    write_wav(samples, audio)
    seconds = len(samples) // RATE + 1
    transcript = folder / "talks.txt"
    transcript.write_text(f"Talks\n\nKerry in Iraq\n0:{seconds:02d} | 06/24/14\n\nTranscript for Talks\n{WRITTEN}\n")
    names = folder / "names.txt"
    names.write_text("# the story's names\nErbil\nNouri al-Maliki\nISIL ~ sisal\n", encoding="utf-8")
    return transcript, audio, names


def check_json(capsys: pytest.CaptureFixture[str], *args: object) -> dict[str, object]:
    assert main(["check", *map(str, args), "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_with_media_the_audio_names_the_garble_as_one_suspect(programme, capsys) -> None:  # type: ignore[no-untyped-def]
    transcript, audio, names = programme
    report = check_json(capsys, transcript, "--media", audio, "--glossary", names)
    suspects = report["suspects"]
    assert report["audio_evidence"] is True and isinstance(suspects, list)
    erbil = next(s for s in suspects if s["word"] == "their bill")
    assert erbil["suggestions"][0] == "Erbil" and erbil["kind"] == "suspect-word" and "audio" in erbil["sources"]
    assert 1500 <= erbil["start"] <= 3000  # the time the words are spoken, in ms
    assert not any(s["word"] in ("Kerry", "leaders", "morning") for s in suspects)


def test_without_media_a_glossary_hint_still_finds_a_known_mishearing(programme, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    transcript, _audio, names = programme
    garbled = tmp_path / "sisal.txt"
    garbled.write_text(transcript.read_text().replace("their bill", "sisal"))
    report = check_json(capsys, garbled, "--glossary", names)
    assert report["audio_evidence"] is False
    assert [(s["word"], s["suggestions"][0]) for s in report["suspects"]] == [("sisal", "ISIL")]


def test_plain_output_lists_file_cue_time_words_and_suggestions(programme, capsys) -> None:  # type: ignore[no-untyped-def]
    transcript, _audio, names = programme
    garbled = transcript.with_name("nori.txt")
    garbled.write_text(transcript.read_text().replace("John Kerry", "nori Kerry"))
    assert main(["check", str(garbled), "--glossary", str(names)]) == 0
    out = capsys.readouterr().out
    assert f"{garbled}:cue 1 at 00:00: “nori” -> Nouri | " in out


def test_an_unreadable_glossary_is_a_user_error(programme, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    transcript, _audio, _names = programme
    assert main(["check", str(transcript), "--glossary", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err



def test_the_summary_counts_the_cues_the_suspects_are_numbered_in(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Auto-sync re-cuts the cues at the speech's long pauses (one written sentence here, two cues once synced):
    the summary counts those, as the suspects' numbers do."""
    first, second = flite_speech("They went north", tmp_path, pause_s=2.5), flite_speech("and met them.", tmp_path)
    audio = write_wav(np.concatenate([first, second]), tmp_path / "two.wav")
    transcript = tmp_path / "two.txt"
    transcript.write_text("Two\n\nTwo\n0:05 | 06/24/14\n\nTranscript for Two\nThey went north and met them.\n")
    assert main(["check", str(transcript), "--media", str(audio), "--json"]) == 0
    captured = capsys.readouterr()
    cues = json.loads(captured.out)["cues"]
    assert cues == 2 and f": {cues} cues (" in captured.err


def test_a_glossary_saved_by_notepad_as_unicode_is_read(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_bytes("\ufeffNouri al-Maliki\r\nErbil ~ their bill\r\n".encode("utf-16-le"))
    assert [term.term for term in read_glossary(names)] == ["Nouri al-Maliki", "Erbil"]


def test_a_glossary_line_that_is_not_a_name_is_named_with_how_to_write_it(tmp_path: Path) -> None:
    """A line "~ sisal" became a nameless term, and a stray control byte part of a name, without a word."""
    cases = {
        "~ sisal, Beisel": "no name before ~: write the name first (ISIL ~ sisal, Beisel)",
        ",,,": "no name: write the name first (ISIL ~ sisal, Beisel)",
        "Erbil ~ their bill ~ herbal": "more than one ~: one name a line, then one ~ and its mishearings (ISIL ~ "
                                       "sisal, Beisel)",
        "Mosul\x01\x02": "unreadable characters: is this a text file of names, one a line?",
    }
    for line, problem in cases.items():
        names = tmp_path / "names.txt"
        names.write_text(f"# the story's names\n\nNouri al-Maliki\n{line}\n", encoding="utf-8")
        with pytest.raises(FormatError) as raised:
            read_glossary(names)
        assert str(raised.value) == f"{names}:4: {problem}"
    names.write_text("ISIL ~ sisal, Beisel\n\tErbil\t~ their bill\nMosul ~\n", encoding="utf-8")
    assert [(term.term, term.hints) for term in read_glossary(names)] == [
        ("ISIL", ("sisal", "Beisel")), ("Erbil", ("their bill",)), ("Mosul", ())]


def test_a_missing_glossary_is_named_in_plain_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subtitles = tmp_path / "talks.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", encoding="utf-8")
    assert main(["check", str(subtitles), "--glossary", str(tmp_path / "names.txt")]) == 2
    assert capsys.readouterr().err.strip() == f"cueline: error: {tmp_path / 'names.txt'}: file not found"
