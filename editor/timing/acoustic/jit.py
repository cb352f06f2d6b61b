"""numba (BSD-2) stays behind this module: compiled loops, cached under the user's cache folder so only the
first auto-sync on a machine pays for compiling them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cueline" / "numba"


os.environ.setdefault("NUMBA_CACHE_DIR", str(_cache_folder()))  # read by numba when it is imported

import numba  # noqa: E402


def compiled(function: Function) -> Function:
    """The function compiled to machine code (loops numpy cannot vectorise)."""
    return numba.njit(cache=True, nogil=True)(function)  # type: ignore[return-value]


def single_threaded_blas() -> None:
    """Keep numpy's OpenBLAS on one thread (best effort: the wheels' bundled library, where present)."""
    import ctypes
    import glob

    import numpy

    folder = os.path.join(os.path.dirname(os.path.dirname(numpy.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(folder, "libscipy_openblas*")):
        library = ctypes.CDLL(path)
        for name in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads"):
            if hasattr(library, name):
                getattr(library, name)(1)
                return
