"""What a feature of the window (media, auto-sync, the glossary, the problem navigator) may use of it.

Features talk to the window only through this protocol: the session, the current cue and the selection, a
message for the status bar, a menu or a pane to fill, the cue text pane to mark words in, the timeline's
playhead, and one way to record an edit. `MainWindow` is one host; a test can be another. Features never
read the window's widgets, and the window does not import them (they are attached from outside), so no
import circle can form.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor.app.issue_tracker import IssueTracker
from editor.app.session import Session
from editor.checks.issue import Issue
from editor.core.model import Document
from editor.ui.timeline_waveform import PeakSource


class FeatureHost(Protocol):
    """The window as its features see it."""

    @property
    def session(self) -> Session: ...

    @property
    def widget(self) -> QWidget:
        """The window itself: the parent of a feature's dialogs, and what a feature watches for closing."""
        ...

    @property
    def issues(self) -> IssueTracker:
        """Every check's findings for the document, kept current after each edit."""
        ...

    @property
    def issue_chosen(self) -> SignalInstance:
        """Emitted with an Issue (its cue index current) when staff choose it in the checks panel."""
        ...

    @property
    def current_cue_changed(self) -> SignalInstance:
        """Emitted with the new current row (or None) when the current cue changes."""
        ...

    @property
    def seek_requested(self) -> SignalInstance:
        """Emitted with a time (ms) when staff click the timeline to go there."""
        ...

    @property
    def text_pane(self) -> QPlainTextEdit:
        """The current cue's text as staff edit it (features underline or read words there)."""
        ...

    def report(self, message: str) -> None:
        """A passing message in the status bar."""

    def show_issue(self, issue: Issue) -> None:
        """Mark the issue a feature stopped on in the checks panel."""

    def current_index(self) -> int | None: ...

    def selected_rows(self) -> list[int]: ...

    def select_cue(self, row: int) -> None:
        """Make cue `row` current and show it everywhere."""

    def is_typing(self) -> bool:
        """True while staff type in the cue editor (a feature must not move the current cue then)."""
        ...

    def menu(self, title: str) -> QMenu:
        """The menu bar's menu with this title ("&Media"), made at the end if there is none yet."""
        ...

    def install_video_pane(self, pane: QWidget) -> None:
        """Put the player's view where the video goes."""

    def add_bar(self, bar: QWidget) -> None:
        """Put a feature's strip of controls under the window's views."""

    def show_playhead(self, ms: int | None) -> None: ...

    def show_waveform(self, peaks: PeakSource | None) -> None: ...

    def show_media_duration(self, ms: int | None) -> None:
        """The open media's length: the programme's runtime where the document states none (a caption file)."""

    def push_edit(self, label: str, after: Document, focus: int | None = None) -> bool:
        """Record `after` as one undo step (False if nothing changed)."""
        ...
