"""Entry point of the frozen `cueline` program (PyInstaller runs this file, not the console script)."""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # Auto-sync starts worker processes with "spawn": in a frozen program each worker re-runs this
    # executable, and freeze_support() turns that run into the worker instead of a second editor.
    multiprocessing.freeze_support()
    # The Windows editor has no console, so PyInstaller leaves these None; a message must not crash it.
    sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the whole run)
    sys.stderr = sys.stderr or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from editor.cli import main

    raise SystemExit(main())
