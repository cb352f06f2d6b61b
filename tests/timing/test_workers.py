"""The recogniser's worker processes end with the editor that started them, even when it is killed (kill -9,
a crash) in the middle of an auto-sync: they used to wait for jobs forever, with their decoders in memory; and
they stop at once when auto-sync is cancelled."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from editor.timing.recognize import dictionary_text
from editor.timing.workers import AlignmentCancelled, Progress, Workers

# Starts a pool of two workers, lets them finish a job each, then keeps the pool open (as an auto-sync does
# between jobs) and names the workers; the test kills it there.
HOLD_THE_POOL = """
import multiprocessing, time
from editor.timing.recognize import dictionary_text
from editor.timing.workers import Progress, Workers

if __name__ == "__main__":
    with Workers(dictionary_text({}), None, 2) as workers:
        workers.run(time.sleep, 2, lambda _index: 0, Progress(None, 0.0, 1.0, 2))
        print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
        time.sleep(600)
"""


def running(pid: int) -> bool:
    """Alive and not a zombie left for a parent that never reaps (a container's first process may not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_workers_end_when_the_editor_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "hold_the_pool.py"
    script.write_text(HOLD_THE_POOL, encoding="utf-8")
    editor = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)  # stderr: the killed editor's resource tracker reports what it cleaned
    assert editor.stdout is not None
    workers = [int(pid) for pid in editor.stdout.readline().split()]
    assert len(workers) >= 2 and all(running(pid) for pid in workers)
    os.kill(editor.pid, signal.SIGKILL)
    editor.wait()
    deadline = time.monotonic() + 30  # a generous bound for a loaded machine: without the fix they never end
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_cancel_stops_the_jobs_already_running_at_once() -> None:
    """Cancel used to let each worker finish its current job (3-6 s of CPU on a recogniser job)."""
    polls = 0

    def cancelled() -> bool:  # cancel once the workers have had a second and more to start their jobs
        nonlocal polls
        polls += 1
        return polls > 15

    endless = range(10**12)  # summing it keeps a worker busy for hours
    add_up: Callable[[range], int] = sum
    try:
        with pytest.raises(AlignmentCancelled), Workers(dictionary_text({}), cancelled, 2) as workers:
            workers.run(add_up, 4, lambda _index: endless, Progress(None, 0.0, 1.0, 4))
        assert multiprocessing.active_children() == []
    finally:
        for child in multiprocessing.active_children():
            child.kill()
