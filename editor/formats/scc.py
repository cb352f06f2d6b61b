"""Scenarist SCC (.scc): CEA-608 pop-on captions on channel 1 at 29.97 fps; the writer is in scc_writer.py.

Reading takes pop-on captions (the timing of "end of caption" and "erase displayed memory", frame by frame
within a line); roll-up and paint-on captions are refused with the line that starts them. A file read is
checked against the `cea608` style it was made for (32 columns, 1 s to 6 s), not the streaming profile.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.model import Cue, Document
from editor.formats.recipe import Format, Reading, ReadOptions, WriteOptions, Written, captions
from editor.formats.scc_reader import decode_scc
from editor.formats.scc_writer import CEA608_STYLE, export_scc

_SIGNATURE = re.compile(r"^\s*Scenarist_SCC V1\.0")


def looks_like_scc(text: str) -> bool:
    """SCC files open with their signature line."""
    return bool(_SIGNATURE.match(text.lstrip("\ufeff")))


def parse_scc(text: str, path: Path | None = None) -> list[Cue]:
    """The pop-on captions of channel 1 as cues; FormatError names the line of anything it cannot read."""
    return decode_scc(text, path)


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    return captions(parse_scc(text, path), path, style_name=CEA608_STYLE.name)


def _write(document: Document, path: Path, options: WriteOptions) -> Written:
    export = export_scc(document.cues)
    return Written(export.text, export.notes())


SCC = Format("Scenarist SCC (CEA-608)", (".scc",), looks_like_scc, _read, _write)
