"""The `cueline` command: batch jobs (import, check, convert) without a display, or the editor.

A user error (missing file, unknown format, bad runtime, malformed subtitle) prints one line naming the
file and line and exits 2; `check` exits 1 when it finds an error in the captions.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from editor.checks.issue import count_errors
from editor.cli_align import add_media_options, synced_to_media
from editor.cli_check import add_suspect_options, check_with_suspects, cue_numbering, print_report, rule_issues
from editor.core.gaps import GapPolicy
from editor.core.model import Document
from editor.core.style import DEFAULT_STYLE, STYLES, UnknownStyleError, style_named
from editor.core.timecode import TimecodeError, format_runtime, parse_runtime
from editor.core.transcript import TranscriptError
from editor.core.wording import counted
from editor.formats.errors import FormatError
from editor.formats.recipe import WriteOptions
from editor.formats.registry import EXPORT_FORMATS
from editor.formats.transcript import TRANSCRIPT
from editor.media.audio import picture_size
from editor.version import cueline_version
from editor.workflows.autosync import media_runtime_ms
from editor.workflows.export import export_document
from editor.workflows.open_file import MalformedRuntime, NeedsRuntime, Opened, OpenOutcome, import_transcript, open_file

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USER_ERROR = 0, 1, 2
EXIT_READER_GONE = 128 + signal.SIGPIPE  # what a shell reports for cat or grep stopped by a closed pipe
USER_ERRORS = (FormatError, TranscriptError, TimecodeError, UnknownStyleError, OSError)

Runner = Callable[[argparse.Namespace], int]


def _runtime_argument(text: str) -> int:
    try:
        return parse_runtime(text)
    except TimecodeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_style_option(parser: argparse.ArgumentParser, default_text: str) -> None:
    parser.add_argument("--style", choices=list(STYLES), help=f"caption style profile ({default_text})")


def _add_write_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bom", action="store_true", help="write a UTF-8 byte order mark (some players want it)")
    parser.add_argument("--crlf", action="store_true", help="write Windows line ends (CRLF)")
    parser.add_argument("--gaps", choices=[policy.value for policy in GapPolicy], default=GapPolicy.KEEP.value,
                        help="unresolved `--` runs in an export: keep them (default), write [inaudible], or drop "
                        "them (a cue left empty is removed); a .cueline project always keeps them")


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help=f"OUT{_output_extensions()}")
    _add_write_options(parser)


def _output_extensions() -> str:
    """Every extension an export takes, from the registry, so the help never falls behind the formats."""
    suffixes = (suffix for fmt in EXPORT_FORMATS if fmt is not TRANSCRIPT for suffix in fmt.suffixes)
    return f"{', '.join(suffixes)}, .txt (plain transcript) or .cueline"


def _write_options(options: argparse.Namespace) -> WriteOptions:
    picture = picture_size(getattr(options, "media", None))  # --media: an ASS export is sized for its frame
    return WriteOptions(bom=options.bom, crlf=options.crlf, gap_policy=GapPolicy(options.gaps), picture=picture)


def _opened(outcome: OpenOutcome) -> Opened:
    """The opened file, or a user error saying why not (with the file and line, and what to do)."""
    if isinstance(outcome, Opened):
        return outcome
    if isinstance(outcome, NeedsRuntime):
        raise FormatError(f"{outcome}: --runtime MM:SS")
    raise FormatError(str(outcome))


def _write_document(document: Document, path: Path, options: argparse.Namespace) -> None:
    exported = export_document(document, path, _write_options(options))
    for note in exported.notes:
        print(f"{path}: {note}", file=sys.stderr)
    if exported.gap_runs:
        hint = " (cueline check lists them; --gaps inaudible or drop changes an export)"
        print(exported.gap_note() + (hint if exported.policy is GapPolicy.KEEP else ""), file=sys.stderr)


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> Runner:
    parser = commands.add_parser(
        "import", help="line a plain-text transcript up along its runtime and write captions",
        description="Cut a transcript into caption blocks timed along the programme's runtime (no media "
        "needed) and write them as captions in the format the output's extension names.",
    )
    parser.add_argument("transcript", type=Path, help="the transcript (.txt, any encoding)")
    parser.add_argument("--runtime", type=_runtime_argument, metavar="MM:SS",
                        help="programme runtime (overrides the transcript header's; needed without a header)")
    _add_style_option(parser, f"default: {DEFAULT_STYLE.name}")
    _add_output_options(parser)
    add_media_options(parser)
    return _run_import


def _run_import(options: argparse.Namespace) -> int:
    style = style_named(options.style) if options.style else DEFAULT_STYLE
    outcome = import_transcript(options.transcript, style, runtime_ms=options.runtime)
    if isinstance(outcome, NeedsRuntime | MalformedRuntime) and options.media is not None:  # its header says none
        outcome = import_transcript(options.transcript, style, runtime_ms=media_runtime_ms(options.media))
    document = _opened(outcome).document
    if options.media is not None:
        document = synced_to_media(document, options, style)
    _write_document(document, options.output, options)
    runtime = format_runtime(document.runtime_ms or 0)
    print(f"{options.output}: {counted(len(document.cues), 'cue')} along {runtime} ({style.label})")
    return EXIT_OK


def _add_align(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> Runner:
    parser = commands.add_parser(
        "align", help="auto-sync: time every word from the media's speech and cut the cues again",
        description="Align the words of a transcript, subtitle or project file to the speech of a video or "
        "audio file, cut cues again on the timed words and write OUT (any format import writes). Words the "
        "audio hardly supports are kept with a low confidence (cueline check lists them).",
    )
    parser.add_argument("file", type=Path, help="a transcript (.txt), subtitle or project file")
    add_media_options(parser, required=True)
    parser.set_defaults(runtime=None)
    _add_style_option(parser, "default: the file's, else streaming")
    _add_output_options(parser)
    return _run_align


def _run_align(options: argparse.Namespace) -> int:
    if options.file.suffix.lower() == ".txt":
        options.transcript = options.file
        return _run_import(options)
    document = _opened(open_file(options.file, DEFAULT_STYLE)).document
    style = style_named(options.style or document.style_name)
    document = synced_to_media(document, options, style)
    _write_document(document, options.output, options)
    print(f"{options.output}: {counted(len(document.cues), 'cue')} synced to {options.media} ({style.label})")
    return EXIT_OK


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> Runner:
    parser = commands.add_parser(
        "check", help="list caption problems and likely garbled words (exit 1 if any is an error)",
        description="Check a subtitle file against a caption style: line length, lines per cue, reading "
        "speed, durations, gaps, overlaps, unresolved `--` and empty cues; and list the words that are likely "
        "garbled (spelling, the glossary's sound-alikes and, with --media, what the speech says instead) with "
        "their time and suggestions. Prints FILE:cue N: ... lines (or --json); exits 1 when any issue is an error.",
    )
    parser.add_argument("file", type=Path, help="a transcript (.txt), .srt, .vtt or .cueline file")
    _add_style_option(parser, f"default: the project's, else {DEFAULT_STYLE.name}")
    add_suspect_options(parser)
    return _run_check


def _run_check(options: argparse.Namespace) -> int:
    if options.media is not None and not options.media.exists():
        raise FormatError("file not found", options.media)
    opened = _opened(open_file(options.file, DEFAULT_STYLE))
    report = check_with_suspects(opened, options)
    numbering = cue_numbering(opened, report)
    print_report(options.file, report, options.json, numbering)
    errors, cues = count_errors(report.issues), len(report.document.cues)  # a transcript is cut into cues here
    others = rule_issues(report)
    warnings, suspects = len(others) - count_errors(others), len(report.suspects)
    which = f" ({numbering})" if opened.lined_up else ""
    print(f"{options.file}: {counted(cues, 'cue')}{which}, {counted(errors, 'error')}, "
          f"{counted(warnings, 'warning')}, {counted(suspects, 'suspect word')}", file=sys.stderr)
    return EXIT_CHECK_FAILED if errors else EXIT_OK


def _add_convert(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> Runner:
    parser = commands.add_parser(
        "convert", help="convert between subtitle formats",
        description="Read IN and write OUT; the formats follow the extensions (or IN's content). A malformed "
        "cue is skipped with a warning naming its line, as browsers skip one in WebVTT (--strict: refuse the file).",
    )
    parser.add_argument("input", type=Path, metavar="IN", help="the subtitle, project or transcript file to read")
    parser.add_argument("output", type=Path, metavar="OUT",
                        help=f"the file to write: {_output_extensions()}")
    parser.add_argument("--strict", action="store_true", help="refuse a file with any malformed cue")
    parser.add_argument("--runtime", type=_runtime_argument, metavar="MM:SS",
                        help="a transcript's programme runtime, as for import (needed without a header)")
    _add_write_options(parser)
    return _run_convert


def _run_convert(options: argparse.Namespace) -> int:
    opened = _opened(open_file(options.input, DEFAULT_STYLE, runtime_ms=options.runtime, lenient=not options.strict))
    for problem in opened.warnings:
        print(f"cueline: warning: {problem}", file=sys.stderr)
    document = opened.document
    _write_document(document, options.output, options)
    print(f"{options.output}: {counted(len(document.cues), 'cue')}")
    return EXIT_OK


# One entry per subcommand: a function that adds its parser and returns what runs it.
COMMANDS: dict[str, Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], Runner]] = {
    "import": _add_import,
    "check": _add_check,
    "align": _add_align,
    "convert": _add_convert,
}


class _OneLineErrors(argparse.ArgumentParser):
    """A bad argument is one line, like every other user error, not argparse's usage block (its subcommands'
    parsers are of this class too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _command_parser() -> argparse.ArgumentParser:
    parser = _OneLineErrors(
        prog="cueline",
        description="Caption editor. With no command, opens the editor (optionally on FILE, with --media).",
        epilog="Open the editor: cueline [FILE] [--media MEDIA]",
    )
    parser.add_argument("--version", action="version", version=f"cueline {cueline_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, add_command in COMMANDS.items():
        runner = add_command(commands)
        commands.choices[name].set_defaults(run=runner)
    return parser


def _editor_parser() -> argparse.ArgumentParser:
    parser = _OneLineErrors(prog="cueline", description="Open the caption editor.")
    parser.add_argument("file", type=Path, nargs="?", help="a project, subtitle or transcript file")
    parser.add_argument("--media", type=Path, help="the programme's video or audio")
    return parser


def _launch_editor(argv: list[str]) -> int:
    """The GUI, imported only now so batch commands work without Qt or a display."""
    options = _editor_parser().parse_args(argv)
    for path in (options.file, options.media):
        if path is not None and not path.exists():
            raise FormatError("file not found", path)
    if _no_display():
        print("cueline: error: no display to open the editor on (DISPLAY and WAYLAND_DISPLAY are unset: start it "
              f"in a desktop session, or over ssh -X); the commands still work: {', '.join(COMMANDS)}",
              file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        from editor.ui.launch import run_editor
    except ImportError as error:
        print(f"cueline: the editor cannot start here ({error}); the commands still work: "
              f"{', '.join(COMMANDS)} (see cueline --help)", file=sys.stderr)
        return EXIT_USER_ERROR
    return run_editor(options.file, options.media)


def _no_display() -> bool:
    """On Linux without an X or Wayland display Qt aborts with a core dump: say so in a sentence instead."""
    env = os.environ
    chosen = env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
    return sys.platform.startswith("linux") and not chosen


def _dispatch(argv: list[str]) -> int:
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        first = Path(argv[0]) if argv and not argv[0].startswith("-") else None
        if first is not None and not first.suffix and not first.exists():
            print(f"cueline: error: unknown command {argv[0]!r} (commands: {', '.join(COMMANDS)})",
                  file=sys.stderr)
            return EXIT_USER_ERROR
        return _launch_editor(argv)
    options = _command_parser().parse_args(argv)
    runner: Runner = options.run
    return runner(options)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `cueline` script; returns the exit code instead of raising."""
    try:
        return _dispatch(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:  # `cueline check FILE | head`: the reader has all it wanted
        _stop_writing_to_the_closed_pipe()
        return EXIT_READER_GONE
    except USER_ERRORS as error:
        print(f"cueline: error: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except SystemExit as exit_request:  # argparse's --help and usage errors
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_USER_ERROR


def _stop_writing_to_the_closed_pipe() -> None:
    """Point stdout at /dev/null, so flushing what is left at exit does not fail again (Python's recipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
