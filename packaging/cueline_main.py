"""Entry point of the frozen `cueline` program (PyInstaller runs this file, not the console script)."""

import multiprocessing

if __name__ == "__main__":
    # Auto-sync starts worker processes with "spawn": in a frozen program each worker re-runs this
    # executable, and freeze_support() turns that run into the worker instead of a second editor.
    multiprocessing.freeze_support()
    from editor.cli import main

    raise SystemExit(main())
