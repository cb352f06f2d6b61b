"""Ways to take VLC away from a fresh Python process, for the fault tests (shared by test folders)."""

from __future__ import annotations

import ctypes.util
import shutil
from pathlib import Path

# A sitecustomize.py body: every attempt to load a library named like libvlc fails, as without VLC.
BLOCK_LIBVLC = """
import ctypes
_load = ctypes.CDLL.__init__
def _refuse_vlc(self, name, *args, **kwargs):
    if name and "vlc" in str(name):
        raise OSError(f"{name}: cannot open shared object file: No such file or directory")
    _load(self, name, *args, **kwargs)
ctypes.CDLL.__init__ = _refuse_vlc
"""
_LIBRARY_FOLDERS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")


def without_libvlc(folder: Path) -> dict[str, str]:
    """Environment for a process that cannot load libvlc."""
    (folder / "sitecustomize.py").write_text(BLOCK_LIBVLC)
    return {"PYTHONPATH": str(folder)}


def without_vlc_plugins(folder: Path) -> dict[str, str]:
    """Environment for a process whose libvlc has no plugins: libvlc looks for them beside libvlccore, so
    copies of both libraries in an empty folder have none."""
    soname = ctypes.util.find_library("vlc")
    libvlc = next((Path(d) / soname for d in _LIBRARY_FOLDERS if soname and (Path(d) / soname).exists()), None)
    assert libvlc is not None, "libvlc is needed in a standard library folder (./dev.sh test installs it)"
    core = next(libvlc.parent.glob("libvlccore.so.[0-9]"))  # the soname libvlc links against
    for library in (libvlc, core):
        shutil.copy(library, folder / library.name)
    return {"PYTHON_VLC_LIB_PATH": str(folder / libvlc.name), "LD_LIBRARY_PATH": str(folder)}
