"""Decode any media's audio to mono PCM with PyAV (the only module that imports av).

Long programmes are decoded as a stream of chunks so a three-hour file never becomes one giant float array:
the waveform reduces each chunk to peaks as it goes, auto-sync keeps it as 16-bit PCM (editor.timing.recording).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

import numpy as np

if TYPE_CHECKING:
    import av

DEFAULT_SAMPLE_RATE = 16000
DAMAGED_WHAT_TO_DO = ("A file still being copied or downloaded looks like this: open it once that has finished, or "
                      "open another copy of the programme.")
_CHUNK_SECONDS = 10


class MediaError(Exception):
    """The media cannot be opened or decoded; the message names the file and says why, for the user."""


class DecodeCancelled(Exception):
    """The caller asked to stop decoding (the user pressed Cancel)."""


ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class MediaInfo:
    """What the editor needs to know before playing: how long, and whether there is sound and picture."""

    duration_ms: int | None
    has_audio: bool
    has_video: bool


def probe_media(path: Path) -> MediaInfo:
    """Open the media once to check that it decodes at all (raises MediaError with the reason if not)."""
    with _open_container(path) as container:
        has_audio, has_video = bool(_decodable_audio(container)), bool(container.streams.video)
        if not has_audio and not has_video:
            _audio_stream(container, path)  # says why: no audio, or audio in a format it cannot decode
        return MediaInfo(_container_duration_ms(container), has_audio, has_video)


def media_duration_ms(path: Path) -> int | None:
    """The media's running time, to compare with the transcript's; None when the container does not say."""
    with _open_container(path) as container:
        return _container_duration_ms(container)


def picture_size(path: Path | str | None) -> tuple[int, int] | None:
    """The video's frame size (width, height), for exports that place text in pixels; None when there is no
    video to open (none named, audio only, unreadable): the export then assumes its default picture."""
    try:
        with _open_container(Path(path)) if path else nullcontext() as container:
            stream = container.streams.video[0] if container and container.streams.video else None
            return (stream.width, stream.height) if stream and stream.width and stream.height else None
    except MediaError:
        return None


def _container_duration_ms(container: av.container.InputContainer) -> int | None:
    if container.duration is not None and container.duration > 0:
        return round(container.duration / 1000)  # container.duration is in microseconds
    for stream in container.streams:
        if stream.duration and stream.time_base:
            return round(float(stream.duration * stream.time_base) * 1000)
    return None


def iter_audio_chunks(
    path: Path,
    sample_rate: int = DEFAULT_SAMPLE_RATE,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    chunk_seconds: float = _CHUNK_SECONDS,
) -> Iterator[np.ndarray]:
    """Consecutive float32 mono chunks of about `chunk_seconds`, so callers can reduce audio as it streams.

    Raises MediaError when the file has no audio or cannot be decoded, DecodeCancelled when `cancelled()`.
    """
    chunk_samples = max(1, int(chunk_seconds * sample_rate))
    with _open_container(path) as container:
        stream = _audio_stream(container, path)
        total_seconds = _stream_seconds(container, stream)
        limit = round(total_seconds * sample_rate) if total_seconds > 0 else None
        chunks = _resampled_chunks(container, stream, path, sample_rate, chunk_samples, progress, cancelled)
        try:
            yield from _trimmed(chunks, limit)
        finally:
            chunks.close()  # PyAV objects must go before their container, in this thread (see _decoded_frames)
    if progress is not None:
        progress(1.0)


def _resampled_chunks(
    container: av.container.InputContainer,
    stream: av.audio.stream.AudioStream,
    path: Path,
    sample_rate: int,
    chunk_samples: int,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> Generator[np.ndarray, None, None]:
    total_seconds = _stream_seconds(container, stream)
    # Output frames of up to a second: the same samples as frame by frame, for about a third less CPU.
    frame_size = min(sample_rate, chunk_samples)
    resampler = _pyav().AudioResampler(format="flt", layout="mono", rate=sample_rate, frame_size=frame_size)
    pending: list[np.ndarray] = []
    pending_samples = 0
    frames = _decoded_frames(container, stream, path)
    try:
        for frame, seconds_done in frames:
            if cancelled is not None and cancelled():
                raise DecodeCancelled(str(path))
            for samples in _resampled(resampler, frame):
                pending.append(samples)
                pending_samples += samples.size
            if pending_samples >= chunk_samples:
                yield _joined(pending)
                pending, pending_samples = [], 0
                _report(progress, seconds_done, total_seconds)
    finally:
        frames.close()
    pending.extend(_resampled(resampler, None))
    tail = _joined(pending)
    if tail.size:
        yield tail


def _trimmed(chunks: Iterator[np.ndarray], limit: int | None) -> Iterator[np.ndarray]:
    """Drop the encoder's padding past the stream's stated duration, so sample times match media times."""
    emitted = 0
    for chunk in chunks:
        if limit is not None and emitted + chunk.size > limit:
            chunk = chunk[: max(0, limit - emitted)]
        emitted += chunk.size
        if chunk.size:
            yield chunk


def _pyav() -> ModuleType:
    """PyAV, loaded on first use: it takes a third of a second, and the editor opens captions without media."""
    import av

    return av


def _open_container(path: Path) -> av.container.InputContainer:
    if not Path(path).is_file():
        raise MediaError(f"{path}: the media file does not exist")
    pyav = _pyav()
    try:
        container: av.container.InputContainer = pyav.open(str(path), mode="r")
    except (pyav.FFmpegError, OSError, UnicodeDecodeError, ValueError) as error:
        raise _damaged(path, _reason(error)) from error
    return container


def _damaged(path: Path, why: str) -> MediaError:
    return MediaError(f"{path}: damaged, or not a media file this editor can decode ({why}). {DAMAGED_WHAT_TO_DO}")


def _audio_stream(container: av.container.InputContainer, path: Path) -> av.audio.stream.AudioStream:
    if not container.streams.audio and not container.streams.video:
        raise _damaged(path, "no audio or video")
    if not container.streams.audio:
        raise MediaError(f"{path}: the file has no audio track: auto-sync and listening need the speech, so open "
                         "a copy of the programme with its sound")
    decodable = _decodable_audio(container)
    if not decodable:
        raise MediaError(f"{path}: its audio is in a format this editor cannot decode; convert the audio to AAC "
                         "or WAV (for example ffmpeg -i IN -c:v copy -c:a aac OUT.mp4) and open that")
    stream = decodable[0]
    stream.codec_context.thread_type = "AUTO"
    return stream


def _decodable_audio(container: av.container.InputContainer) -> list[av.audio.stream.AudioStream]:
    """The audio streams PyAV has a decoder for (an unknown codec's stream has no codec context)."""
    return [stream for stream in container.streams.audio if stream.codec_context is not None]


def _stream_seconds(container: av.container.InputContainer, stream: av.audio.stream.AudioStream) -> float:
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / 1_000_000
    return 0.0


def _decoded_frames(
    container: av.container.InputContainer, stream: av.audio.stream.AudioStream, path: Path
) -> Generator[tuple[av.AudioFrame, float], None, None]:
    """Each decoded audio frame with its time in seconds (for progress); corrupt packets are skipped.

    The demuxer is closed explicitly, so a cancelled decode frees FFmpeg's objects here, before their
    container closes, rather than whenever and on whichever thread the garbage collector gets to them.
    """
    start = float(stream.start_time * stream.time_base) if stream.start_time and stream.time_base else 0.0
    packets = cast("Generator[av.Packet[av.audio.stream.AudioStream], None, None]", container.demux(stream))
    pyav = _pyav()
    try:
        for packet in packets:
            try:
                frames = packet.decode()
            except pyav.InvalidDataError:
                continue  # one damaged packet must not lose the whole waveform
            for frame in frames:
                seconds = float(frame.time) - start if frame.time is not None else 0.0
                yield frame, seconds
    except pyav.FFmpegError as error:
        raise MediaError(f"{path}: the audio cannot be decoded ({_reason(error)})") from error
    finally:
        packets.close()


def _resampled(resampler: av.AudioResampler, frame: av.AudioFrame | None) -> list[np.ndarray]:
    return [out.to_ndarray().reshape(-1) for out in resampler.resample(frame)]


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=np.float32)
    joined: np.ndarray = np.clip(np.concatenate(parts), -1.0, 1.0).astype(np.float32, copy=False)
    return joined


def _report(progress: ProgressCallback | None, seconds_done: float, total_seconds: float) -> None:
    if progress is not None and total_seconds > 0:
        progress(min(1.0, max(0.0, seconds_done / total_seconds)))


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error or type(error).__name__)
