"""Run recogniser jobs on every core, report progress, and stop promptly when cancelled.

Each job is a few seconds of audio, so checking for cancellation between jobs keeps the wait short; a
short file is handled in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from editor.timing.recognize import init_worker

Job = TypeVar("Job")
Result = TypeVar("Result")
MAX_WORKERS = 2
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


def run_jobs(
    work: Callable[[Job], Result], jobs: Sequence[Job], dictionary: str, progress: Progress,
    cancelled: Callable[[], bool] | None, parallel: bool,
) -> list[Result]:
    """Results of `work` for every job, in job order."""
    if not parallel or len(jobs) < 2:
        return _run_here(work, jobs, dictionary, progress, cancelled)
    workers = min(MAX_WORKERS, os.cpu_count() or 1, len(jobs))
    context = multiprocessing.get_context("spawn")  # fork is unsafe once Qt or threads are running
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker, initargs=(dictionary,)) as pool:
        futures = [pool.submit(work, job) for job in jobs]
        pending: set[Future[Result]] = set(futures)
        while pending:
            if cancelled is not None and cancelled():
                pool.shutdown(wait=False, cancel_futures=True)
                raise AlignmentCancelled
            _, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            progress.step(len(futures) - len(pending))
        return [future.result() for future in futures]


def _run_here(
    work: Callable[[Job], Result], jobs: Sequence[Job], dictionary: str, progress: Progress,
    cancelled: Callable[[], bool] | None,
) -> list[Result]:
    init_worker(dictionary)
    results = []
    for done, job in enumerate(jobs):
        if cancelled is not None and cancelled():
            raise AlignmentCancelled
        results.append(work(job))
        progress.step(done + 1)
    return results
