"""`cueline import --media` and `cueline align`: captions timed from real media made in the test (an MP4
with a video track, as staff have them), and media without speech changes nothing and says so."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from spoken import RATE, Speech, speak, write_wav

from editor.cli import main
from editor.formats.registry import read_file

SENTENCES = [
    "The minister arrived in Baghdad on Monday morning.",
    "Officials said the talks would continue next week.",
    "Fighting has spread to several towns in the north.",
    "Prices of oil rose sharply after the news.",
]


def write_mp4(samples: np.ndarray, folder: Path, name: str) -> Path:
    assert shutil.which("ffmpeg"), "ffmpeg is needed to make test media (./dev.sh test installs it)"
    wav, mp4 = folder / f"{name}.wav", folder / f"{name}.mp4"
    write_wav(samples, wav)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=160x90:r=25",
                    "-i", str(wav), "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                    str(mp4)], check=True)
    return mp4


@pytest.fixture(scope="module")
def programme(speech_folder: Path) -> tuple[Speech, Path, Path]:
    parts: list[str | float] = [0.7]
    for sentence in SENTENCES:
        parts += [sentence, 0.8]
    speech = speak(parts, speech_folder)
    transcript = speech_folder / "transcript.txt"
    transcript.write_text("Title\n\n0:20 | 06/24/14\n\nTranscript for Title\n" + " ".join(SENTENCES) + "\n")
    return speech, write_mp4(speech.samples, speech_folder, "programme"), transcript


def test_import_with_media_writes_captions_starting_with_the_speech(
    programme: tuple[Speech, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    speech, media, transcript = programme
    out = tmp_path / "out.srt"
    assert main(["import", str(transcript), "--media", str(media), "-o", str(out)]) == 0
    cues = read_file(out).document.cues
    starts = [start for _, start, _ in speech.phrases]
    for sentence, start in zip(SENTENCES, starts, strict=True):
        assert any(cue.text.replace("\n", " ").startswith(sentence[:12]) and abs(cue.start_ms - start) <= 150
                   for cue in cues), sentence
    assert "words aligned" in capsys.readouterr().err


def test_align_retimes_a_subtitle_file(programme: tuple[Speech, Path, Path], tmp_path: Path) -> None:
    speech, media, _ = programme
    rough = tmp_path / "rough.srt"
    rough.write_text("".join(
        f"{n + 1}\n00:00:{2 * n:02d},000 --> 00:00:{2 * n + 1:02d},500\n{sentence}\n\n"
        for n, sentence in enumerate(SENTENCES)
    ))
    out = tmp_path / "synced.vtt"
    assert main(["align", str(rough), "--media", str(media), "-o", str(out), "--lead-in", "50"]) == 0
    first = read_file(out).document.cues[0]
    assert abs(first.start_ms - (speech.phrases[0][1] - 50)) <= 150


def test_media_without_speech_changes_nothing_and_says_so(
    programme: tuple[Speech, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, transcript = programme
    seconds = np.arange(15 * RATE) / RATE
    silent = write_mp4((0.1 * np.sin(2 * np.pi * 330 * seconds)).astype(np.float32), tmp_path, "tone")
    out = tmp_path / "out.srt"
    assert main(["import", str(transcript), "--media", str(silent), "-o", str(out)]) == 2
    assert not out.exists()
    assert "no speech" in capsys.readouterr().err


def test_a_lead_in_beyond_100_ms_is_refused(programme: tuple[Speech, Path, Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _, media, transcript = programme
    out = tmp_path / "out.srt"
    assert main(["import", str(transcript), "--media", str(media), "-o", str(out), "--lead-in", "300"]) == 2
    assert "lead-in must be 0-100 ms" in capsys.readouterr().err


def test_an_excerpt_with_the_whole_programme_s_transcript_syncs_what_its_audio_holds(
    programme: tuple[Speech, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """The programme's first 16 s against a transcript along 2:00: the transcript was lined up along the media
    instead of its header, and every word the audio lacks became a 1 ms caption at its last instant."""
    speech, media, _transcript = programme
    later = " ".join(f"Later story number {n} went on about the weather and the roads." for n in range(1, 27))
    transcript = tmp_path / "programme.txt"
    transcript.write_text(f"Title\n\n2:00 | 06/24/14\n\nTranscript for Title\n{' '.join(SENTENCES)} {later}\n")
    out = tmp_path / "out.srt"
    assert main(["import", str(transcript), "--media", str(media), "-o", str(out)]) == 0
    assert "are left as they were" in capsys.readouterr().err
    cues = read_file(out).document.cues
    assert cues[-1].end_ms > 100_000 and min(cue.end_ms - cue.start_ms for cue in cues) >= 500
    start, _end = speech.phrase(SENTENCES[0])
    assert any(cue.text.startswith("The minister") and abs(cue.start_ms - start) <= 150 for cue in cues)
