"""Compiles the aligner's numba kernels ahead of time (numba.pycc) into one extension module beside them, so
the installer carries neither numba nor llvmlite (53 MiB of the .deb) and never compiles at run time.

    python packaging/compile_kernels.py SOURCE_ROOT
        -> SOURCE_ROOT/editor/timing/acoustic/_aot_kernels.*.so and _aot_manifest.py

Run by the build scripts on the exported sources, in the build venv (numba, setuptools and a C/C++ compiler
with Python's headers). Each kernel is exported at the one set of argument types the aligner calls it with,
recorded by running the aligner once under numba's JIT on a made-up clip, so the kernels need no hand-written
signatures; the manifest keeps those types (the installed kernels refuse others) and a digest of the sources.
On x86-64 the code is for x86-64-v2 (SSE4.2 and POPCNT: Intel since 2008, AMD since 2011; Windows 11 and
macOS 12 need them anyway): a hearing then takes about 6 % longer than with numba's JIT for the machine's own
CPU, where code for the generic x86-64 took 40 % longer. Other architectures get their generic CPU.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np

TARGET_CPU = {"x86_64": "x86-64-v2", "amd64": "x86-64-v2"}  # by platform.machine(), lower case


def record_kernels() -> dict[str, Any]:
    """Every kernel, compiled by numba's JIT at the types one hearing of a made-up clip calls it with."""
    from editor.timing.acoustic import jit
    from editor.timing.acoustic.listen import ListenJob
    from editor.timing.acoustic.listener import Listener
    from editor.timing.recognize import load_dictionary

    assert jit.ahead_of_time() is None, "compiled kernels are already present: export the sources afresh"
    words = ("the", "parliament", "convened", "on", "the", "first", "of", "july")
    dictionary = load_dictionary()
    listener = Listener({word: dictionary[word] for word in words})
    noise = np.random.default_rng(0).normal(0, 3000, 16_000 * 2).clip(-32767, 32767).astype("<i2")
    listener.hear(ListenJob(noise.tobytes(), 0, words))
    return jit.KERNELS


def argument_spec(kind: Any) -> tuple[Any, ...]:
    """A numba type in the manifest's terms, which editor/timing/acoustic/jit.py checks arguments against."""
    from numba.core import types
    from numba.np.numpy_support import as_dtype

    if isinstance(kind, types.Array):
        return ("array", as_dtype(kind.dtype).name, kind.ndim, kind.layout)
    if isinstance(kind, types.BaseTuple):
        return ("tuple", tuple(argument_spec(item) for item in kind))
    return ("scalar", as_dtype(kind).name)


def compile_kernels(kernels: dict[str, Any], folder: Path) -> dict[str, tuple[Any, ...]]:
    """The extension module in `folder`; each kernel's argument specs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pycc's pending deprecation: see the README's packaging section
        from numba.pycc import CC, compiler
    compiler.Flags = _releasing_the_gil(compiler.Flags)
    module = CC("_aot_kernels")
    module.output_dir = str(folder)
    module.target_cpu = TARGET_CPU.get(platform.machine().lower(), "")
    arguments = {}
    for name, dispatcher in sorted(kernels.items()):
        signature = _one_signature(name, dispatcher)
        module.export(name, signature)(dispatcher.py_func)
        arguments[name] = tuple(argument_spec(kind) for kind in signature.args)
    module.compile()
    return arguments


def _releasing_the_gil(flags: Any) -> Any:
    """numba's compiler flags, but letting go of the GIL in each kernel, as the JIT's do (jit.py: nogil): the
    aligner hears on threads (editor/timing/align.py), which pycc's default flags would run one at a time."""

    class Flags(flags):
        def __init__(self, *arguments: Any) -> None:
            super().__init__(*arguments)
            self.release_gil = True

    return Flags


def _one_signature(name: str, dispatcher: Any) -> Any:
    """The argument and return types the kernel was compiled for; numba's own versions for a constant
    argument (Literal[int](0), made when a kernel calls another) are left out: the general one serves them."""
    from numba.core import types

    general = [kinds for kinds in dispatcher.signatures if not any(isinstance(kind, types.Literal) for kind in kinds)]
    if len(general) != 1:
        raise SystemExit(f"kernel {name} was compiled for {len(general)} sets of argument types, not one: its "
                         "callers must agree (or the recording in packaging/compile_kernels.py never reached it)")
    return dispatcher.overloads[general[0]].signature


def write_manifest(folder: Path, arguments: dict[str, tuple[Any, ...]], sources: str) -> None:
    text = (f'"""Made by packaging/compile_kernels.py: what _aot_kernels was compiled from and for."""\n\n'
            f"SOURCES = {sources!r}\nARGUMENTS = {arguments!r}\n")
    (folder / "_aot_manifest.py").write_text(text, encoding="utf-8")


def main(root: Path) -> None:
    # A cold cache: numba compiles a kernel's callees only when it compiles the kernel, not when it loads it.
    os.environ["NUMBA_CACHE_DIR"] = tempfile.mkdtemp(prefix="cueline-kernels-")
    sys.path.insert(0, str(root))
    from editor.timing.acoustic import jit

    folder = Path(jit.__file__).parent
    assert folder.is_relative_to(root), f"{folder} is not under {root}"
    arguments = compile_kernels(record_kernels(), folder)
    write_manifest(folder, arguments, jit.sources_digest(folder))
    print(f"compiled {len(arguments)} kernels into {next(folder.glob('_aot_kernels*'))}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
