"""A worker process ends with the process that started it, even when that one is killed (kill -9, a crash).

A process pool's worker waits for its next job on a pipe whose writing end it holds itself, so it never sees
the editor go: without this it would wait forever, its decoder in memory, after every crash during a sync.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.process import BaseProcess


def end_with_parent() -> None:
    """In a worker (a multiprocessing child), exit as soon as the parent process is gone; elsewhere nothing."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_when_gone, args=(parent,), name="end-with-parent", daemon=True).start()


def _exit_when_gone(parent: BaseProcess) -> None:
    parent.join()  # returns when the parent's end of the sentinel pipe closes: it exited or was killed
    os._exit(0)  # no clean-up to wait for: the worker's only state is its decoder
