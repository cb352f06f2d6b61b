"""Waveform peaks in the background: progress, result, cancel, cache, and a clear message for bad media."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from mediagen import generate_media

from editor.app.waveform_worker import WaveformWorker
from editor.media.waveform import Peaks, cache_path_beside


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_media(tmp_path_factory.mktemp("worker") / "tone.mp3", seconds=20)


@pytest.fixture
def worker(qapp: object) -> Iterator[WaveformWorker]:
    worker = WaveformWorker()
    yield worker
    worker.shutdown()


def test_peaks_arrive_with_progress_and_are_cached(worker: WaveformWorker, tone: Path, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    cache = cache_path_beside(tmp_path / "show.cueline")
    progress: list[float] = []
    worker.progress.connect(progress.append)
    with qtbot.waitSignal(worker.ready, timeout=30000) as ready:
        worker.start(tone, cache)
    peaks: Peaks = ready.args[0]
    assert peaks.duration_ms == pytest.approx(20_000, abs=100)
    assert progress == sorted(progress) and progress[0] < 1.0 and progress[-1] == 1.0  # a report per 10 s chunk
    highs = peaks.minmax(0, 20_000, 100)[1]
    np.testing.assert_allclose(highs, 1 / 8, atol=0.02)
    assert cache.exists() and not worker.running


def test_a_new_start_cancels_the_old_job(worker: WaveformWorker, tone: Path, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    results: list[Peaks] = []
    worker.ready.connect(results.append)
    worker.start(tone)
    worker.start(tone, tmp_path / "second.peaks.npz")
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    qtbot.wait(200)
    assert len(results) == 1  # the first job's result, if any came, was dropped


def test_cancel_drops_the_result(worker: WaveformWorker, tone: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    results: list[Peaks] = []
    worker.ready.connect(results.append)
    worker.start(tone)
    worker.cancel()
    assert not worker.running
    worker.shutdown()
    qtbot.wait(100)
    assert results == []


def test_bad_media_fails_with_its_name(worker: WaveformWorker, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "tape.wav"
    junk.write_bytes(b"RIFF nonsense")
    with qtbot.waitSignal(worker.failed, timeout=30000) as failed:
        worker.start(junk)
    assert failed.args[0].startswith("No waveform:") and "tape.wav" in failed.args[0]
