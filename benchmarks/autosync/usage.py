"""What one benchmark run uses, this process and its worker processes together: peak memory, and CPU seconds
over time, so each stage's CPU can be told apart from its wall time (which other work on the machine inflates),
and at the peak how much of the memory was this process's and how much its workers', and when.

Workers live only while an alignment runs, so the process tree is sampled every 50 ms; workers that have
exited count through the operating system's total for reaped children. The sampling's own CPU (about 5 % of a
core when it looked for workers on every sample) is left out.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Sequence

import numpy as np
import psutil

SAMPLE_SECONDS = 0.05
# Finding the workers scans every process on the machine (about 1 ms with 100 of them), so it is done every
# tenth sample: a worker started since counts from the next scan on, all its CPU since its start with it.
CHILDREN_EVERY = 10


class TreeUsage:
    """Samples the resident memory and the CPU seconds (user + system) of this process plus its workers."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self.peak_split_mb = (0.0, 0.0)  # at the peak: this process, its workers (and multiprocessing's tracker)
        self.peak_at = 0.0  # perf_counter of the peak, to tell which stage reached it
        self._me = psutil.Process()
        self._times: list[float] = []
        self._cpu: list[float] = []
        self._own_cpu: list[float] = []  # this process's alone: work no worker shares
        self._children: list[psutil.Process] = []
        self._samples = 0
        self.sampler_cpu = 0.0  # CPU seconds the sampling thread took: left out of every figure
        self._lock = threading.Lock()
        threading.Thread(target=self._watch, daemon=True).start()

    def stage_cpu(self, began: float, walls: Sequence[float], own: bool = False) -> list[float]:
        """CPU seconds of consecutive stages that started at perf_counter `began` and took `walls` seconds (with
        `own`, this process's alone)."""
        self._sample()
        with self._lock:
            times, cpu = np.asarray(self._times), np.asarray(self._own_cpu if own else self._cpu)
        at_bounds = np.interp(list(itertools.accumulate(walls, initial=began)), times, cpu)
        return [float(after - before) for before, after in itertools.pairwise(at_bounds)]

    def peak_stage(self, began: float, stages: dict[str, float]) -> str:
        """The stage (of consecutive stages that started at perf_counter `began`, name: wall seconds) during
        which the memory peaked."""
        ends = list(itertools.accumulate(stages.values(), initial=began))[1:]
        during = (name for name, end in zip(stages, ends, strict=True) if self.peak_at <= end)
        return next(during, "after the last stage")

    def _watch(self) -> None:
        while True:
            self._sample()
            self.sampler_cpu = time.thread_time()
            time.sleep(SAMPLE_SECONDS)

    def _sample(self) -> None:
        if self._samples % CHILDREN_EVERY == 0:
            self._children = self._me.children(recursive=True)
        self._samples += 1
        own = self._me.cpu_times()
        own_cpu = own.user + own.system - self.sampler_cpu
        cpu = own_cpu + own.children_user + own.children_system
        main_rss, children_rss = self._me.memory_info().rss, 0
        for child in self._children:
            with contextlib.suppress(psutil.Error):
                times = child.cpu_times()
                cpu, children_rss = cpu + times.user + times.system, children_rss + child.memory_info().rss
        now = time.perf_counter()
        with self._lock:
            self._times.append(now)
            self._cpu.append(cpu)
            self._own_cpu.append(own_cpu)
            if (main_rss + children_rss) / 2**20 > self.peak_mb:
                self.peak_mb, self.peak_at = (main_rss + children_rss) / 2**20, now
                self.peak_split_mb = (main_rss / 2**20, children_rss / 2**20)
