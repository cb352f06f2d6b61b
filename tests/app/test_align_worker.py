"""The auto-sync worker: results arrive on the GUI thread through signals, a replaced job's results never
arrive, a bad file is reported, and shutting down leaves no thread behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from timing.spoken import speak, write_wav

from editor.app.align_worker import AlignWorker
from editor.core.model import Cue, Document
from editor.workflows.autosync import AlignResult
from editor.workflows.sync_scope import whole_document

SENTENCE = "Officials said the talks would continue next week."


@pytest.fixture(scope="module")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("worker")
    speech = speak([0.4, SENTENCE, 0.4], folder)
    path = folder / "speech.wav"
    write_wav(speech.samples, path)
    return path


def scope_of(text: str):  # type: ignore[no-untyped-def]
    return whole_document(Document(cues=(Cue(0, 3000, text),), runtime_ms=3500))


def test_only_the_latest_job_reports_and_progress_reaches_the_end(qtbot, speech_wav: Path) -> None:  # type: ignore[no-untyped-def]
    worker = AlignWorker()
    results: list[AlignResult] = []
    fractions: list[float] = []
    worker.ready.connect(results.append)
    worker.progress.connect(fractions.append)
    worker.start(speech_wav, scope_of("A replaced job about something else entirely."))
    worker.start(speech_wav, scope_of(SENTENCE))
    qtbot.waitUntil(lambda: worker.idle, timeout=60_000)
    qtbot.wait(20)
    assert len(results) == 1
    assert [word.text for word in results[0].alignment.words] == SENTENCE.split()
    assert results[0].alignment.speech_found and results[0].media_ms > 3000
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    worker.deleteLater()


def test_an_unreadable_file_is_reported(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF and nothing else")
    worker = AlignWorker()
    with qtbot.waitSignal(worker.failed, timeout=30_000) as failure:
        worker.start(broken, scope_of(SENTENCE))
    assert "broken.wav" in failure.args[0]
    assert not worker.running
    worker.shutdown()
    worker.deleteLater()


def test_shutdown_stops_a_running_job_and_leaves_no_thread(qtbot, speech_wav: Path) -> None:  # type: ignore[no-untyped-def]
    worker = AlignWorker()
    results: list[AlignResult] = []
    worker.ready.connect(results.append)
    worker.start(speech_wav, scope_of(SENTENCE))
    worker.shutdown()
    assert worker.idle and not worker.running
    qtbot.wait(20)
    assert results == []
    worker.deleteLater()


def test_a_result_that_arrives_after_cancel_is_dropped(qtbot, speech_wav: Path) -> None:  # type: ignore[no-untyped-def]
    worker = AlignWorker()
    results: list[AlignResult] = []
    worker.ready.connect(results.append)
    worker.start(speech_wav, scope_of(SENTENCE))
    worker.wait()  # the job finished: its result waits in the event queue
    worker.cancel()  # the user pressed Cancel just then
    qtbot.wait(50)
    assert results == []
    worker.shutdown()
    worker.deleteLater()
