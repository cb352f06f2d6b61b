"""Every user edit as one QUndoCommand: a pure edit from editor.core.edits, recorded as before/after cues.

`push_edit` is the one way the UI changes a document: it computes the new document with a pure function
first, then records only the cues that changed (a CueSplice) and the document's other fields, so undo and
redo are exact and cheap even for 10,000 cues.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from editor.app.session import Session
from editor.core.edits import CueSplice, diff_cues
from editor.core.model import Document

TYPING_COMMAND_ID = 1  # consecutive keystrokes in one cue's text merge into one undo step


class DocumentEdit(QUndoCommand):
    """Replaces the cues that changed; restores them (and the document's metadata) on undo."""

    def __init__(self, session: Session, label: str, after: Document, focus: int | None) -> None:
        super().__init__(label)
        before = session.document
        self._session = session
        self._splice = diff_cues(before.cues, after.cues)
        self._before_meta = replace(before, cues=())
        self._after_meta = replace(after, cues=())
        self._focus = focus

    @property
    def changes_nothing(self) -> bool:
        return not self._splice.removed and not self._splice.inserted and self._before_meta == self._after_meta

    def redo(self) -> None:
        self._session.apply(self._splice, self._after_meta, self._focus)

    def undo(self) -> None:
        self._session.apply(self._splice.inverted(), self._before_meta, self._focus)


class TypingEdit(DocumentEdit):
    """Text typed into one cue; keystrokes in the same typing run merge into one undo step."""

    def __init__(self, session: Session, after: Document, cue_index: int, typing_run: int) -> None:
        super().__init__(session, f"Edit text of cue {cue_index + 1}", after, cue_index)
        self.cue_index = cue_index
        self.typing_run = typing_run

    def id(self) -> int:
        return TYPING_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypingEdit) or (other.cue_index, other.typing_run) != (
            self.cue_index,
            self.typing_run,
        ):
            return False
        mine, theirs = self._splice, other._splice
        self._splice = CueSplice(mine.start, mine.removed, theirs.inserted)
        self._after_meta = other._after_meta
        return True


def push_edit(session: Session, label: str, after: Document, focus: int | None = None) -> bool:
    """Record `after` as the next state, as one undo step; False (nothing pushed) if nothing changed."""
    command = DocumentEdit(session, label, after, focus)
    if command.changes_nothing:
        return False
    session.undo_stack.push(command)
    return True


def push_typing(session: Session, after: Document, cue_index: int, typing_run: int) -> None:
    """Record typed text; merges with the previous keystrokes of the same run in the same cue."""
    command = TypingEdit(session, after, cue_index, typing_run)
    if not command.changes_nothing:
        session.undo_stack.push(command)
