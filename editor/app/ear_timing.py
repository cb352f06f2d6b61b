"""Timing by ear: the current cue's start or end at the playhead, and tap-to-sync, each one undo step.

In tap mode, while the media plays, each tap ends the current cue (a minimum gap before the playhead) and
starts the next one at the playhead, then makes that next cue current, so staff tap along with the speech.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor.app.commands import push_edit
from editor.app.playback import Playback
from editor.app.session import Session
from editor.core.edits import EditError
from editor.core.model import Document
from editor.timing import by_ear


class EarTiming(QObject):
    """Edits the current cue's times from the playhead; a refused edit becomes a status message."""

    tap_mode_changed = Signal(bool)

    def __init__(
        self,
        session: Session,
        playback: Playback,
        current: Callable[[], int | None],
        report: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._playback = playback
        self._current = current
        self._report = report
        self.tap_mode = False

    def set_start_here(self) -> None:
        """I: the current cue starts at the playhead."""
        self._edit("Set start of cue {number} at playhead", by_ear.start_at, focus_offset=0)

    def set_end_here(self) -> None:
        """O: the current cue ends at the playhead."""
        self._edit("Set end of cue {number} at playhead", by_ear.end_at, focus_offset=0)

    def set_tap_mode(self, on: bool) -> None:
        if on != self.tap_mode:
            self.tap_mode = on
            self.tap_mode_changed.emit(on)
            self._report("Tap-to-sync on: play, then tap T as each cue ends" if on else "Tap-to-sync off")

    def tap(self) -> None:
        """T in tap mode: end the current cue and start the next at the playhead; the next becomes current."""
        if not self.tap_mode:
            return
        if not self._playback.is_playing:
            self._report("Tap-to-sync works while the media plays: press Space first")
            return
        gap = self._session.style.min_gap_ms
        self._edit(
            "Tap: end cue {number} at playhead",
            lambda document, index, at: by_ear.tap(document, index, at, gap),
            focus_offset=1,
        )

    def _edit(self, label: str, make: Callable[[Document, int, int], Document], focus_offset: int) -> None:
        index = self._current()
        if index is None:
            self._report("select a cue first")
            return
        if not self._playback.has_media:
            self._report("open the media first (Media ▸ Open media…)")
            return
        playhead = self._playback.position_ms()
        try:
            after = make(self._session.document, index, playhead)
        except EditError as error:
            self._report(str(error))
            return
        focus = min(index + focus_offset, len(after.cues) - 1)
        push_edit(self._session, label.format(number=index + 1), after, focus)
