"""Auto-sync as one job (the command line's): speech times the words; silence changes nothing and says so."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mediagen import cut_short_media
from timing.spoken import RATE, speak, write_wav

from editor.cli import main
from editor.core.model import Cue, Document
from editor.core.style import style_named
from editor.formats.errors import FormatError
from editor.workflows.autosync import NoSpeech, Synced, media_runtime_ms, sync_to_media

SENTENCE = "Officials said the talks would continue next week."
STYLE = style_named("streaming")


def test_the_words_are_timed_from_the_speech(tmp_path: Path) -> None:
    speech = speak([1.0, SENTENCE, 0.5], tmp_path)
    media = write_wav(speech.samples, tmp_path / "speech.wav")
    document = Document(cues=(Cue(0, 4000, SENTENCE),), runtime_ms=6000)
    outcome = sync_to_media(document, media, STYLE)
    assert isinstance(outcome, Synced) and outcome.words_timed == len(SENTENCE.split())
    start, _ = speech.phrase(SENTENCE)
    assert abs(outcome.document.cues[0].words[0].start_ms - start) < 200  # type: ignore[operator]
    assert media_runtime_ms(media) == len(speech.samples) * 1000 // RATE


def test_silence_changes_nothing(tmp_path: Path) -> None:
    media = write_wav(np.zeros(RATE * 3, dtype=np.float32), tmp_path / "silence.wav")
    assert sync_to_media(Document(cues=(Cue(0, 2000, SENTENCE),)), media, STYLE) == NoSpeech()


def test_unreadable_media_is_a_format_error_naming_it(tmp_path: Path) -> None:
    media = tmp_path / "broken.mp4"
    media.write_bytes(b"not a video")
    for job in (lambda: media_runtime_ms(media), lambda: sync_to_media(Document(cues=(Cue(0, 1, "x"),)), media, STYLE)):
        with pytest.raises(FormatError) as raised:
            job()
        assert raised.value.path == media and str(raised.value).count("broken.mp4") == 1


def test_media_cut_short_says_where_its_audio_stops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    partial = cut_short_media(tmp_path)
    outcome = sync_to_media(Document(cues=(Cue(0, 2000, SENTENCE),)), partial, STYLE)
    assert isinstance(outcome, NoSpeech) and outcome.cut_short.startswith("the audio stops at 00:1")
    assert outcome.cut_short.endswith(" of the 00:30 the file states (an incomplete copy, or damaged)")
    transcript = tmp_path / "talks.txt"
    transcript.write_text(SENTENCE, encoding="utf-8")
    assert main(["import", str(transcript), "--media", str(partial), "-o", str(tmp_path / "out.srt")]) == 2
    error = capsys.readouterr().err
    assert f"{partial}: {outcome.cut_short}; no speech of the transcript heard in the media" in error
