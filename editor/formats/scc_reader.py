"""Decoding SCC: a small CEA-608 decoder for pop-on captions on channel 1, timed frame by frame.

Each line's timecode is the frame of its first pair; every further pair is one frame later. A caption
appears on the frame of "end of caption" and leaves on the frame of "erase displayed memory" or of the next
"end of caption". A caption still on screen at the end of the file leaves two seconds after it appeared.
Parity bits are not checked (some tools write none); channel 2 and the second field are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.model import Cue
from editor.formats import cea608
from editor.formats.decoding import normalise_newlines
from editor.formats.errors import FormatError
from editor.formats.scc_timecode import ms_of_frame, parse_timecode

LAST_CAPTION_FRAMES = 60  # how long a caption never erased stays: two seconds
_WORD = re.compile(r"^[0-9a-fA-F]{4}$")
_CONTROL_FIRST_BYTES = range(0x10, 0x20)
_HEX = re.compile(r"[0-9a-fA-F]*")
_PARITY_OFF = bytes(byte & 0x7F for byte in range(256))
# A line's bytes as a control pair, or a run of character pairs (each alternative takes whole pairs).
_CONTROL_OR_TEXT = re.compile(rb"([\x10-\x1f][\x00-\x7f])|(?:[^\x10-\x1f][\x00-\x7f])+")
_TEXT_OF_BYTE = {code: cea608.BASIC.get(code) for code in range(0x80)}  # below 0x20: nothing to show


@dataclass
class _Decoder:
    """Caption memories and the captions shown so far."""

    path: Path | None
    loading: dict[int, list[str]] = field(default_factory=dict)
    shown: str = ""
    shown_since: int | None = None
    row: int = cea608.ROWS
    column: int = 0
    channel_one: bool = True
    previous_control: tuple[int, int] | None = None
    cues: list[Cue] = field(default_factory=list)

    def pair(self, first: int, second: int, frame: int, line: int) -> None:
        if first in _CONTROL_FIRST_BYTES:
            if (first, second) == self.previous_control:
                self.previous_control = None  # the repeat of a doubled code
                return
            self.previous_control = (first, second)
            self.channel_one = first < 0x18
            if self.channel_one:
                self._control(first, second, frame, line)
            return
        self.previous_control = None
        for byte in (first, second) if self.channel_one else ():
            if byte >= 0x20:
                self._write(cea608.BASIC[byte])

    def _control(self, first: int, second: int, frame: int, line: int) -> None:
        row = cea608.row_of_preamble(first, second)
        if row is not None:
            self.row, self.column = row, cea608.indent_of_preamble(second)
        elif first == 0x11 and second in cea608.SPECIAL:
            self._write(cea608.SPECIAL[second].replace("\u00a0", " "))
        elif first in cea608.EXTENDED and second in cea608.EXTENDED[first]:
            self.column = max(0, self.column - 1)
            self._write(cea608.EXTENDED[first][second])
        elif first == 0x11 and 0x20 <= second <= 0x2F:
            self._write(" ")  # a mid-row style change takes a column
        elif first == cea608.TAB and 0x21 <= second <= 0x23:
            self.column = min(cea608.COLUMNS - 1, self.column + second - 0x20)
        elif first in (cea608.MISC, 0x15):
            self._command(second, frame, line)

    def _command(self, code: int, frame: int, line: int) -> None:
        if code in cea608.ROLL_UP or code == cea608.RESUME_DIRECT_CAPTIONING:
            kind = "roll-up" if code in cea608.ROLL_UP else "paint-on"
            raise FormatError(f"{kind} captions are not supported (Cueline reads pop-on SCC)", self.path, line)
        if code == cea608.END_OF_CAPTION:
            self._end_shown(frame)
            self.shown, self.shown_since = _screen(self.loading), frame
            self.loading = {}
        elif code == cea608.ERASE_DISPLAYED_MEMORY:
            self._end_shown(frame)
        elif code == cea608.ERASE_NON_DISPLAYED_MEMORY:
            self.loading = {}
        elif code == cea608.BACKSPACE:
            self.column = max(0, self.column - 1)
            self._row_cells()[self.column] = " "
        elif code == cea608.DELETE_TO_END_OF_ROW:
            cells = self._row_cells()
            cells[self.column :] = [" "] * (cea608.COLUMNS - self.column)

    def text_pairs(self, raw: bytes) -> None:
        """A run of character pairs (no control code among them), as `pair` would take them one by one."""
        self.previous_control = None
        text = raw.decode("latin-1").translate(_TEXT_OF_BYTE) if self.channel_one else ""
        if not text:
            return
        cells = self._row_cells()
        head = text[: cea608.COLUMNS - 1 - self.column]  # what lands before the last column
        cells[self.column : self.column + len(head)] = head
        self.column += len(head)
        if len(head) < len(text):  # the rest overwrite the last column, the final one stays
            cells[cea608.COLUMNS - 1], self.column = text[-1], cea608.COLUMNS - 1

    def _write(self, character: str) -> None:
        self._row_cells()[self.column] = character
        self.column = min(cea608.COLUMNS - 1, self.column + 1)

    def _row_cells(self) -> list[str]:
        return self.loading.setdefault(self.row, [" "] * cea608.COLUMNS)

    def _end_shown(self, frame: int) -> None:
        if self.shown_since is not None and self.shown:
            self.cues.append(Cue(ms_of_frame(self.shown_since), ms_of_frame(frame), self.shown))
        self.shown, self.shown_since = "", None

    def finish(self) -> list[Cue]:
        if self.shown_since is not None:
            self._end_shown(self.shown_since + LAST_CAPTION_FRAMES)
        return self.cues


def _screen(rows: dict[int, list[str]]) -> str:
    lines = ("".join(rows[row]).strip() for row in sorted(rows))
    return "\n".join(line for line in lines if line)


def decode_scc(text: str, path: Path | None = None) -> list[Cue]:
    """Cues from SCC text; FormatError with the line number for a missing header or a malformed line."""
    lines = normalise_newlines(text).lstrip("\ufeff").split("\n")
    if not lines or not lines[0].strip().startswith("Scenarist_SCC V1.0"):
        raise FormatError("not an SCC file (the first line must be 'Scenarist_SCC V1.0')", path, 1)
    decoder = _Decoder(path)
    last_frame = -1
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        timecode, _, data = line.strip().replace("\t", " ").partition(" ")
        try:
            frame = parse_timecode(timecode)
        except ValueError as error:
            raise FormatError(str(error), path, number) from None
        if frame < last_frame:
            raise FormatError(f"timecode {timecode} is earlier than the line before", path, number)
        words = data.split()
        if not _decode_valid_line(decoder, words, frame, number):
            _decode_word_by_word(decoder, words, frame, number)
        last_frame = frame
    return decoder.finish()


def _decode_valid_line(decoder: _Decoder, words: list[str], frame: int, number: int) -> bool:
    """Decode a line of well-formed words in runs (10 MB in well under 2 s); False leaves a bad line untouched."""
    joined = "".join(words)
    if set(map(len, words)) - {4} or not _HEX.fullmatch(joined):
        return False
    raw = bytes.fromhex(joined).translate(_PARITY_OFF)
    for match in _CONTROL_OR_TEXT.finditer(raw):
        if match.group(1) is None:
            decoder.text_pairs(match.group())
        else:
            decoder.pair(raw[match.start()], raw[match.start() + 1], frame + match.start() // 2, number)
    return True


def _decode_word_by_word(decoder: _Decoder, words: list[str], frame: int, number: int) -> None:
    """A line with a malformed word: the pairs before it are decoded, then the word is named."""
    for offset, hex_word in enumerate(words):
        if not _WORD.match(hex_word):
            raise FormatError(f"{hex_word!r} is not a byte pair (four hex digits)", decoder.path, number)
        decoder.pair(int(hex_word[:2], 16) & 0x7F, int(hex_word[2:], 16) & 0x7F, frame + offset, number)
