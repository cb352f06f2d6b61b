"""`cueline check FILE [--media VIDEO] [--glossary NAMES.txt] [--json]`: the caption problems, and the words
that are likely garbled with their suggestions (the job is editor.workflows.find_suspects', as in the editor).

Plain output: one line per problem, `FILE:cue N: severity: message [rule]`, and for a suspect word its time,
the words and up to three suggestions. `--json` prints one JSON document instead (see `as_json`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from editor.checks.issue import Issue
from editor.cli_progress import progress_printer
from editor.core.timecode import format_runtime
from editor.workflows.autosync import Synced, time_words_in_place
from editor.workflows.check import check_style
from editor.workflows.find_suspects import (
    WORD_KINDS,
    Suspect,
    SuspectReport,
    find_suspects,
    is_aligned,
    read_glossary,
)
from editor.workflows.open_file import Opened
from editor.workflows.problems import kind_of


def add_suspect_options(parser: argparse.ArgumentParser) -> None:
    """--media, --glossary and --json of `cueline check`."""
    parser.add_argument("--media", type=Path, metavar="VIDEO",
                        help="the programme's video or audio: auto-sync if the words are not timed yet, then "
                        "listen for words the speech does not support and what it says instead")
    parser.add_argument("--glossary", type=Path, metavar="NAMES.txt",
                        help="names of the story, one a line (mishearings after ~, as the glossary dialog writes)")
    parser.add_argument("--json", action="store_true", help="print one JSON document (suspects and issues)")


def check_with_suspects(opened: Opened, options: argparse.Namespace) -> SuspectReport:
    """The file's problems, suspect words found with the options' media and glossary. A caption file keeps its
    own cues (its words are timed from the media in place), so every cue number printed is the file's."""
    document, media = opened.document, options.media
    style = check_style(document, options.style)
    terms = read_glossary(options.glossary) if options.glossary else []
    if media is not None and not opened.lined_up and not is_aligned(document):
        outcome = time_words_in_place(document, media, progress=progress_printer("aligning to"))
        document, media = (outcome.document, media) if isinstance(outcome, Synced) else (document, None)
    return find_suspects(document, style, media=media, terms=terms, progress=progress_printer("listening to"))


def cue_numbering(opened: Opened, report: SuspectReport) -> str:
    """Which cues the printed numbers count: the file's own, or those a transcript was cut into here."""
    if not opened.lined_up:
        return "the file's cues"
    if report.heard:
        return "the transcript's cues as auto-sync cuts them, as `cueline import --media` writes them"
    return "the transcript's cues as `cueline import` writes them"


def rule_issues(report: SuspectReport) -> list[Issue]:
    """The issues that are not suspect words (caption rules, `--` gaps): each problem is listed once."""
    return [issue for issue in report.issues if kind_of(issue) not in WORD_KINDS]


def print_report(path: Path, report: SuspectReport, as_json: bool, numbering: str) -> None:
    """The report on stdout, as lines or as one JSON document: word-level problems as suspects, the others
    (caption rules, `--` gaps) as issues."""
    others = rule_issues(report)
    if as_json:
        print(json.dumps(_json_document(path, report, others, numbering), ensure_ascii=False, indent=1))
        return
    for issue in others:
        print(f"{path}:cue {issue.cue_index + 1}: {issue.severity}: {issue.message} [{issue.rule}]")
    for suspect in report.suspects:
        print(_suspect_line(path, suspect))


def _suspect_line(path: Path, suspect: Suspect) -> str:
    """One line per suspect, also when its words run over the cue's line break (grep and editors read lines)."""
    offered = f" -> {' | '.join(suspect.suggestions)}" if suspect.suggestions else ""
    words = " ".join(suspect.word.split())
    return (f"{path}:cue {suspect.cue} at {format_runtime(suspect.start_ms)}: “{words}”{offered} "
            f"[{suspect.kind}]")


def _json_document(path: Path, report: SuspectReport, others: Sequence[Issue], numbering: str) -> dict[str, Any]:
    return {
        "file": str(path),
        "cues": len(report.document.cues),
        "cue_numbers": numbering,
        "audio_evidence": report.heard,
        "suspects": [
            {"cue": s.cue, "start": s.start_ms, "word": s.word, "kind": s.kind, "message": s.message,
             "suggestions": list(s.suggestions), "sources": list(s.sources)}
            for s in report.suspects
        ],
        "issues": [
            {"cue": issue.cue_index + 1, "severity": str(issue.severity), "rule": issue.rule, "message": issue.message}
            for issue in others
        ],
    }
