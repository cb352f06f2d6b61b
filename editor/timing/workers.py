"""Run recogniser jobs on every core, report progress, and stop promptly when cancelled.

One pool of worker processes serves a whole alignment (starting one costs about a second). Jobs are made
only as workers free up, so an hour of audio is never copied into jobs all at once; each job is a few
seconds of audio, checked for cancellation between jobs, and on cancel the jobs still running are stopped. A
short file is handled in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from types import TracebackType
from typing import Any, TypeVar

from editor.timing.recognize import init_worker

Job = TypeVar("Job")
Result = TypeVar("Result")
MAX_WORKERS = min(2, os.cpu_count() or 1)
JOBS_AHEAD = 2  # jobs queued per worker beyond the one it runs
POLL_SECONDS = 0.1


class AlignmentCancelled(Exception):
    """The user cancelled auto-sync; nothing was changed."""


class Progress:
    """Maps the steps of one stage onto a slice of the whole bar."""

    def __init__(self, report: Callable[[float], None] | None, low: float, high: float, total: int) -> None:
        self._report, self._low, self._high, self._total = report, low, high, max(total, 1)

    def step(self, done: int) -> None:
        if self._report is not None:
            self._report(self._low + (self._high - self._low) * min(done, self._total) / self._total)


class Workers:
    """Processes for one stage of an alignment (or this process alone, when `count` is 0), each readied once by
    `ready(setup)`: by default recognisers, `setup` being their dictionary. With `threads`, one process runs
    `count` jobs at a time on threads: for work that lets go of the GIL (compiled loops), so what it loads is
    held once, and never by the editor's own process."""

    def __init__(self, setup: Any, cancelled: Callable[[], bool] | None, count: int,
                 ready: Callable[[Any], None] = init_worker, threads: bool = False) -> None:
        self._setup, self._ready, self._threads = setup, ready, threads
        self._cancelled, self._count = cancelled, count
        self._pool: ProcessPoolExecutor | None = None
        self._ready_here = False

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
                 ) -> None:
        if self._pool is None:
            return
        if kind is None:
            self._pool.shutdown()
            return
        # Cancelled (or failed): stop the jobs already running too, so no worker spends seconds of CPU on a
        # result nobody will read. (ProcessPoolExecutor.terminate_workers() does this from Python 3.14.)
        for worker in list((self._pool._processes or {}).values()):
            worker.terminate()
        self._pool.shutdown(cancel_futures=True)  # its manager thread reaps the stopped workers (only it: a
        # second thread joining them too could miss its child and leave it unreaped)

    def run(self, work: Callable[[Job], Result], count: int, make_job: Callable[[int], Job], progress: Progress
            ) -> list[Result]:
        """Results of `work` on jobs 0..count-1, in order."""
        if self._count == 0 or count < 2:
            return self._run_here(work, count, make_job, progress)
        pool = self._started()
        batch = self._count if self._threads else 1  # jobs a process runs at once
        results: dict[int, list[Result]] = {}
        running: dict[Future[list[Result]], int] = {}
        upcoming = 0
        while upcoming < count or running:
            while upcoming < count and len(running) * batch < self._count * (1 + JOBS_AHEAD):
                jobs = [make_job(index) for index in range(upcoming, min(count, upcoming + batch))]
                running[pool.submit(_run_batch, work, jobs)] = upcoming
                upcoming += len(jobs)
            self._check_cancelled()
            finished, _ = wait(running, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                results[running.pop(future)] = future.result()
            progress.step(sum(map(len, results.values())))
        return [result for first in sorted(results) for result in results[first]]

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # fork is unsafe once Qt or threads are running
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # each worker is one core's worth of work
            processes, threads = (1, self._count) if self._threads else (self._count, 0)
            self._pool = ProcessPoolExecutor(processes, context, _ready_process, (self._ready, self._setup, threads))
        return self._pool

    def _run_here(self, work: Callable[[Job], Result], count: int, make_job: Callable[[int], Job],
                  progress: Progress) -> list[Result]:
        if not self._ready_here:
            self._ready(self._setup)
            self._ready_here = True
        results = []
        for index in range(count):
            self._check_cancelled()
            results.append(work(make_job(index)))
            progress.step(index + 1)
        return results

    def _check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise AlignmentCancelled


_THREADS: list[ThreadPoolExecutor] = []  # a worker's threads, when its jobs run on threads


def _ready_process(ready: Callable[[Any], None], setup: Any, threads: int) -> None:
    ready(setup)
    if threads:
        _THREADS[:] = [ThreadPoolExecutor(threads)]


def _run_batch(work: Callable[[Job], Result], jobs: list[Job]) -> list[Result]:
    """Results of `work` on the jobs, on the worker's threads where it has them."""
    return list(_THREADS[0].map(work, jobs)) if _THREADS else [work(job) for job in jobs]
