"""A percentage on the terminal while a long command-line job listens to the media."""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_printer(doing: str) -> Callable[[float], None] | None:
    """Prints "`doing` the media's speech: NN%" in place; None when stderr is not a terminal (a log file)."""
    if not sys.stderr.isatty():
        return None

    def show(fraction: float) -> None:
        print(f"\r{doing} the media's speech: {fraction:4.0%}", end="" if fraction < 1 else "\n",
              file=sys.stderr, flush=True)

    return show
