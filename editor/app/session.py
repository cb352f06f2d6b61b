"""One open document: its current state, its undo history and where it lives on disk.

Widgets never change the document: they push commands (editor.app.commands) onto `undo_stack`, and the
commands call `apply`, which announces every change with the splice that made it, so the table, the
timeline and the checks update only what changed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from editor.core.edits import CueSplice
from editor.core.model import Document
from editor.core.style import CaptionStyle, style_named


class Session(QObject):
    """The document being edited, its QUndoStack (no depth limit) and its project file path."""

    cues_spliced = Signal(object)  # CueSplice: announced after the document changed
    document_replaced = Signal()  # a whole new document (open, import, restore)
    focus_requested = Signal(int)  # the cue an undo, redo or edit is about
    path_changed = Signal()

    def __init__(self, document: Document | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document or Document()
        self._path: Path | None = None
        self.undo_stack = QUndoStack(self)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def style(self) -> CaptionStyle:
        return style_named(self._document.style_name)

    @property
    def path(self) -> Path | None:
        """The project file (.cueline) this session saves to; None until first saved."""
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_changed.emit()

    def load(self, document: Document, path: Path | None) -> None:
        """Start over with another document: a fresh history, nothing unsaved."""
        self.undo_stack.clear()
        self._document = document
        self._path = path
        self.undo_stack.setClean()
        self.document_replaced.emit()
        self.path_changed.emit()

    def apply(self, splice: CueSplice, metadata: Document, focus: int | None) -> None:
        """Called by commands only: replace the spliced cues and take the other fields from `metadata`."""
        cues = splice.apply_to(self._document.cues)
        self._document = replace(metadata, cues=cues)
        self.cues_spliced.emit(splice)
        if focus is not None and self._document.cues:
            self.focus_requested.emit(min(focus, len(self._document.cues) - 1))

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """What the title bar calls the document."""
        if self._path is not None:
            return self._path.name
        return self._document.title or "Untitled"
