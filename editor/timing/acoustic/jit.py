"""numba (BSD-2) stays behind this module: how the aligner's compiled loops (kernels) are obtained.

An installer carries them compiled ahead of time (the `_aot_kernels` extension module that
packaging/compile_kernels.py makes at build time) and neither numba nor llvmlite. Elsewhere numba compiles
them on first use, cached under the user's cache folder so only the first auto-sync on a machine pays for it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple, TypeVar

import numpy as np

Function = TypeVar("Function", bound=Callable[..., Any])
HERE = Path(__file__).parent
AHEAD_OF_TIME = "_aot_kernels"  # the extension module packaging/compile_kernels.py writes beside this file
MANIFEST = "_aot_manifest"  # ...and what it was compiled from and for: sources digest, argument types
KERNELS: dict[str, Callable[..., Any]] = {}  # name -> the kernel as compiled() returned it (the build reads it)


class AheadOfTime(NamedTuple):
    """The kernels compiled at build time, and each one's argument types as the build recorded them."""

    module: ModuleType
    arguments: dict[str, tuple[Any, ...]]


def compiled(function: Function) -> Function:
    """The function compiled to machine code (loops numpy cannot vectorise)."""
    name = kernel_name(function)
    ahead = ahead_of_time()
    kernel = _checked(ahead, name) if ahead is not None else _jit(function)
    KERNELS[name] = kernel
    return kernel  # type: ignore[return-value]


def inlined(function: Function) -> Function:
    """A helper of the kernels, compiled into each kernel that calls it: a call that hands over arrays costs
    more than a senone's score (the search calls one per state and frame; inlined, a hearing took 25 % less
    CPU). Nothing outside the kernels calls it, so an installer's build has it inside them and needs no copy."""
    if ahead_of_time() is not None:
        return function
    return _numba().njit(inline="always", nogil=True)(function)  # type: ignore[no-any-return]


def kernel_name(function: Callable[..., Any]) -> str:
    """The name a kernel is exported under: its module's and its own ('viterbi__search')."""
    return f"{function.__module__.rsplit('.', 1)[-1]}_{function.__name__}"


def sources_digest(folder: Path = HERE) -> str:
    """What the kernels were written in: this package's Python files ('' where there are none, as installed)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        if path.stem != MANIFEST:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest() if any(folder.glob("*.py")) else ""


@functools.cache
def ahead_of_time() -> AheadOfTime | None:
    """The build's compiled kernels, if present and made from these very sources (a stale build is ignored)."""
    try:
        module = importlib.import_module(f"{__package__}.{AHEAD_OF_TIME}")
        manifest = importlib.import_module(f"{__package__}.{MANIFEST}")
    except ImportError:
        return None
    here = sources_digest()
    if here and here != manifest.SOURCES:
        return None
    return AheadOfTime(module, manifest.ARGUMENTS)


def _jit(function: Function) -> Function:
    """numba's compiled function, cached on disk where the user's cache folder allows it."""
    return _numba().njit(cache=_usable_cache_folder() is not None, nogil=True)(function)  # type: ignore[no-any-return]


def _numba() -> ModuleType:
    """numba, told first where its cache is (it reads the folder when it is imported)."""
    cache = _usable_cache_folder()
    if cache is not None:
        os.environ.setdefault("NUMBA_CACHE_DIR", str(cache))
    import numba

    return numba


@functools.cache
def _usable_cache_folder() -> Path | None:
    """~/.cache/cueline/numba if it can be written; None (compile in every run) where it cannot."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "cueline" / "numba"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            return folder
    except OSError as error:
        logging.getLogger(__name__).warning(
            "Cannot keep compiled code in %s (%s): the aligner is compiled again in every run", folder, error)
        return None


def _checked(ahead: AheadOfTime, name: str) -> Callable[..., Any]:
    """The build's kernel, refusing arguments of other types than it was compiled for: its machine code
    would read them as the recorded types (only the item size is checked when numba's AOT code unboxes)."""
    kernel, expected = getattr(ahead.module, name), ahead.arguments[name]

    def call(*arguments: Any) -> Any:
        for position, (value, wanted) in enumerate(zip(arguments, expected, strict=True), 1):
            if not _fits(value, wanted):
                raise TypeError(f"the installed aligner's {name} was built for {wanted} as argument {position},"
                                f" not {_described(value)}: rebuild the installer")
        return kernel(*arguments)

    return call


def _fits(value: Any, wanted: tuple[Any, ...]) -> bool:
    """Whether `value` has the type numba recorded: ('array', dtype, ndim, layout), ('tuple', ...) or a scalar."""
    if wanted[0] == "array":
        return (isinstance(value, np.ndarray) and value.dtype.name == wanted[1] and value.ndim == wanted[2]
                and (wanted[3] != "C" or value.flags.c_contiguous) and (wanted[3] != "F" or value.flags.f_contiguous))
    if wanted[0] == "tuple":
        return isinstance(value, tuple) and len(value) == len(wanted[1]) and all(
            _fits(item, kind) for item, kind in zip(value, wanted[1], strict=True))
    return _described(value) == wanted


def _described(value: Any) -> tuple[Any, ...]:
    """A value's type in the manifest's terms (Python's int, float and bool are numba's int64, float64, bool)."""
    if isinstance(value, np.ndarray):
        layout = "C" if value.flags.c_contiguous else "F" if value.flags.f_contiguous else "A"
        return ("array", value.dtype.name, value.ndim, layout)
    if isinstance(value, tuple):
        return ("tuple", tuple(_described(item) for item in value))
    if isinstance(value, bool | np.bool_):
        return ("scalar", "bool")
    if isinstance(value, int | float):
        return ("scalar", "int64" if isinstance(value, int) else "float64")
    return ("scalar", np.asarray(value).dtype.name)


def single_threaded_blas() -> None:
    """Keep numpy's OpenBLAS on one thread (best effort: the wheels' bundled library, where present)."""
    import ctypes
    import glob

    folder = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(folder, "libscipy_openblas*")):
        library = ctypes.CDLL(path)
        for name in ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads"):
            if hasattr(library, name):
                getattr(library, name)(1)
                return
