"""`cueline check FILE --media VIDEO` on a caption file reports the file's own cues: auto-sync may time the
words but never renumbers the cues staff will look up; a transcript's output says which cues it numbers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from flite_speech import flite_speech
from timing.spoken import write_wav

from editor.cli import main
from editor.core.model import Cue, Document
from editor.workflows.autosync import Synced, time_words_in_place

SUBTITLES = """1
00:00:00,500 --> 00:00:02,000
They went

2
00:00:02,100 --> 00:00:05,500
north and met them.

3
00:00:06,000 --> 00:00:07,500
Then they lefft.
"""


@pytest.fixture(scope="module")
def two_phrases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Speech with a long pause inside the first cue's sentence: auto-sync would cut it in two there."""
    folder = tmp_path_factory.mktemp("numbering")
    first = flite_speech("They went north", folder, pause_s=2.5)
    second = flite_speech("and met them. Then they left.", folder)
    return write_wav(np.concatenate([first, second]), folder / "two.wav")


def test_a_checked_subtitle_file_keeps_its_own_cue_numbers(two_phrases: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    subtitles = tmp_path / "two.srt"
    subtitles.write_text(SUBTITLES, encoding="utf-8")
    main(["check", str(subtitles), "--media", str(two_phrases), "--json"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["cues"] == 3 and report["cue_numbers"] == "the file's cues" and report["audio_evidence"]
    assert [(suspect["cue"], suspect["word"]) for suspect in report["suspects"]] == [(3, "lefft")]
    assert ": 3 cues, " in captured.err


def test_a_checked_transcript_says_its_cues_are_cut_by_the_sync(two_phrases: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    transcript = tmp_path / "two.txt"
    transcript.write_text("Two\n\nTwo\n0:09 | 06/24/14\n\nTranscript for Two\nThey went north and met them. "
                          "Then they left.\n")
    main(["check", str(transcript), "--media", str(two_phrases)])
    assert "(the transcript's cues as auto-sync cuts them, as `cueline import --media` writes them)" in (
        capsys.readouterr().err)


def test_timing_the_words_in_place_reports_its_progress(two_phrases: Path) -> None:
    """A long programme takes minutes to align: the command shows a percentage while it does."""
    fractions: list[float] = []
    document = Document(cues=(Cue(500, 5500, "They went north and met them."), Cue(6000, 7500, "Then they left.")))
    outcome = time_words_in_place(document, two_phrases, progress=fractions.append)
    assert isinstance(outcome, Synced) and [cue.start_ms for cue in outcome.document.cues] == [500, 6000]
    assert fractions and fractions == sorted(fractions) and fractions[-1] > 0.9
