"""What the Cue menu, the text pane and the timeline do to the document: each user edit becomes one undo step.

Every method computes the new document with a pure function (editor.core.edits, or the re-cut workflow) and
pushes it; a refused edit (EditError) becomes a status-bar message instead of a change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from editor.app.commands import push_edit, push_typing
from editor.app.session import Session
from editor.core import edits
from editor.core.model import Document
from editor.core.style import style_named
from editor.core.timecode import frame_ms
from editor.core.wording import counted
from editor.workflows.recutting import recut_range

HUNDRED_MS = 100


class EditActions:
    """Turns requests about the current cue or the selected cues into undo commands."""

    def __init__(
        self,
        session: Session,
        current: Callable[[], int | None],
        selected: Callable[[], list[int]],
        report: Callable[[str], None],
    ) -> None:
        self._session = session
        self._current = current
        self._selected = selected
        self._report = report
        self.typing_run = 0
        self.media_ms: int | None = None  # the open media's length: the programme's end where no runtime is stated

    def _push(self, label: str, make: Callable[[Document], Document], focus: int | None) -> bool:
        try:
            after = make(self._session.document)
        except edits.EditError as error:
            self._report(str(error))
            return False
        return push_edit(self._session, label, after, focus)

    def _on_current(self, label: str, make: Callable[[Document, int], Document], focus_offset: int = 0) -> None:
        index = self._current()
        if index is None:
            self._report("select a cue first")
            return
        self._push(label.format(number=index + 1), lambda doc: make(doc, index), index + focus_offset)

    # ----- the current cue -----

    def type_text(self, text: str) -> None:
        """Text typed into the pane; keystrokes of one typing run are one undo step."""
        index = self._current()
        if index is None:
            return
        after = edits.set_text(self._session.document, index, text)
        push_typing(self._session, after, index, self.typing_run)

    def end_typing_run(self) -> None:
        """The next keystroke starts a new undo step (the user moved on)."""
        self.typing_run += 1

    def set_times(self, start_ms: int, end_ms: int) -> None:
        self._on_current("Set times of cue {number}", lambda doc, i: edits.set_times(doc, i, start_ms, end_ms))

    def retime(self, index: int, start_ms: int, end_ms: int) -> None:
        """A drag on the timeline, released: one undo step."""
        self._push(f"Move cue {index + 1}", lambda doc: edits.set_times(doc, index, start_ms, end_ms), index)

    def nudge(self, start_frames: int = 0, end_frames: int = 0, *, unit_ms: int | None = None) -> None:
        """Move the current cue's start and/or end by frames of the style's frame rate (or by unit_ms)."""
        step = unit_ms if unit_ms is not None else frame_ms(self._session.style.fps)
        self._on_current(
            "Nudge cue {number}",
            lambda doc, i: edits.nudge(doc, i, start_delta_ms=start_frames * step, end_delta_ms=end_frames * step),
        )

    def split(self, position: int) -> None:
        style = self._session.style
        self._on_current("Split cue {number}", lambda doc, i: edits.split_cue(doc, i, position, style), 1)

    def merge_with_next(self) -> None:
        style = self._session.style
        self._on_current("Merge cue {number} with the next", lambda doc, i: edits.merge_with_next(doc, i, style))

    def insert_after(self) -> None:
        index = self._current()
        after = -1 if index is None else index
        style = self._session.style
        media_ms = self.media_ms
        self._push(f"Insert cue {after + 2}", lambda doc: edits.insert_cue_after(doc, after, style, media_ms=media_ms),
                   after + 1)

    # ----- the selection -----

    def delete_selected(self) -> None:
        chosen = self._selected()
        if not chosen:
            self._report("select the cues to delete first")
            return
        label = f"Delete {len(chosen)} cues" if len(chosen) > 1 else f"Delete cue {chosen[0] + 1}"
        self._push(label, lambda doc: edits.delete_cues(doc, chosen), min(chosen))

    def shift_selected(self, delta_ms: int) -> None:
        chosen = self._selected()
        if not chosen:
            self._report("select the cues to shift first")
            return
        label = f"Shift {counted(len(chosen), 'cue')} by {delta_ms:+d} ms"
        self._push(label, lambda doc: edits.shift_cues(doc, chosen, delta_ms), min(chosen))

    def recut_selected(self) -> None:
        """Cut the selected cues' words into cues again with the style profile, keeping their time span."""
        chosen = self._selected()
        if not chosen:
            self._report("select the cues to re-cut first")
            return
        first, stop = min(chosen), max(chosen) + 1
        style = self._session.style
        self._push(f"Re-cut {counted(stop - first, 'cue')}", lambda doc: recut_range(doc, first, stop, style), first)

    # ----- the document -----

    def use_style(self, name: str) -> None:
        """Judge (and cut) captions by another style profile from now on."""
        label = f"Use the {style_named(name).label} style"
        self._push(label, lambda doc: replace(doc, style_name=name), self._current())
