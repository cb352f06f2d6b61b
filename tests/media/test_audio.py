"""Decoding media audio to 16 kHz mono: what auto-sync and the waveform rely on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mediagen import TONE_HZ, TONE_SECONDS, MakeMedia, decoded_samples

from editor.media.audio import (
    DecodeCancelled,
    MediaError,
    MediaInfo,
    iter_audio_chunks,
    media_duration_ms,
    probe_media,
)


def dominant_frequency(samples: np.ndarray, sample_rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(samples.size, 1 / sample_rate)[int(np.argmax(spectrum))])


@pytest.mark.parametrize("name", ["clip.mp4", "clip.mkv", "clip.webm", "clip.mp3", "clip.wav"])
def test_every_common_container_decodes_to_the_tone_at_16k(make_media: MakeMedia, name: str) -> None:
    samples = decoded_samples(make_media(name))
    assert samples.dtype == np.float32
    assert abs(samples.size - TONE_SECONDS * 16000) <= 16000 * 0.05  # lossy codecs pad a frame or so
    assert dominant_frequency(samples, 16000) == pytest.approx(TONE_HZ, abs=2)
    assert np.abs(samples).max() == pytest.approx(1 / 8, rel=0.15)


def test_aac_padding_is_trimmed_so_sample_times_match_media_times(bars_mp4: Path) -> None:
    assert decoded_samples(bars_mp4).size == TONE_SECONDS * 16000


def test_other_sample_rates_scale_the_length(tone_wav: Path) -> None:
    assert decoded_samples(tone_wav, sample_rate=8000).size == TONE_SECONDS * 8000


def test_chunks_stream_the_same_samples_as_the_whole_decode(tone_wav: Path) -> None:
    chunks = list(iter_audio_chunks(tone_wav, chunk_seconds=0.5))
    assert len(chunks) >= 5
    np.testing.assert_array_equal(np.concatenate(chunks), decoded_samples(tone_wav))


def test_progress_rises_to_one(tone_wav: Path) -> None:
    seen: list[float] = []
    list(iter_audio_chunks(tone_wav, chunk_seconds=0.5, progress=seen.append))
    assert len(seen) >= 3
    assert seen == sorted(seen)
    assert 0.0 <= seen[0] < 1.0
    assert seen[-1] == 1.0


def test_cancel_stops_the_decode(tone_wav: Path) -> None:
    with pytest.raises(DecodeCancelled):
        decoded_samples(tone_wav, cancelled=lambda: True)


def test_duration_is_read_from_the_container(bars_mp4: Path, tone_wav: Path) -> None:
    assert media_duration_ms(bars_mp4) == pytest.approx(TONE_SECONDS * 1000, abs=30)
    assert media_duration_ms(tone_wav) == TONE_SECONDS * 1000


def test_a_subtitle_file_picked_as_media_is_refused_with_its_name(tmp_path: Path) -> None:
    fake = tmp_path / "interview.mp4"
    fake.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n")
    with pytest.raises(MediaError, match=r"interview\.mp4: damaged, or not a media file"):
        decoded_samples(fake)


def test_garbage_bytes_are_refused_by_both_functions(tmp_path: Path) -> None:
    fake = tmp_path / "noise.mkv"
    fake.write_bytes(bytes(range(256)) * 64)
    for read in (decoded_samples, media_duration_ms):
        with pytest.raises(MediaError, match=r"noise\.mkv: damaged, or not a media file"):
            read(fake)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="does not exist"):
        decoded_samples(tmp_path / "gone.wav")


def test_a_silent_video_says_it_has_no_audio_and_what_to_open_instead(make_media: MakeMedia) -> None:
    mute = make_media("mute.mp4", audio=False)
    with pytest.raises(MediaError) as raised:
        decoded_samples(mute)
    assert str(raised.value) == (f"{mute}: the file has no audio track: auto-sync and listening need the speech, so "
                                 "open a copy of the programme with its sound")


def test_a_video_cut_short_while_copied_says_what_to_do(bars_mp4: Path, tmp_path: Path) -> None:
    """A third of an MP4 whose index is at its end (as ffmpeg writes it): the reason alone left staff guessing."""
    partial = tmp_path / "programme.mp4"
    partial.write_bytes(bars_mp4.read_bytes()[: bars_mp4.stat().st_size // 3])
    with pytest.raises(MediaError) as raised:
        probe_media(partial)
    assert str(raised.value).startswith(f"{partial}: damaged, or not a media file this editor can decode (")
    assert str(raised.value).endswith("). A file still being copied or downloaded looks like this: open it once "
                                      "that has finished, or open another copy of the programme.")


def test_audio_in_a_codec_without_a_decoder_is_named_not_a_crash(tone_wav: Path, tmp_path: Path) -> None:
    odd = tmp_path / "odd.wav"
    wav = bytearray(tone_wav.read_bytes())
    fmt = wav.index(b"fmt ") + 8
    wav[fmt: fmt + 2] = (0x1234).to_bytes(2, "little")  # a WAVE format tag no decoder knows
    odd.write_bytes(bytes(wav))
    for job in (decoded_samples, probe_media):
        with pytest.raises(MediaError, match=r"odd\.wav: its audio is in a format this editor cannot decode"):
            job(odd)


def test_a_truncated_wav_gives_the_audio_before_the_cut(tone_wav: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "cut.wav"
    whole = tone_wav.read_bytes()
    damaged.write_bytes(whole[: len(whole) // 2])
    assert decoded_samples(damaged).size == pytest.approx(TONE_SECONDS * 16000 / 2, rel=0.02)


def test_a_truncated_mp4_is_reported_as_damaged(bars_mp4: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "cut.mp4"
    whole = bars_mp4.read_bytes()
    damaged.write_bytes(whole[: len(whole) // 2])  # the index (moov) is at the end: nothing is playable
    with pytest.raises(MediaError, match=r"cut\.mp4: damaged"):
        decoded_samples(damaged)


def test_probe_tells_sound_and_picture_apart(bars_mp4: Path, tone_wav: Path, make_media: MakeMedia) -> None:
    clip = probe_media(bars_mp4)
    assert clip.has_audio and clip.has_video and clip.duration_ms == pytest.approx(3000, abs=30)
    assert probe_media(tone_wav) == MediaInfo(duration_ms=TONE_SECONDS * 1000, has_audio=True, has_video=False)
    mute = probe_media(make_media("mute.webm", audio=False))
    assert mute.has_video and not mute.has_audio


def test_probe_refuses_what_cannot_play(tmp_path: Path) -> None:
    notes = tmp_path / "notes.mkv"
    notes.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n")
    with pytest.raises(MediaError, match=r"notes\.mkv: damaged, or not a media file"):
        probe_media(notes)
