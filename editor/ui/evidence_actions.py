"""Listening for garbled words in the editor window: Media ▸ "Listen for garbled words", also started by
itself after each auto-sync. It runs in the background (editor.app.evidence_worker) while staff edit, with
a progress bar and a Stop button kept in the status bar until it ends (a passing message could hide it); what
it heard lands as one undo step on the cues staff did not change since, and the checks (F8) then list what the
speech says instead of the garbled words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from editor.app.commands import push_edit
from editor.app.evidence_worker import EvidenceWorker
from editor.app.time_left import TimeLeft
from editor.core.model import Document
from editor.core.style import CaptionStyle
from editor.core.wording import counted

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow
    from editor.ui.media_panel import MediaPanel
    from editor.workflows.autosync import AlignResult

LISTEN_KEY = "Ctrl+Shift+H"
UNDO_LABEL = "Audio evidence (what the speech says at each word)"
PROGRESS_STEPS = 1000
LISTENING = "Listening for garbled words… %p%"


class ListeningProgress(QWidget):
    """The status bar's "Listening for garbled words… 40%" bar with its Stop button, shown while listening runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listening_progress")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, PROGRESS_STEPS)
        self.bar.setFormat(LISTENING)
        self.bar.setToolTip("Suspect words join the checks and F8 when listening ends; keep editing meanwhile")
        widest = f"{LISTENING.replace('%p', '100')} · About 10 min left"
        self.bar.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 24)
        self._time_left = TimeLeft()
        self.stop = QToolButton(self)
        self.stop.setText("Stop")
        self.stop.setToolTip("Stop listening (nothing changes; Media ▸ Listen starts it again)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar)
        row.addWidget(self.stop)
        self.hide()

    def start(self) -> None:
        """A listening job starts: its time left is measured afresh."""
        self._time_left = TimeLeft()
        self.bar.setFormat(LISTENING)
        self.show_fraction(0.0)

    def show_fraction(self, fraction: float) -> None:
        self.bar.setValue(round(min(1.0, max(0.0, fraction)) * PROGRESS_STEPS))
        left = self._time_left.update(fraction)
        self.bar.setFormat(f"{LISTENING} · {left}" if left else LISTENING)
        self.show()


class Listening(QObject):
    """The listening action, its background job and its status line; see the module docstring."""

    def __init__(self, window: MainWindow, media: MediaPanel) -> None:
        super().__init__(window)
        self.window, self.media = window, media
        self.worker = EvidenceWorker(self)
        self.action = QAction("&Listen for garbled words (in the background)", window.media_menu)
        self.action.setObjectName("listen_for_suspects")
        self.action.setShortcut(QKeySequence(LISTEN_KEY))
        self.action.triggered.connect(lambda _checked=False: self.listen())
        window.media_menu.addAction(self.action)
        self.progress = ListeningProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self.progress.stop.clicked.connect(self.stop)
        self.worker.progress.connect(self.progress.show_fraction)
        self.worker.ready.connect(self._apply)
        self.worker.failed.connect(self._fail)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.worker.shutdown)
        window.installEventFilter(self)
        self._glossary = window.session.document.glossary  # the names the document's evidence was heard with
        window.session.cues_spliced.connect(self._notice_new_names)
        window.session.document_replaced.connect(self._forget_names)

    def _forget_names(self) -> None:
        self._glossary = self.window.session.document.glossary

    def _notice_new_names(self, _splice: object) -> None:
        """Names typed after listening are weighed against the speech only once it is heard again: say so (the
        phones alone cannot tell "Mark Clark" from Marquardt)."""
        document = self.window.session.document
        if document.glossary == self._glossary:
            return
        self._glossary = document.glossary
        heard = any(word.heard for cue in document.cues for word in cue.words)
        if heard or self.worker.running:
            self.window.report(f"The glossary changed: {LISTEN_KEY} listens again, so the speech is weighed "
                               "against its names (until then the phones alone judge them)")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Hide and not event.spontaneous():
            self.worker.shutdown()  # closed (not minimised): no listening thread may outlive the window
        return False

    def follow_autosync(self, result: AlignResult) -> None:
        """Listen again after each auto-sync lands (it lands in the same event, just before this runs), on the
        audio the sync decoded when it is this media's whole audio."""
        QTimer.singleShot(0, self, lambda: self.listen(quiet=True, synced=result))

    def listen(self, quiet: bool = False, synced: AlignResult | None = None) -> None:
        """Hear the media at every timed word of the document, in the background."""
        media = self.media.media_file()
        document = self.window.session.document
        if media is None:
            message = "No media open: open the programme's video or audio first (Media ▸ Open media…)."
        elif not any(word.confidence is not None for cue in document.cues for word in cue.words):
            message = "Auto-sync first (Ctrl+Shift+A): listening needs each word's time in the speech."
        else:
            self.worker.start(media, document, synced.audio_of(media) if synced is not None else None)
            self._glossary = document.glossary
            self.progress.start()
            return
        if not quiet:
            self.window.report(message)

    def stop(self) -> None:
        """The Stop button: the listening job ends and the document stays as it was."""
        self.worker.cancel()
        self.progress.hide()
        self.window.report("Listening stopped: nothing changed")

    def _fail(self, message: str) -> None:
        self.progress.hide()
        self.window.report(message)

    def _apply(self, heard: Document) -> None:
        # imported here, not at start-up: the recogniser's modules are not loaded until listening ends
        from editor.workflows.find_suspects import carry_evidence

        self.progress.hide()
        current = self.window.session.document
        after = carry_evidence(current, heard)
        if after == current and heard.cues != current.cues:  # not one cue is as it was heard: say so, no all-clear
            self.window.report(f"Listening ended, but the cues it heard have changed since (auto-sync undone or run "
                               f"again?): nothing was kept; {LISTEN_KEY} listens again")
            return
        suspects = flagged_count(after, self.window.session.style)
        push_edit(self.window.session, UNDO_LABEL, after)
        self.window.report(f"Listened: {counted(suspects, 'place')} where the words may be garbled "
                           "(F8 steps through; Suspect words shows only these)")


def flagged_count(document: Document, style: CaptionStyle) -> int:
    """How many suspect-word problems F8 will stop on in the cues the speech was heard to doubt: the words
    with any alternative are more (most alternatives are too weak to flag), and would promise stops that never come."""
    from editor.checks.suspect_words import check  # imported here, as listening's own modules are

    doubted = tuple(cue for cue in document.cues if any(word.alternatives for word in cue.words))
    return len(check(replace(document, cues=doubted), style))


def attach_listening(window: MainWindow, media: MediaPanel) -> Listening:
    """Give `window` the listening action; with auto-sync attached, listening follows each sync."""
    listening = Listening(window, media)
    autosync = getattr(window, "autosync", None)
    if autosync is not None:
        autosync.worker.ready.connect(listening.follow_autosync)
    return listening
