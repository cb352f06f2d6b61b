"""Auto-sync in the editor window: the Media menu's "Auto-sync" entries, the progress dialog with its Cancel
button, one undo step per sync, low-confidence words marked in the text pane, and "Play gap".

The job is editor.workflows.autosync's, run off the GUI thread by editor.app.align_worker; the result is
applied only if the document is still the one the job started from, as one undo step
(editor.app.commands.push_edit), so undo restores the previous timing exactly. Cancel, media without speech
and unreadable media leave the document untouched and say so.

While a sync runs the window's panes and menus wait (disabled), but the progress dialog is not modal: a modal
dialog makes Qt drop the window's close button, and staff expect to quit. Closing the window (its close
button, or Quit from the dialog) asks first; if confirmed the sync is cancelled and the window closes the usual
way, asking about unsaved changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from editor.app.align_worker import AlignWorker
from editor.app.time_left import TimeLeft
from editor.core.edits import EditError
from editor.core.model import Cue, Document, is_gap_text
from editor.core.timecode import format_runtime
from editor.core.wording import counted
from editor.ui.dialogs import plain_label
from editor.ui.doubtful_words import DoubtfulWordMarks, token_at, word_at
from editor.ui.host import FeatureHost
from editor.ui.media_panel import MediaPanel
from editor.ui.menus import QUIT_KEY, add_action
from editor.workflows.cut_short import CUT_SHORT_MS

if TYPE_CHECKING:
    from editor.workflows.autosync import AlignResult
    from editor.workflows.sync_scope import SyncScope

PROGRESS_STEPS = 1000
SYNC_SELECTION_KEY = "Ctrl+Alt+A"
AUTOSYNC_ACTIONS = (  # name, label, key: keys no other action of the window uses
    ("autosync_document", "&Auto-sync the whole document to the speech", "Ctrl+Shift+A"),
    ("autosync_selection", "Auto-sync the &selected cues", SYNC_SELECTION_KEY),
    ("play_gap", "Play the `--` &gap at the text cursor", "Ctrl+Shift+P"),
)


class AutoSync(QObject):
    """Everything auto-sync adds to one window; see the module docstring."""

    def __init__(self, window: FeatureHost, media: MediaPanel) -> None:
        super().__init__(window.widget)
        self.window, self.media = window, media
        self.worker = AlignWorker(self)
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self._started_from: Document | None = None
        self._doing, self._time_left = "", TimeLeft()  # what the progress dialog says, per sync
        self._held: list[QWidget] = []  # the window's panes and menus, disabled while the sync runs
        self.marks = DoubtfulWordMarks(window.text_pane, self._current_cue,
                                       lambda: (window.session.document, window.session.style))
        self.actions = self._build_actions()
        self._connect()
        window.widget.installEventFilter(self)

    def _build_actions(self) -> dict[str, QAction]:
        menu = self.window.menu("&Media")
        menu.addSeparator()
        slots = {"autosync_document": self.sync_document, "autosync_selection": self.sync_selection,
                 "play_gap": self.play_gap}
        return {name: add_action(menu, name, label, key, slots[name]) for name, label, key in AUTOSYNC_ACTIONS}

    def _connect(self) -> None:
        session = self.window.session
        session.cues_spliced.connect(self.marks.refresh)
        session.document_replaced.connect(self.marks.refresh)
        self.window.current_cue_changed.connect(self.marks.refresh)
        self.worker.progress.connect(self._show_progress)
        self.worker.ready.connect(self._apply)
        self.worker.failed.connect(self._fail)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def _current_cue(self) -> Cue | None:
        row, cues = self.window.current_index(), self.window.session.document.cues
        return cues[row] if row is not None and row < len(cues) else None

    # ----- running a sync -----

    def sync_document(self) -> None:
        """Auto-sync every cue to the media's speech."""
        # imported here, not at start-up: the recogniser's modules are not loaded until a sync starts
        from editor.workflows.sync_scope import whole_document

        self._start(whole_document)

    def sync_selection(self) -> None:
        """Auto-sync only the selected cues, within the audio their neighbours leave free."""
        from editor.workflows.sync_scope import selected_cues

        rows = self.window.selected_rows()
        self._start(lambda document: selected_cues(document, rows))

    def _start(self, scope_of: Callable[[Document], SyncScope]) -> None:
        media = self.media.media_file()
        if media is None:
            self._tell("No media open: open the programme's video or audio first (Media ▸ Open media…).")
            return
        document = self.window.session.document
        try:
            scope = scope_of(document)
        except EditError as error:
            self.window.report(str(error))
            return
        self._close_progress()  # a sync started anew replaces the one running
        self._started_from = document
        self.worker.start(media, scope)
        self._open_progress(media)

    def _open_progress(self, media: Path) -> None:
        dialog = QProgressDialog("", "&Cancel", 0, PROGRESS_STEPS, self.window.widget)
        self._doing = f"Aligning the words to the speech in {media.name}…"
        self._time_left = TimeLeft()
        dialog.setLabel(plain_label(f"{self._doing}\n", dialog))  # the second line says the time left
        dialog.setObjectName("autosync_progress")
        dialog.setWindowTitle("Auto-sync")
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # see the module docstring
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        quit_here = QAction("Quit", dialog)
        quit_here.setShortcut(QUIT_KEY)
        quit_here.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # the window's own Quit waits too
        quit_here.triggered.connect(self.window.widget.close)
        dialog.addAction(quit_here)
        self._hold_window()
        dialog.setValue(0)
        dialog.show()
        self.progress = dialog

    def _hold_window(self) -> None:
        """Disable the window's panes and menus (its shown direct children, not its dialogs) until the sync ends;
        one deleted meanwhile (a bar the window replaced) is forgotten."""
        children = self.window.widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        self._held = [child for child in children if child.isVisible() and not child.isWindow() and child.isEnabled()]
        for child in self._held:
            child.setEnabled(False)
            child.destroyed.connect(lambda _gone=None, child=child: self._forget_held(child))

    def _forget_held(self, child: QWidget) -> None:
        if child in self._held:
            self._held.remove(child)

    def _release_window(self) -> None:
        for child in self._held:
            child.setEnabled(True)
        self._held = []

    def _show_progress(self, fraction: float) -> None:
        if self.progress is not None:  # the label first: a modal dialog's setValue lets the result land
            self.progress.setLabelText(f"{self._doing}\n{self._time_left.update(fraction)}")
            self.progress.setValue(min(PROGRESS_STEPS - 1, round(fraction * PROGRESS_STEPS)))

    def cancel(self) -> None:
        """The Cancel button: stop the job; the document stays as it was."""
        if not self.worker.running:
            return
        self.worker.cancel()
        self._close_progress()
        self.window.report("Auto-sync cancelled: nothing changed")

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
            self._release_window()
        self._started_from = None

    # ----- results -----

    def _apply(self, result: AlignResult) -> None:
        from editor.workflows.autosync import NoSpeech, apply_alignment

        started_from, session = self._started_from, self.window.session
        self._close_progress()
        outcome = apply_alignment(started_from or session.document, result, session.style)
        if isinstance(outcome, NoSpeech):
            why = outcome.cut_short or _audio_ends_before(result, started_from or session.document)
            why = f" {why[0].upper()}{why[1:]}." if why else ""
            self._tell(f"No speech of the transcript found in the media: nothing changed.{why}")
            return
        if session.document is not started_from:
            self._tell("The document changed while auto-sync ran: nothing changed. Run it again.")
            return
        self.window.push_edit(result.scope.label, outcome.document, result.scope.first_after)
        timed, gaps = counted(outcome.words_timed, "word"), counted(outcome.gaps_placed, "`--` gap")
        report = f"{result.scope.label}: {timed} timed, {outcome.doubtful} with low confidence (see the checks), " \
                 f"{gaps} placed"
        notes = [note for note in (outcome.left_after_audio, outcome.cut_short) if note]
        if notes:
            self._tell(f"{report}; {'; '.join(notes)}.")
        else:
            self.window.report(report)

    def _fail(self, message: str) -> None:
        self._close_progress()
        self._tell(message)

    def _tell(self, message: str) -> None:
        """A message that does not block editing, also left in the status bar."""
        self.window.report(message)
        if self.message is not None:
            self.message.close()
        box = QMessageBox(QMessageBox.Icon.Information, "Auto-sync", message, parent=self.window.widget)
        box.setObjectName("autosync_message")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_message)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        self.message = box

    def _forget_message(self) -> None:
        self.message = None

    # ----- the gaps -----

    def play_gap(self) -> None:
        """Play exactly the audio auto-sync placed the `--` gap under the text cursor at."""
        field = self.window.text_pane
        text, position = field.toPlainText(), field.textCursor().position()
        if not is_gap_text(token_at(text, position)):
            self.window.report("put the text cursor on a `--` gap first")
            return
        word = word_at(self._current_cue(), text, position)
        if word is None or not word.is_timed or word.start_ms == word.end_ms:
            self.window.report("this gap has no place in the audio yet: run Auto-sync first")
            return
        if not self.media.playback.has_media:
            self.window.report("open the media first to hear the gap")
            return
        self.media.playback.play_range(word.start_ms, word.end_ms)  # type: ignore[arg-type]

    # ----- shutdown -----

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window.widget:
            return False
        if event.type() == QEvent.Type.Close and self.progress is not None:
            if not _confirm_quit(self.window.widget):
                event.ignore()
                return True  # the window stays, the sync runs on
            self.cancel()  # then the window's own close: unsaved changes are asked about as always
        if event.type() == QEvent.Type.Hide and not event.spontaneous():
            self.shutdown()  # closed (not minimised): no alignment thread may outlive the window
        return False

    def shutdown(self) -> None:
        """Stop a running sync and wait for its thread, before the window goes away."""
        self.worker.shutdown()
        self._close_progress()


def _confirm_quit(parent: QWidget) -> bool:
    """Whether staff closing the window mean to cancel the sync running and quit."""
    box = QMessageBox(QMessageBox.Icon.Question, "Auto-sync is running",
                      "Auto-sync is still running. Cancel it and quit Cueline?", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("Nothing you typed is lost: if there are unsaved changes you are asked about them next.")
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&Keep syncing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is quit_button


def _audio_ends_before(result: AlignResult, document: Document) -> str:
    """Why a sync found no speech when the media's audio ends well before the synced cues do (a clip, or the
    wrong file: the aligner needs a share of the scope's words in the audio), with what to do; else ""."""
    audio = f"its audio ends at {format_runtime(result.media_ms)}"
    if result.scope.audio_ends_ms is not None:  # the cues before its end were tried: they are not what it says
        return (f"{audio}, the captions run to {format_runtime(document.cues[-1].end_ms)}, and no stretch of it says "
                "the transcript's words: open the programme's media, or an excerpt of it")
    cues = document.cues[result.scope.first: result.scope.stop]
    if not cues or cues[-1].end_ms - result.media_ms <= CUT_SHORT_MS:
        return ""
    if result.scope.whole:
        return (f"{audio}, the captions run to {format_runtime(cues[-1].end_ms)}: open the whole programme, or "
                f"select the cues its audio holds and sync only those ({SYNC_SELECTION_KEY})")
    return (f"{audio}, the selected cues run from {format_runtime(cues[0].start_ms)} to "
            f"{format_runtime(cues[-1].end_ms)}: select cues its audio holds, or open the whole programme")


def attach_autosync(window: FeatureHost, media: MediaPanel) -> AutoSync:
    """Give `window` auto-sync (it plays gaps through the media panel's player)."""
    autosync = AutoSync(window, media)
    window.autosync = autosync  # type: ignore[attr-defined]
    return autosync
