"""The one recipe every file format follows: it declares itself once, at the end of its own module, and the
registry lists it.

A `Format` is a name (the label users see), the suffixes it owns (the first is what an export proposes), a
sniff that recognises its content, and a reader and a writer with one signature each:
- `read(text, path, options) -> Reading`: what the file holds (captions as a Document; a transcript as words still to
  be lined up) and every problem met on the way, each naming its line. Strictness is the dispatcher's, stated
  once: a reader never drops data silently, it reports what it skipped, and a strict reading (the editor's)
  refuses the file on the first problem while a lenient one (`convert`, a browser's WebVTT) keeps the rest.
  A `FormatWarning` is read as written and refuses nothing. Only a transcript reads `options.runtime_ms`.
- `write(document, path, options) -> Written`: the file's text and notes for staff (an SCC caption that
  appears late ...); the dispatcher writes it atomically.
- `working_copy`: the format holds the whole project (`.cueline`), so an export never resolves its `--` gaps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.gaps import GapPolicy
from editor.core.model import Cue, Document, Metadata
from editor.core.style import DEFAULT_STYLE
from editor.core.transcript import Transcript
from editor.formats.errors import FormatError


@dataclass(frozen=True)
class Reading:
    """What a file holds, and what its reader skipped or doubted (each naming its line)."""

    content: Document | Transcript
    problems: tuple[FormatError, ...] = ()

    @property
    def document(self) -> Document:
        """The captions; a transcript has no times yet, so asking it for captions is a FormatError."""
        if isinstance(self.content, Transcript):
            raise FormatError("this is a transcript, not a caption file: import it to line it up along its runtime")
        return self.content


@dataclass(frozen=True)
class Written:
    """A format's text for a document, and what staff should know about it (one line each)."""

    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadOptions:
    """Strict (the editor: the first problem refuses the file) or lenient (skip and warn), and the programme's
    runtime for a transcript whose header states none (or states it wrongly)."""

    strict: bool = True
    runtime_ms: int | None = None


@dataclass(frozen=True)
class WriteOptions:
    """How a written file is encoded (UTF-8 always; a BOM and CRLF line ends for tools that want them), what
    becomes of unresolved `--` runs (kept by default; the caller warns and offers the choice), and the video's
    frame size for formats that place text in pixels (ASS; None: 1920x1080)."""

    bom: bool = False
    crlf: bool = False
    gap_policy: GapPolicy = GapPolicy.KEEP
    picture: tuple[int, int] | None = None


Reader = Callable[[str, Path, ReadOptions], Reading]
Writer = Callable[[Document, Path, WriteOptions], Written]


@dataclass(frozen=True)
class Format:
    """One file format, declared by its own module."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[str], bool]
    read: Reader
    write: Writer
    working_copy: bool = False


def captions(cues: list[Cue], path: Path, problems: list[FormatError] | tuple[FormatError, ...] = (),
             metadata: Metadata | None = None, style_name: str = DEFAULT_STYLE.name) -> Reading:
    """A caption file's reading: its cues as a document titled by the file's name, in the caption style the
    format was made for when it has one (SCC: CEA-608's)."""
    document = Document(cues=tuple(cues), title=Path(path).stem, metadata=metadata or Metadata(),
                        style_name=style_name)
    return Reading(document, tuple(problems))
