"""Bytes to text for every reader: BOMs, UTF-16 without BOM, UTF-8, and legacy 8-bit code pages detected.

Legacy files are detected with charset-normalizer, never assumed to be Latin-1. When several code pages
read the bytes about equally well (short texts often do), Windows-1252 wins the tie, then the other Windows
code pages: they are by far the most common legacy encodings of subtitle files.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from editor.formats.errors import FormatError

# Longest first: a UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PREFERRED_LEGACY = "cp1252"
# Within this much "chaos" (charset-normalizer's mess ratio) of the best reading, Windows-1252 wins: on short
# texts its language-coherence score often prefers a DOS code page that turns curly quotes into "ô" and "ö".
_CHAOS_TIE = 0.1
# Next in a tie: any Windows code page (cp1250 Polish, cp1251 Cyrillic...) over ISO, DOS and Mac ones, which
# subtitle tools rarely wrote.
_WINDOWS_CODE_PAGE = "cp125"
_MAX_NUL_SHARE = 0.1
BINARY_WHAT_TO_DO = ("Whatever its name says, it holds no captions or transcript: open the caption file or "
                     "transcript your captioning tool saved (a damaged copy looks like this too)")
_MAX_FILE_BYTES = 200 * 1024 * 1024


def read_text(path: Path) -> str:
    """A text file's content with newlines as "\\n"; a FormatError the user can act on if it can't be read."""
    path = Path(path)
    try:
        status = path.stat()
        if stat.S_ISFIFO(status.st_mode) or stat.S_ISCHR(status.st_mode) or stat.S_ISSOCK(status.st_mode):
            # A pipe or a device (/dev/zero) never ends or never answers: reading it would hang the editor.
            raise FormatError("not a regular file (a pipe, socket or device): cannot read it as text", path)
        if status.st_size > _MAX_FILE_BYTES:
            raise FormatError("file is too large to be a subtitle or transcript file", path)
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise FormatError("file not found", path) from error
    except IsADirectoryError as error:
        raise FormatError("is a folder, not a file", path) from error
    except PermissionError as error:
        raise FormatError("permission denied: cannot read this file", path) from error
    except OSError as error:
        raise FormatError(f"cannot read this file: {error.strerror or error}", path) from error
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: Path | None = None) -> str:
    """Text from bytes in any encoding a subtitle file is found in; FormatError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalise_newlines(_decode_strictly(data[len(bom) :], encoding, path))
    utf16 = _utf16_without_bom(data)
    if utf16:
        return normalise_newlines(_decode_strictly(data, utf16, path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise FormatError(f"this is a binary file, not text (it contains NUL bytes). {BINARY_WHAT_TO_DO}", path,
                              1) from None
        mixed = _utf8_with_stray_bytes(data)
        return normalise_newlines(mixed if mixed is not None else _decode_legacy(data, path))
    if data.count(0) > len(data) * _MAX_NUL_SHARE:
        raise FormatError(f"this is a binary file, not text (it is full of NUL bytes). {BINARY_WHAT_TO_DO}", path, 1)
    # A stray NUL in otherwise good text shows as U+FFFD, as the WebVTT spec says; nothing is dropped.
    return normalise_newlines(text.replace("\x00", "\ufffd"))


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become "\\n", so readers only ever see one line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_strictly(data: bytes, encoding: str, path: Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = _line_of_offset(data, error.start, encoding)
        raise FormatError(f"invalid {encoding.upper()} text (byte {error.start})", path, line) from error


def _line_of_offset(data: bytes, offset: int, encoding: str) -> int:
    """1-based line holding a byte offset, counting newlines in what decoded fine before it."""
    text = data[:offset].decode(encoding, errors="ignore")
    return normalise_newlines(text).count("\n") + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte for ASCII-heavy text such as subtitles."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _utf8_with_stray_bytes(data: bytes) -> str | None:
    """UTF-8 text with a few Windows-1252 bytes pasted in (a dash copied from a Word file), each read as
    Windows-1252 (reading it all as a code page would turn every "é" into "Ã©"); None when UTF-8 letters are
    fewer than the stray bytes: a legacy file, whose accented capital seldom meets the punctuation that would
    make it look like UTF-8."""
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    if sum(ord(character) > 0x7F for character in lenient) - stray < stray:
        return None
    return data.decode("utf-8", errors=_STRAY_BYTES_AS_CP1252)


def _stray_byte_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler behind _utf8_with_stray_bytes: the bad bytes as Windows-1252 (else Latin-1)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(_cp1252_or_latin1(bytes([byte])) for byte in bad), error.end


def _cp1252_or_latin1(byte: bytes) -> str:
    try:
        return byte.decode(_PREFERRED_LEGACY)
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
        return byte.decode("latin-1")


_STRAY_BYTES_AS_CP1252 = "cueline-stray-bytes-as-cp1252"
codecs.register_error(_STRAY_BYTES_AS_CP1252, _stray_byte_as_cp1252)


def _decode_legacy(data: bytes, path: Path | None) -> str:
    from charset_normalizer import from_bytes  # only for files that are not UTF-8: it costs 0.05 s to import

    matches = list(from_bytes(data))
    if not matches:
        raise FormatError("cannot tell this file's text encoding: it does not look like text", path)
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos + _CHAOS_TIE]
    if any(_PREFERRED_LEGACY in m.could_be_from_charset for m in tied):
        return data.decode(_PREFERRED_LEGACY)
    windows = [m for m in tied if any(name.startswith(_WINDOWS_CODE_PAGE) for name in m.could_be_from_charset)]
    return str(windows[0] if windows else best)
