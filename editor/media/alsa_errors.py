"""ALSA's error messages, kept instead of printed: VLC's sound output goes through ALSA on Linux.

On a machine without a sound card, every time VLC tries its ALSA output, alsa-lib prints eight lines to
stderr itself (VLC's --quiet cannot stop them): about 1,200 lines for a few minutes of playing. Their one
fact the user needs, that there is no sound, is kept here so playback can say it once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import sys

# void handler(const char *file, int line, const char *function, int err, const char *fmt, ...): the variable
# arguments are not read (the format is enough to recognise the failure)
_HANDLER_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p)

_PRINTF_FIELD = re.compile(r"%[-+ #0-9.]*[a-zA-Z]")  # the values are in the unread arguments
_first_error: str | None = None
_handler: object | None = None  # the installed callback, kept alive as long as ALSA may call it


def _keep(_file: bytes | None, _line: int, function: bytes | None, _err: int, fmt: bytes | None) -> None:
    """Runs on VLC's threads: only remembers the first error."""
    global _first_error
    if _first_error is None:
        message = _PRINTF_FIELD.sub("…", (fmt or b"").decode(errors="replace"))
        _first_error = message or (function or b"an unnamed error").decode(errors="replace")


def keep_alsa_errors() -> None:
    """From now on ALSA's errors are kept, not printed (once per process; nothing where there is no alsa-lib)."""
    global _handler
    if _handler is not None or not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("asound")
    if name is None:
        return
    try:
        alsa = ctypes.CDLL(name)
    except OSError:
        return
    _handler = _HANDLER_TYPE(_keep)
    alsa.snd_lib_error_set_handler(_handler)


def first_alsa_error() -> str | None:
    """The first error ALSA reported since it was kept ("cannot find card '…'"), or None."""
    return _first_error
