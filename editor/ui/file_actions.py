"""Opening, importing, saving and exporting, with the questions that keep work from being lost.

A `.cueline` file is a project (saved back in place); a subtitle file or a transcript is imported into a
new, not yet saved project. Every read error reaches the user as a message naming the file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtWidgets import QWidget

from editor.app.autosave import Autosave, find_recovery
from editor.app.commands import push_edit
from editor.app.session import Session
from editor.app.settings import SRT_BOM, SRT_CRLF, STYLE_NAME, Settings
from editor.core.gaps import GapPolicy
from editor.core.model import Document
from editor.core.style import style_named
from editor.core.timecode import TimecodeError, parse_runtime
from editor.formats.errors import FormatError, WriteRefused
from editor.formats.project import PROJECT, PROJECT_EXTENSION
from editor.formats.recipe import WriteOptions
from editor.formats.registry import write_file
from editor.paths import sample_transcript_path
from editor.ui import dialogs
from editor.workflows.export import cues_needing_a_gap_decision, export_document
from editor.workflows.open_file import NeedsRuntime, Opened, OpenOutcome, open_file


class FileActions:
    """File menu behaviour for one window."""

    def __init__(self, parent: QWidget, session: Session, autosave: Autosave, settings: Settings,
                 report: Callable[[str], None]) -> None:
        self._parent = parent
        self._session = session
        self._autosave = autosave
        self._settings = settings
        self._report = report
        self.recent_changed: Callable[[], None] = lambda: None
        self.sample_opened: Callable[[], None] = lambda: None

    # ----- reading -----

    def read_outcome(self, path: Path) -> OpenOutcome:
        """Any file Cueline opens; a transcript without a runtime asks for one (Cancel leaves it unopened: the
        outcome stays NeedsRuntime)."""
        style = style_named(self._settings.get(STYLE_NAME))
        outcome = open_file(path, style)
        if isinstance(outcome, NeedsRuntime):
            runtime = self._ask_runtime(path)
            return outcome if runtime is None else open_file(path, style, runtime_ms=runtime)
        return outcome

    def _ask_runtime(self, path: Path) -> int | None:
        question = f"How long is the programme of {path.name}? (MM:SS)"
        while (answer := dialogs.ask_text(self._parent, "Programme runtime", question)) is not None:
            try:
                return parse_runtime(answer)
            except TimecodeError as error:
                question = f"{error}. How long is the programme of {path.name}? (MM:SS)"
        return None

    def open_sample(self) -> None:
        """The bundled sample transcript, lined up along its 12:45, as a new untitled project."""
        outcome = self.read_outcome(sample_transcript_path())
        if isinstance(outcome, Opened):
            self._load(outcome.document, None, None)
            self.sample_opened()

    def open_at_start(self, named: Path | None = None) -> None:
        """The file named at start; without one (or if it cannot be read) the recent file a crash left unsaved
        work for, so its work is offered back at once rather than only when staff think to open it again; else
        the sample. A file that cannot be read is reported once the window shows what opened instead, so the
        title behind the message names what is open (it read "Untitled" over an empty table)."""
        problems: list[str] = []
        for path in self._files_to_start_with(named):
            outcome = self._open_if_readable(path)
            if isinstance(outcome, Opened):
                break
            if problem := _problem(outcome):
                problems.append(problem)
        else:
            self.open_sample()
        for problem in problems:
            dialogs.show_error(self._parent, "Cannot open file", problem)

    def _files_to_start_with(self, named: Path | None) -> Iterator[Path]:
        if named is not None:
            yield named
        crashed = self._recent_file_with_recovery()
        if crashed is not None and crashed != named:
            yield crashed

    def _recent_file_with_recovery(self) -> Path | None:
        """The newest recent file with a recovery file newer than it (None when untitled work has one: the
        sample offers that)."""
        folders = (self._autosave.folder, self._autosave.fallback)
        if find_recovery(None, *folders) is not None:
            return None
        recent = [path for path in self._settings.recent_files() if path.is_file()]
        return next((path for path in recent if find_recovery(path, *folders) is not None), None)

    def open_path(self, path: Path) -> bool:
        """Open a project, a subtitle file or a transcript; False if it is not opened (with a message when it
        cannot be read; none when the user cancelled the runtime question: their choice)."""
        outcome = self._open_if_readable(path)
        if problem := _problem(outcome):
            dialogs.show_error(self._parent, "Cannot open file", problem)
        return isinstance(outcome, Opened)

    def _open_if_readable(self, path: Path) -> OpenOutcome:
        """Open the file if it can be read; the outcome says how it went."""
        outcome = self.read_outcome(path)
        if not isinstance(outcome, Opened):
            return outcome
        # first, so what loading reports (the project's media is missing) is not covered; and the last file's
        # "Saved …" or "Exported …" is not left in the status bar
        self._report(f"Opened {path}")
        self._load(outcome.document, outcome.project, path)
        self._settings.add_recent_file(path)
        self.recent_changed()
        return outcome

    def _load(self, document: Document, project: Path | None, origin: Path | None) -> None:
        self._session.load(document, project)
        self._autosave.set_origin(origin)
        self.offer_recovery(origin)

    def offer_recovery(self, origin: Path | None) -> None:
        """After a crash: put back the work the recovery file kept, as one undoable step."""
        recovery = find_recovery(origin, self._autosave.folder, self._autosave.fallback)
        if recovery is None:
            return
        name = origin.name if origin else "an untitled project"
        if not dialogs.ask_restore(self._parent, name, recovery.saved_at.strftime("%Y-%m-%d %H:%M:%S")):
            recovery.discard()
            return
        try:
            recovered = recovery.load()
        except (FormatError, OSError) as error:
            dialogs.show_error(self._parent, "Cannot restore", str(error))
            return
        push_edit(self._session, "Restore unsaved changes", recovered, 0)

    # ----- the menu's commands -----

    def confirm_discard(self) -> bool:
        """True when the current work may be replaced: it is saved, the user saved it, or chose to drop it."""
        if not self._session.is_modified:
            return True
        answer = dialogs.ask_unsaved(self._parent, self._session.display_name())
        if answer is dialogs.Unsaved.SAVE:
            return self.save()
        if answer is dialogs.Unsaved.DISCARD:
            self._autosave.discard()
            return True
        return False

    def open(self) -> None:
        self._open_chosen("Open", dialogs.OPEN_FILTER)

    def open_recent(self, path: Path) -> None:
        if self.confirm_discard() and not self.open_path(path):
            self._protect_work_still_open()

    def import_transcript(self) -> None:
        self._open_chosen("Import transcript", dialogs.TRANSCRIPT_FILTER)

    def _open_chosen(self, caption: str, name_filter: str) -> None:
        """Ask about unsaved work first, then open the file the user picks."""
        if not self.confirm_discard():
            return
        path = dialogs.choose_file(self._parent, caption, name_filter, self._folder())
        if path is None or not self.open_path(path):
            self._protect_work_still_open()

    def _protect_work_still_open(self) -> None:
        """"Discard" removed the work's recovery copy, but no other file replaced it (the file dialog cancelled, a
        file that cannot be read): the work is still in the window, unsaved, so it gets its copy back."""
        self._autosave.write_now()

    def save(self) -> bool:
        """Save to the project file, asking for one the first time."""
        if self._session.path is None:
            return self.save_as()
        return self._save_to(self._session.path)

    def save_as(self) -> bool:
        start = self._folder() / (self._default_stem() + PROJECT_EXTENSION)
        path = dialogs.choose_file(self._parent, "Save project", dialogs.PROJECT_FILTER, start,
                                   save_suffix=PROJECT_EXTENSION.lstrip("."))
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            write_file(self._session.document, path, file_format=PROJECT)  # a project, whatever the name
        except (FormatError, OSError) as error:
            offered = dialogs.offer_elsewhere(self._parent, "Cannot save", str(error), "Save &elsewhere…")
            return offered and self.save_as()
        if path != self._session.path:
            self._autosave.discard()  # the work now lives in `path`; its old recovery file is obsolete
            self._autosave.set_origin(path)
            self._session.set_path(path)
        self._session.undo_stack.setClean()
        self._settings.add_recent_file(path)
        self.recent_changed()
        self._report(f"Saved {path}")
        return True

    def export(self, suffix: str) -> bool:
        """Write the captions as SRT or WebVTT (suffix "srt" or "vtt") to a file the user picks."""
        path = self._choose_export_file(suffix, self._folder())
        return path is not None and self.export_to(path)

    def export_any(self) -> bool:
        """Write the captions in any format Cueline writes (ASS, TTML, SCC, SBV, plain text...)."""
        path = self._choose_export_file(None, self._folder())
        return path is not None and self.export_to(path)

    def _choose_export_file(self, suffix: str | None, folder: Path) -> Path | None:
        """SRT or WebVTT (suffix "srt", "vtt") from their own menu entries; None: any format Cueline writes."""
        if suffix not in ("srt", "vtt"):
            return dialogs.choose_export_file(self._parent, folder, self._default_stem())
        name_filter = "SubRip (*.srt)" if suffix == "srt" else "WebVTT (*.vtt)"
        start = folder / f"{self._default_stem()}.{suffix}"
        return dialogs.choose_file(self._parent, f"Export {suffix.upper()}", name_filter, start, save_suffix=suffix)

    def export_to(self, path: Path) -> bool:
        policy = self._gap_policy()
        return policy is not None and self._export_with(path, policy)

    def _export_with(self, path: Path, policy: GapPolicy) -> bool:
        """Export once the gap question is answered; a place that refuses the file offers another at once (the
        question is not asked again)."""
        srt = path.suffix.lower() == ".srt"
        options = WriteOptions(srt and self._settings.get(SRT_BOM), srt and self._settings.get(SRT_CRLF), policy)
        try:
            exported = export_document(self._session.document, path, options)
        except WriteRefused as error:
            if not dialogs.offer_elsewhere(self._parent, "Cannot export", str(error), "Export &elsewhere…"):
                return False
            elsewhere = self._choose_export_file(path.suffix.lower().lstrip(".") or None, path.parent)
            return elsewhere is not None and self._export_with(elsewhere, policy)
        except FormatError as error:
            dialogs.show_error(self._parent, "Cannot export", str(error))
            return False
        self._report(f"Exported {path}")
        if exported.notes:
            dialogs.show_notes(self._parent, "Exported with notes", f"Exported {path.name}. Please note:",
                               exported.notes)
        return True

    def _gap_policy(self) -> GapPolicy | None:
        """What the export does with `--` runs; asks when any remain (None: the user cancelled)."""
        unresolved = cues_needing_a_gap_decision(self._session.document)
        return dialogs.ask_about_gaps(self._parent, unresolved) if unresolved else GapPolicy.KEEP

    def _folder(self) -> Path:
        current = self._session.path or next(iter(self._settings.recent_files()), None)
        return current.parent if current else Path.home()

    def _default_stem(self) -> str:
        if self._session.path:
            return self._session.path.stem
        title = self._session.document.title or "untitled"
        return "".join(c if c.isalnum() or c in "-_ " else "_" for c in title).strip()[:60] or "untitled"


def _problem(outcome: OpenOutcome) -> str | None:
    """What to tell the user about a file left unopened: why it cannot be read; nothing when it opened or when
    they cancelled the runtime question (the file was fine, and the work before it stays as it was)."""
    return None if isinstance(outcome, Opened | NeedsRuntime) else str(outcome)
