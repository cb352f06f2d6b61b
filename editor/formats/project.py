"""The `.cueline` project file: the whole Document (cues, timed words, style, runtime, media, glossary, ignored
problems) as JSON.

Saved atomically (by the registry, like every format). A media file inside the project's folder is stored
relative to it, so a project folder can be moved or shared; loading resolves it again. Loading checks every
field and names what is wrong.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from editor.core.glossary import parse_term
from editor.core.model import Cue, Document, GlossaryTerm, HeardAlternative, IgnoredProblem, Metadata, Word
from editor.core.recording_doubt import recording_doubt_limit
from editor.formats.errors import FormatError
from editor.formats.recipe import Format, Reading, ReadOptions, WriteOptions, Written

PROJECT_EXTENSION = ".cueline"
FORMAT_VERSION = 2  # 2: glossary terms are objects with their hints (1: "term ~ hint, hint" strings)
# Metadata fields by their key in the file (the keys of format 1, so older files read the same).
_METADATA_KEYS = {"summary": "summary", "date": "date", "webvtt_preamble": "webvtt_preamble",
                  "ass_header": "substation_header"}


def looks_like_project(text: str) -> bool:
    """A JSON object that opens with the project's format version, as every saved project does."""
    return text.lstrip("\ufeff").lstrip().startswith('{"format_version"')


def _write(document: Document, path: Path, options: WriteOptions) -> Written:
    """The whole document as JSON; a media file in the project's folder is named relative to it."""
    data = {
        "format_version": FORMAT_VERSION,
        "title": document.title,
        "runtime_ms": document.runtime_ms,
        "media_path": _media_for_saving(document.media_path, Path(path).parent),
        "style_name": document.style_name,
        "glossary": [{"term": term.term, "hints": list(term.hints)} for term in document.glossary],
        "ignored": [_ignored_to_json(problem) for problem in document.ignored],
        "metadata": _metadata_to_json(document.metadata),
        "doubt_limit": document.doubt_limit,
        "cues": [_cue_to_json(cue) for cue in document.cues],
    }
    # Compact: autosave writes this every tenth edit, and indenting doubles the time on a long programme.
    return Written(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def _runs_out(text: str, error: json.JSONDecodeError) -> bool:
    """Whether the JSON stops before its end (the parser ran out of text, or a string never closes), rather than
    holding something wrong."""
    unclosed = error.msg.startswith("Unterminated string") and '"' not in text[error.pos + 1 :]
    return error.pos >= len(text.rstrip()) or unclosed


def _read(text: str, path: Path, options: ReadOptions) -> Reading:
    """The document a project file holds, or a FormatError saying what is wrong with the file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if _runs_out(text, error):
            raise FormatError(f"not a whole Cueline project: the file ends after {len(text)} characters, in the middle "
                              "of its data (cut short while copied or written?)", path, error.lineno) from error
        raise FormatError(f"not a Cueline project: broken JSON at column {error.colno} ({error.msg})", path,
                          error.lineno) from error
    try:
        return Reading(_document_from_json(data, Path(path).parent))
    except _FieldError as error:
        raise FormatError(str(error), path) from None


class _FieldError(ValueError):
    """A field with the wrong type or value; the message names it."""


def _cue_to_json(cue: Cue) -> dict[str, Any]:
    result: dict[str, Any] = {"start_ms": cue.start_ms, "end_ms": cue.end_ms, "text": cue.text}
    if cue.identifier:
        result["identifier"] = cue.identifier
    if cue.settings:
        result["settings"] = cue.settings
    if cue.words:
        result["words"] = [_word_to_json(w) for w in cue.words]
    return result


def _word_to_json(word: Word) -> dict[str, Any]:
    result: dict[str, Any] = {
        "text": word.text, "start_ms": word.start_ms, "end_ms": word.end_ms, "confidence": word.confidence,
    }
    if word.heard:
        result["heard"] = word.heard
    if word.support is not None:
        result["support"] = word.support
    if word.alternatives:
        result["alternatives"] = [{"text": a.text, "words": a.words, "score": a.score} for a in word.alternatives]
    return result


def _media_for_saving(media_path: str | None, folder: Path) -> str | None:
    if not media_path or not os.path.isabs(media_path):
        return media_path
    try:
        return Path(media_path).relative_to(folder.resolve()).as_posix()
    except ValueError:
        return media_path


def _document_from_json(data: object, folder: Path) -> Document:
    if not isinstance(data, dict) or "format_version" not in data:
        raise _FieldError("not a Cueline project: no format_version")
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _FieldError(f"not a Cueline project: bad format_version {version!r}")
    if version > FORMAT_VERSION:
        raise _FieldError(f"made by a newer Cueline (project format {version}); this one reads up to "
                          f"{FORMAT_VERSION}: please update Cueline")
    cues = tuple(_cue_from_json(item, number) for number, item in enumerate(_field(data, "cues", list, []), start=1))
    doubt_limit = _field(data, "doubt_limit", (int, float, type(None)), None)
    return Document(
        cues=cues,
        title=_field(data, "title", str, ""),
        runtime_ms=_optional_ms(data, "runtime_ms", "the project"),
        media_path=_media_for_loading(_field(data, "media_path", (str, type(None)), None), folder),
        style_name=_field(data, "style_name", str, "streaming"),
        glossary=tuple(_term_from_json(item, n) for n, item in enumerate(_field(data, "glossary", list, []), 1)),
        ignored=tuple(_ignored_from_json(item, n) for n, item in enumerate(_field(data, "ignored", list, []), 1)),
        metadata=_metadata_from_json(_field(data, "metadata", dict, {})),
        doubt_limit=recording_doubt_limit(cues) if doubt_limit is None else float(doubt_limit),  # None: saved before
    )


def _term_from_json(item: object, number: int) -> GlossaryTerm:
    """A glossary term: an object, or (format 1) a "term ~ hint, hint" line."""
    if isinstance(item, str):
        return parse_term(item)
    where = f"glossary, term {number}"
    if not isinstance(item, dict):
        raise _FieldError(f"{where} is not an object")
    hints = _strings(_field(item, "hints", list, [], where), f"{where}, hints")
    return GlossaryTerm(_text(item, "term", where), tuple(hints))


def _metadata_to_json(metadata: Metadata) -> dict[str, str]:
    fields = {key: getattr(metadata, name) for key, name in _METADATA_KEYS.items()}
    return {key: value for key, value in [*fields.items(), *metadata.others] if value}


def _metadata_from_json(data: dict[str, Any]) -> Metadata:
    """Known keys become fields; unknown ones are kept as they are, so saving again loses nothing."""
    values = {str(key): str(value) for key, value in data.items()}
    known = {name: values.pop(key) for key, name in _METADATA_KEYS.items() if key in values}
    return Metadata(**known, others=tuple(sorted(values.items())))


def _cue_from_json(item: object, number: int) -> Cue:
    where = f"cue {number}"
    if not isinstance(item, dict):
        raise _FieldError(f"{where} is not an object")
    start_ms, end_ms = _ms(item, "start_ms", where), _ms(item, "end_ms", where)
    words = tuple(_word_from_json(w, f"{where}, word {i}") for i, w in enumerate(_field(item, "words", list, []), 1))
    text = _text(item, "text", where)
    identifier, settings = _field(item, "identifier", str, "", where), _field(item, "settings", str, "", where)
    return Cue(start_ms, end_ms, text, words=words, identifier=identifier, settings=settings)


def _word_from_json(item: object, where: str) -> Word:
    if not isinstance(item, dict):
        raise _FieldError(f"{where} is not an object")
    confidence = _field(item, "confidence", (int, float, type(None)), None, where)
    support = _field(item, "support", (int, float, type(None)), None, where)
    alternatives = _field(item, "alternatives", list, [], where)
    return Word(
        text=_text(item, "text", where),
        start_ms=_optional_ms(item, "start_ms", where),
        end_ms=_optional_ms(item, "end_ms", where),
        confidence=None if confidence is None else float(confidence),
        heard=_field(item, "heard", str, "", where),
        support=None if support is None else float(support),
        alternatives=tuple(
            _alternative_from_json(alternative, f"{where}, alternative {n}")
            for n, alternative in enumerate(alternatives, 1)
        ),
    )


def _alternative_from_json(item: object, where: str) -> HeardAlternative:
    """What the audio sounds like at a word (audio evidence; files from before it have none)."""
    if not isinstance(item, dict):
        raise _FieldError(f"{where} is not an object")
    words = _field(item, "words", int, 1, where)
    score = _field(item, "score", (int, float), 0.0, where)
    if words < 1:
        raise _FieldError(f"{where}: 'words' must be at least 1, not {words}")
    return HeardAlternative(_text(item, "text", where), words, float(score))


def _ignored_from_json(item: object, number: int) -> IgnoredProblem:
    """An ignored problem; files from before ignoring existed have none."""
    where = f"ignored problem {number}"
    if not isinstance(item, dict):
        raise _FieldError(f"{where} is not an object")
    at_ms = _field(item, "at_ms", (int, type(None)), None, where)
    return IgnoredProblem(_text(item, "rule", where), _text(item, "text", where), _text(item, "context", where), at_ms)


def _ignored_to_json(problem: IgnoredProblem) -> dict[str, object]:
    """An ignored problem; `at_ms` only when its words were timed (files from before it lack it)."""
    data: dict[str, object] = {"rule": problem.rule, "text": problem.text, "context": problem.context}
    if problem.at_ms is not None:
        data["at_ms"] = problem.at_ms
    return data


def _text(data: dict[str, Any], key: str, where: str) -> str:
    """A required text field."""
    if key not in data:
        raise _FieldError(f"{where}: {key!r} is missing")
    value: str = _field(data, key, str, "", where)
    return value


def _field(data: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any, where: str = "") -> Any:
    """data[key] if it has the right type; the default if absent."""
    if key not in data:
        return default
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _FieldError(f"{where + ': ' if where else ''}{key!r} has the wrong type ({type(value).__name__})")
    return value


def _ms(data: dict[str, Any], key: str, where: str) -> int:
    value = _optional_ms(data, key, where)
    if value is None:
        raise _FieldError(f"{where}: {key!r} is missing")
    return value


def _optional_ms(data: dict[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _FieldError(f"{where}: {key!r} must be a whole number of milliseconds, not {value!r}")
    return value


def _strings(values: list[Any], where: str) -> list[str]:
    if not all(isinstance(value, str) for value in values):
        raise _FieldError(f"{where}: every entry must be text")
    return values


def _media_for_loading(media_path: str | None, folder: Path) -> str | None:
    if not media_path or os.path.isabs(media_path):
        return media_path
    return str((folder / media_path).resolve())


PROJECT = Format("Cueline project", (PROJECT_EXTENSION,), looks_like_project, _read, _write, working_copy=True)
