"""A guard against a PySide6 6.12 bug: `SignalInstance.emit()` returns Python's True without taking a
reference, so every `emit()` made from Python lowers True's reference count by one, and after a few
hundred emits the interpreter aborts ("Fatal Python error: bool_dealloc").

Giving True and False a very large head start of references is harmless on any version (they are never
freed anyway, and on Python 3.12+ they are immortal and the extra count is ignored), and keeps the
editor alive however many signals it emits. Applied once, on import of editor.app or editor.ui.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_HEAD_START = 1 << 40  # at one lost reference per emit, more emits than a program makes in its life
_applied = False


def protect_booleans() -> None:
    """Raise the reference counts of True and False once, on CPython with an affected PySide6."""
    global _applied
    if _applied or sys.implementation.name != "cpython" or PySide6.__version_info__[:2] != (6, 12):
        return
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _HEAD_START
    _applied = True
