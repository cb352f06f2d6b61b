"""TTML / DFXP (.ttml, .dfxp, .xml), written in the EBU-TT-D and IMSC1 text profile, read from any TTML 1.

The writer makes what broadcasters' players ask for: media time base, `hh:mm:ss.mmm` clock times, `xml:lang`,
one bottom region, text inside `<span>`s, `<br/>` between lines, a conformance statement for both profiles,
italic / bold / underline as styles. It carries no other styling (colour is white on a dark box for every
cue) and no per-cue position. The reader takes paragraphs with begin plus end or dur (times nested in body
and div add up), clock, frame, tick and offset times, `<br/>` and emphasis set inline or through styles; it
drops other styling and regions. Cue settings and identifiers are not carried.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.model import Cue
from editor.formats.errors import FormatError
from editor.formats.recipe import Format, Reading, ReadOptions, Written, captions
from editor.formats.ttml_time import TimeParameters, format_clock_time, parse_time_expression, time_parameters
from editor.formats.vtt_markup import MODEL_TAG

TT = "http://www.w3.org/ns/ttml"
TTP = "http://www.w3.org/ns/ttml#parameter"
TTS = "http://www.w3.org/ns/ttml#styling"
TTM = "http://www.w3.org/ns/ttml#metadata"
EBUTTM = "urn:ebu:tt:metadata"
EBUTTS = "urn:ebu:tt:style"
XML = "http://www.w3.org/XML/1998/namespace"
EBU_TT_D = "urn:ebu:tt:distribution:2018-04"
IMSC1_TEXT = "http://www.w3.org/ns/ttml/profile/imsc1/text"
_OLD_TT = ("http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1")
_EMPHASIS_STYLES = {"i": ("fontStyle", "italic"), "b": ("fontWeight", "bold"), "u": ("textDecoration", "underline")}
_STYLE_IDS = {"i": "italic", "b": "bold", "u": "underline"}
_EMPHASIS_TAG = re.compile(r"<(/?)([ibu])>", re.IGNORECASE)
_LOOKS_LIKE_TTML = re.compile(r"<(?:\w+:)?tt[\s>]")
_WHITESPACE_RUN = re.compile(r"\s+")

for _prefix, _uri in (("", TT), ("ttp", TTP), ("tts", TTS), ("ttm", TTM), ("ebuttm", EBUTTM), ("ebutts", EBUTTS)):
    ET.register_namespace(_prefix, _uri)


def looks_like_ttml(text: str) -> bool:
    """An XML document whose root is a `tt` element."""
    head = text.lstrip("\ufeff")[:2048]
    return head.lstrip().startswith("<") and bool(_LOOKS_LIKE_TTML.search(head))


# ----- writing -----

def format_ttml(cues: Sequence[Cue], *, title: str = "", language: str = "en") -> str:
    """An EBU-TT-D / IMSC1 text document with one paragraph per cue."""
    root = ET.Element(_tt("tt"), {_q(XML, "lang"): language, _q(TTP, "timeBase"): "media",
                                  _q(TTP, "cellResolution"): "32 15"})
    root.append(_head(title))
    body = ET.SubElement(root, _tt("body"), {"style": "paragraph"})
    division = ET.SubElement(body, _tt("div"), {"region": "bottom"})
    for number, cue in enumerate(cues, start=1):
        if cue.start_ms < 0 or cue.end_ms <= cue.start_ms:
            raise FormatError(f"cue {number} must end after it starts ({cue.start_ms} --> {cue.end_ms} ms)")
        division.append(_paragraph(number, cue))
    ET.indent(root, space="  ")
    for paragraph in division:  # indentation inside a paragraph would be read as spaces between its spans
        paragraph.text = None
        for child in paragraph:
            child.tail = None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _head(title: str) -> ET.Element:
    head = ET.Element(_tt("head"))
    metadata = ET.SubElement(head, _tt("metadata"))
    if title:
        ET.SubElement(metadata, _q(TTM, "title")).text = title
    document_metadata = ET.SubElement(metadata, _q(EBUTTM, "documentMetadata"))
    for standard in (EBU_TT_D, IMSC1_TEXT):
        ET.SubElement(document_metadata, _q(EBUTTM, "conformsToStandard")).text = standard
    styling = ET.SubElement(head, _tt("styling"))
    ET.SubElement(styling, _tt("style"), {
        _q(XML, "id"): "paragraph", _q(TTS, "fontFamily"): "proportionalSansSerif", _q(TTS, "fontSize"): "100%",
        _q(TTS, "lineHeight"): "125%", _q(TTS, "textAlign"): "center", _q(EBUTTS, "linePadding"): "0.5c"})
    ET.SubElement(styling, _tt("style"), {
        _q(XML, "id"): "text", _q(TTS, "color"): "#FFFFFF", _q(TTS, "backgroundColor"): "#000000C2"})
    for tag, (attribute, value) in _EMPHASIS_STYLES.items():
        ET.SubElement(styling, _tt("style"), {_q(XML, "id"): _STYLE_IDS[tag], _q(TTS, attribute): value})
    layout = ET.SubElement(head, _tt("layout"))
    ET.SubElement(layout, _tt("region"), {
        _q(XML, "id"): "bottom", _q(TTS, "origin"): "10% 10%", _q(TTS, "extent"): "80% 80%",
        _q(TTS, "displayAlign"): "after", _q(TTS, "writingMode"): "lrtb"})
    return head


def _paragraph(number: int, cue: Cue) -> ET.Element:
    paragraph = ET.Element(_tt("p"), {_q(XML, "id"): f"c{number}", "begin": format_clock_time(cue.start_ms),
                                      "end": format_clock_time(cue.end_ms)})
    for line_number, line in enumerate(cue.text.split("\n")):
        if line_number:
            ET.SubElement(paragraph, _tt("br"))
        for text, emphasis in _runs(line):
            styles = " ".join(["text", *(_STYLE_IDS[tag] for tag in "ibu" if tag in emphasis)])
            ET.SubElement(paragraph, _tt("span"), {"style": styles}).text = text
    return paragraph


def _runs(line: str) -> Iterator[tuple[str, frozenset[str]]]:
    """Stretches of a line with the same emphasis; markup other than i, b, u is dropped, other "<...>" is text."""
    open_tags: set[str] = set()
    position = 0
    for tag in MODEL_TAG.finditer(line):
        if tag.start() > position:
            yield line[position : tag.start()], frozenset(open_tags)
        emphasis = _EMPHASIS_TAG.fullmatch(tag.group())
        if emphasis:
            (open_tags.discard if emphasis.group(1) else open_tags.add)(emphasis.group(2).lower())
        position = tag.end()
    if position < len(line):
        yield line[position:], frozenset(open_tags)


def _tt(name: str) -> str:
    return _q(TT, name)


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


# ----- reading -----

@dataclass(frozen=True, slots=True)
class _Context:
    namespace: str
    parameters: TimeParameters
    styles: dict[str, frozenset[str]]
    path: Path | None


def parse_ttml(text: str, path: Path | None = None) -> list[Cue]:
    """Every timed paragraph as a cue, in document order; FormatError for bad XML or a paragraph without times."""
    try:
        root = ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as error:
        raise FormatError(f"not well-formed XML ({error.msg})", path, error.position[0]) from None
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if root.tag != f"{{{namespace}}}tt" or namespace not in (TT, *_OLD_TT):
        raise FormatError("not a TTML document (the root must be a <tt> in the TTML namespace)", path)
    context = _Context(namespace, _root_parameters(root, namespace, path), _emphasis_styles(root, namespace), path)
    body = root.find(f"{{{namespace}}}body")
    cues = _collect(body, context) if body is not None else []
    paragraphs = sum(1 for _ in root.iter(f"{{{namespace}}}p"))
    if paragraphs != len(cues):
        message = f"{paragraphs - len(cues)} of {paragraphs} paragraphs are not inside <body> or a <div> (not read)"
        raise FormatError(message, path)
    return cues


def _root_parameters(root: ET.Element, namespace: str, path: Path | None) -> TimeParameters:
    parameter_spaces = (TTP, f"{namespace}#parameter", f"{namespace}#parameter-extensions")

    def value(name: str) -> str | None:
        return next((root.get(_q(space, name)) for space in parameter_spaces if root.get(_q(space, name))), None)

    try:
        return time_parameters(value("frameRate"), value("frameRateMultiplier"), value("subFrameRate"),
                               value("tickRate"))
    except ValueError as error:
        raise FormatError(f"bad time parameter on <tt> ({error})", path) from None


def _emphasis_styles(root: ET.Element, namespace: str) -> dict[str, frozenset[str]]:
    """Each style id's emphasis, following the styles it references (a loop of references adds nothing)."""
    elements = {style.get(_q(XML, "id"), ""): style for style in root.iter(f"{{{namespace}}}style")}
    resolved: dict[str, frozenset[str]] = {}
    for style_id in elements:
        _resolve_style(style_id, elements, resolved)
    return resolved


def _resolve_style(style_id: str, elements: dict[str, ET.Element], resolved: dict[str, frozenset[str]]) -> None:
    """Depth-first over the references with a stack of our own: a chain of 100,000 styles needs no recursion."""
    stack, visiting = [(style_id, False)], set()
    while stack:
        current, references_done = stack.pop()
        if current in resolved or current not in elements:
            continue
        references = (elements[current].get("style") or "").split()
        if references_done:
            inherited = (resolved.get(reference, frozenset()) for reference in references)
            resolved[current] = _apply_emphasis(frozenset().union(*inherited), elements[current])
        elif current not in visiting:
            visiting.add(current)
            stack.append((current, True))
            stack.extend((reference, False) for reference in references)


def _apply_emphasis(emphasis: frozenset[str], element: ET.Element) -> frozenset[str]:
    result = set(emphasis)
    for tag, (attribute, value) in _EMPHASIS_STYLES.items():
        found = next((v for k, v in element.attrib.items() if k.endswith("}" + attribute)), None)
        if found is not None:
            (result.add if value in found.split() else result.discard)(tag)
    return frozenset(result)


def _element_emphasis(element: ET.Element, inherited: frozenset[str], context: _Context) -> frozenset[str]:
    if not element.attrib:  # a bare <span> or <div>: no style, no emphasis of its own
        return inherited
    emphasis = inherited.union(*(context.styles.get(ref, frozenset()) for ref in (element.get("style") or "").split()))
    return _apply_emphasis(emphasis, element)


def _collect(body: ET.Element, context: _Context) -> list[Cue]:
    """Walk body and divs (a stack, not recursion: nesting depth is the file's to choose); each `<p>` becomes
    a cue with times relative to its parents, in document order."""
    cues: list[Cue] = []
    stack: list[tuple[ET.Element, int, int | None, frozenset[str]]] = [(body, 0, None, frozenset())]
    while stack:
        element, parent_begin, parent_end, inherited = stack.pop()
        begin, end = _interval(element, context, parent_begin, parent_end, len(cues) + 1)
        emphasis = _element_emphasis(element, inherited, context)
        if element.tag == f"{{{context.namespace}}}p":
            if end is None:
                raise FormatError(f"paragraph {len(cues) + 1} has no end time (no end, no dur)", context.path)
            if end < begin:
                raise FormatError(f"paragraph {len(cues) + 1} ends before it begins", context.path)
            cues.append(Cue(begin, end, _paragraph_text(element, emphasis, context)))
            continue
        children = [child for child in element if child.tag in _containers(context)]
        stack.extend((child, begin, end, emphasis) for child in reversed(children))
    return cues


def _containers(context: _Context) -> tuple[str, str]:
    return f"{{{context.namespace}}}div", f"{{{context.namespace}}}p"


def _interval(element: ET.Element, context: _Context, parent_begin: int, parent_end: int | None,
              number: int) -> tuple[int, int | None]:
    try:
        begin = parent_begin + _time(element.get("begin"), context)
        end_text, duration_text = element.get("end"), element.get("dur")
    except ValueError as error:
        raise FormatError(f"paragraph {number}: {error}", context.path) from None
    try:
        if end_text is not None:
            end: int | None = parent_begin + _time(end_text, context)
        elif duration_text is not None:
            end = begin + _time(duration_text, context)
        else:
            end = parent_end
    except ValueError as error:
        raise FormatError(f"paragraph {number}: {error}", context.path) from None
    if end is not None and parent_end is not None:
        end = min(end, parent_end)
    return begin, end


def _time(text: str | None, context: _Context) -> int:
    return 0 if text is None else parse_time_expression(text, context.parameters)


def _paragraph_text(paragraph: ET.Element, emphasis: frozenset[str], context: _Context) -> str:
    pieces = _gather(paragraph, emphasis, context)
    # Source line ends are white space like any other; only <br/> breaks a line.
    collapse = _WHITESPACE_RUN.sub
    text = "".join(piece if piece == "\n" else _tagged(collapse(" ", piece), marks) for piece, marks in pieces)
    lines = text.split("\n")
    text = "\n".join(_WHITESPACE_RUN.sub(" ", line).strip() for line in lines)
    return re.sub(r"<([ibu])></\1>", "", text).replace("</i><i>", "").replace("</b><b>", "").replace("</u><u>", "")


def _gather(paragraph: ET.Element, emphasis: frozenset[str], context: _Context) -> list[tuple[str, frozenset[str]]]:
    """Text and line breaks of a paragraph with the emphasis in force for each piece, in order; spans nested
    any depth are walked with a stack of our own."""
    pieces: list[tuple[str, frozenset[str]]] = []
    stack: list[tuple[ET.Element | str, frozenset[str]]] = [(paragraph, emphasis)]
    while stack:
        item, marks = stack.pop()
        if isinstance(item, str):
            pieces.append((item, marks))
            continue
        if item.text:
            pieces.append((item.text, marks))
        stack.extend(reversed(_child_pieces(item, marks, context)))
    return pieces


def _child_pieces(element: ET.Element, marks: frozenset[str],
                  context: _Context) -> list[tuple[ET.Element | str, frozenset[str]]]:
    pending: list[tuple[ET.Element | str, frozenset[str]]] = []
    for child in element:
        name = child.tag.rpartition("}")[2]
        if name == "br":
            pending.append(("\n", frozenset()))
        elif name == "span":
            pending.append((child, _element_emphasis(child, marks, context)))
        if child.tail:
            pending.append((child.tail, marks))
    return pending


def _tagged(text: str, emphasis: frozenset[str]) -> str:
    if text == "\n" or not emphasis:
        return text
    opening = "".join(f"<{tag}>" for tag in "bui" if tag in emphasis)
    closing = "".join(f"</{tag}>" for tag in "iub" if tag in emphasis)
    return f"{opening}{text}{closing}"


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    return captions(parse_ttml(text, path), path)


TTML = Format("TTML (EBU-TT-D, IMSC1)", (".ttml", ".dfxp", ".xml"), looks_like_ttml, _read,
              lambda document, path, options: Written(format_ttml(document.cues, title=document.title)))
