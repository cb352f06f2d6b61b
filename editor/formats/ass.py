"""Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa) through pysubs2 (the only module importing it).

What crosses into the model: each Dialogue line's times and text, line breaks (`\\N`, `\\n`), hard spaces
(`\\h`), and italic, bold and underline (override tags or the event's style) as `<i>`, `<b>`, `<u>`. What does
not: positions, fonts, colours, karaoke and other override tags, Comment lines and vector drawings. Times
are in centiseconds (a cue at 1,234 ms is written 0:00:01.23). The file's
header (script info and style definitions) is kept in `Document.metadata.substation_header`, so an .ass read and
written again keeps its styles (with `PlayResX`/`PlayResY` 384x288 said when it named none: what libass assumed);
a new file is sized for the video and styled for the caption profile (ass_style.py).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.model import Cue, Document, Metadata
from editor.core.style import DEFAULT_STYLE, STYLES
from editor.formats.ass_style import CaptionLook, caption_look
from editor.formats.errors import FormatError, FormatWarning
from editor.formats.recipe import Format, Reading, ReadOptions, WriteOptions, Written, captions
from editor.formats.vtt_markup import MODEL_TAG

MAX_TIME_MS = 35_999_990  # 9:59:59.99: SubStation timestamps have one digit for the hours
_SUBSTATION = re.compile(r"^\s*\[Script Info\]", re.IGNORECASE | re.MULTILINE)
_EVENTS = re.compile(r"^\s*\[Events\]", re.IGNORECASE | re.MULTILINE)
_TIMESTAMP = r"\s*-?\d+:\d{1,2}:\d{1,2}(?:[.:]\d+)?\s*"
_EVENT_KEYWORD = re.compile(r"^\s*(dialogue|comment)\s*:", re.IGNORECASE)
_EVENT_LINE = re.compile(rf"^\s*(?:Dialogue|Comment)\s*:[^,]*,{_TIMESTAMP},{_TIMESTAMP},", re.IGNORECASE)
_OVERRIDE_OR_TEXT = re.compile(r"\{[^}]*\}|[^{]+|\{")
_EMPHASIS = re.compile(r"\\([ibu])(\d*)(?=\\|$)|\\(r)[^\\]*|\\(p)(\d+)")
_DEFAULT_LOOK = caption_look(DEFAULT_STYLE)
if TYPE_CHECKING:
    import pysubs2  # imported where used: opening an SRT should not load it (0.1 s at start-up)

_EMPHASIS_TAGS = {"<i>": r"{\i1}", "</i>": r"{\i0}", "<b>": r"{\b1}", "</b>": r"{\b0}", "<u>": r"{\u1}",
                  "</u>": r"{\u0}"}


def looks_like_substation(text: str) -> bool:
    """An .ass or .ssa file opens with a [Script Info] section."""
    return bool(_SUBSTATION.match(text.lstrip("\ufeff")[:256]))


def parse_substation(text: str, path: Path | None = None) -> tuple[list[Cue], str]:
    """The Dialogue lines as cues (in file order) and the header to keep; FormatError names a bad line."""
    cues, header, problems = read_substation(text, path)
    if problems:
        raise problems[0]
    return cues, header


def read_substation(text: str, path: Path | None = None) -> tuple[list[Cue], str, list[FormatError]]:
    """The lenient reading: the cues of the good Dialogue lines, the header, and each line skipped, named."""
    text = text.lstrip("\ufeff")
    lines, problems = _event_lines_pysubs2_reads(text, path)
    subs = _pysubs2_reading("\n".join(lines), "ssa" if is_ssa(text) else "ass", path, problems)
    cues = []
    for event in subs.events:
        if event.is_comment:
            continue
        style = subs.styles.get(event.style)
        cues.append(Cue(max(0, event.start), max(0, event.end), _model_text(event.text, style)))
    expected = sum(line.startswith("Dialogue:") for line in lines)
    if len(cues) != expected:
        problems.append(FormatError(f"{expected} Dialogue lines but {len(cues)} cues could be read", path))
    events = _EVENTS.search(text)
    return cues, text[: events.start()].rstrip() + "\n" if events else "", problems


def format_substation(
    cues: Sequence[Cue], header: str = "", *, ssa: bool = False, look: CaptionLook | None = None
) -> str:
    """An .ass (or, with ssa, .ssa) file, one Dialogue per cue: the kept header's styles, else a style with
    the caption look (the profile's, on the video's picture)."""
    import pysubs2

    subs = pysubs2.SSAFile.from_string(header + "\n[Events]\n") if header else _new_file(look or _DEFAULT_LOOK)
    if not subs.info.get("PlayResX") and not subs.info.get("PlayResY"):
        subs.info.update(PlayResX="384", PlayResY="288")  # what libass assumed for the kept styles, now said
    style = "Default" if "Default" in subs.styles or not subs.styles else next(iter(subs.styles))
    for number, cue in enumerate(cues, start=1):
        if cue.start_ms < 0 or cue.end_ms < cue.start_ms:
            raise FormatError(f"cue {number} has impossible times ({cue.start_ms} --> {cue.end_ms} ms)")
        if cue.end_ms > MAX_TIME_MS:
            raise FormatError(f"cue {number} ends after 9:59:59.99, the latest time SubStation files can hold")
        subs.events.append(pysubs2.SSAEvent(start=cue.start_ms, end=cue.end_ms, text=_ass_text(cue.text), style=style))
    return subs.to_string("ssa" if ssa else "ass")


def _new_file(look: CaptionLook) -> pysubs2.SSAFile:
    """A file sized for the picture with one Default style: white, outlined, bottom centre in the safe area."""
    import pysubs2

    subs = pysubs2.SSAFile()
    subs.info.update(PlayResX=str(look.play_res[0]), PlayResY=str(look.play_res[1]), ScaledBorderAndShadow="yes")
    subs.styles = {"Default": pysubs2.SSAStyle(
        fontname="Arial", fontsize=look.font_size, primarycolor=pysubs2.Color(255, 255, 255),
        outlinecolor=pysubs2.Color(0, 0, 0), backcolor=pysubs2.Color(0, 0, 0, 128), outline=look.outline,
        shadow=look.shadow, alignment=pysubs2.Alignment.BOTTOM_CENTER, marginl=look.margin_sides,
        marginr=look.margin_sides, marginv=look.margin_bottom,
    )}
    return subs


def is_ssa(text: str) -> bool:
    """A v4 (SubStation Alpha) file rather than v4+ (Advanced SubStation Alpha): it has only [V4 Styles]."""
    return re.search(r"^\s*\[V4\+ Styles\]", text, re.IGNORECASE | re.MULTILINE) is None and bool(
        re.search(r"^\s*\[V4 Styles\]", text, re.IGNORECASE | re.MULTILINE)
    )


def _pysubs2_reading(text: str, format_name: str, path: Path | None,
                     problems: list[FormatError]) -> pysubs2.SSAFile:
    """pysubs2's parse, its exceptions made a FormatError and the defaults it put in place of a bad field
    (its RuntimeWarnings) made warnings the caller sees, instead of lines on stderr."""
    import pysubs2

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            subs = pysubs2.SSAFile.from_string(text, format_=format_name)
        except Exception as error:  # a third-party parser: whatever it raises on odd input is a malformed file
            message = f"not a readable SubStation file ({error or type(error).__name__})"
            raise FormatError(message, path) from None
    for message in dict.fromkeys(str(warning.message) for warning in caught):
        problems.append(FormatWarning(message, path))
    return subs


def _event_lines_pysubs2_reads(text: str, path: Path | None) -> tuple[list[str], list[FormatError]]:
    """The file's lines with each event keyword spelt as pysubs2 wants it ("DIALOGUE :" is a Dialogue too)
    and the bad or misplaced event lines left out, each named as a problem (pysubs2 names no line)."""
    lines: list[str] = []
    problems: list[FormatError] = []
    in_events = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith("["):
            in_events = bool(_EVENTS.match(line))
        keyword = _EVENT_KEYWORD.match(line)
        if keyword is None:
            lines.append(line)
        elif not in_events:
            problems.append(FormatError("an event line outside the [Events] section is ignored", path, number))
        elif not _EVENT_LINE.match(line):
            problems.append(FormatError("bad event line (expected Layer,H:MM:SS.cc,H:MM:SS.cc,...)", path, number))
        else:
            lines.append(keyword.group(1).capitalize() + ":" + line[keyword.end():])
    return lines, problems


def _model_text(raw: str, style: pysubs2.SSAStyle | None) -> str:
    """ASS event text as model text: breaks and hard spaces, emphasis as tags, other overrides dropped."""
    base = {"i": bool(style and style.italic), "b": bool(style and style.bold), "u": bool(style and style.underline)}
    state = dict(base)
    drawing = False
    pieces = [_opening(state)]
    for piece in _OVERRIDE_OR_TEXT.findall(raw):
        if piece.startswith("{") and piece.endswith("}"):
            new_state, drawing = _apply_overrides(piece[1:-1], state, base, drawing)
            pieces.append(_transition(state, new_state))
            state = new_state
        elif not drawing:
            pieces.append(piece.replace(r"\N", "\n").replace(r"\n", "\n").replace(r"\h", "\u00a0"))
    pieces.append(_transition(state, dict.fromkeys(state, False)))
    return re.sub(r"<([ibu])></\1>", "", "".join(pieces))


def _apply_overrides(
    block: str, state: dict[str, bool], base: dict[str, bool], drawing: bool
) -> tuple[dict[str, bool], bool]:
    new_state = dict(state)
    for tag, value, reset, draw, level in _EMPHASIS.findall(block):
        if reset:
            new_state = dict(base)
        elif draw:
            drawing = int(level) > 0
        elif tag:
            new_state[tag] = base[tag] if value == "" else value != "0"
    return new_state, drawing


def _opening(state: dict[str, bool]) -> str:
    return "".join(f"<{tag}>" for tag in "bui" if state[tag])


def _transition(old: dict[str, bool], new: dict[str, bool]) -> str:
    """Close what ends, open what starts (nested i inside u inside b, the order _opening uses)."""
    if old == new:
        return ""
    closing = [tag for tag in "iub" if old[tag]]
    reopening = [tag for tag in "bui" if new[tag]]
    return "".join(f"</{tag}>" for tag in closing) + "".join(f"<{tag}>" for tag in reopening)


def _ass_text(text: str) -> str:
    """Model text as ASS: emphasis tags become overrides, other tags go, line breaks become \\N.

    A brace would open an override block and hide the text after it, and ASS has no escape: it becomes a
    parenthesis.
    """
    text = text.replace("{", "(").replace("}", ")")
    converted = MODEL_TAG.sub(lambda tag: _EMPHASIS_TAGS.get(tag.group().lower(), ""), text)
    return converted.replace("\n", r"\N")


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    cues, header, problems = read_substation(text, path)
    return captions(cues, path, problems, Metadata(substation_header=header))


def _write(document: Document, options: WriteOptions, *, ssa: bool) -> Written:
    """A read file's own header and styles, else the document's caption profile sized for the picture."""
    look = caption_look(STYLES.get(document.style_name, DEFAULT_STYLE), options.picture)
    return Written(format_substation(document.cues, document.metadata.substation_header, ssa=ssa, look=look))


def _looks_like_ssa(text: str) -> bool:
    return looks_like_substation(text) and is_ssa(text)


def _looks_like_ass(text: str) -> bool:
    return looks_like_substation(text) and not is_ssa(text)


ASS = Format("Advanced SubStation Alpha", (".ass",), _looks_like_ass, _read,
             lambda document, path, options: _write(document, options, ssa=False))
SSA = Format("SubStation Alpha", (".ssa",), _looks_like_ssa, _read,
             lambda document, path, options: _write(document, options, ssa=True))
