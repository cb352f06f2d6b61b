"""Find and replace in the window: the find bar's buttons and F3, over editor.core.find, through the host.

Each replacement (one, or all at once) is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from editor.core import find
from editor.ui.find_bar import FindBar
from editor.ui.host import FeatureHost


class FindActions(QObject):
    """Where the last match was, and the find bar's commands."""

    def __init__(self, host: FeatureHost, bar: FindBar) -> None:
        super().__init__(bar)
        self._host, self._bar = host, bar
        self._last_match: find.Match | None = None
        bar.find_next.connect(self.find_next)
        bar.find_previous.connect(lambda: self.find_next(backwards=True))
        bar.replace_one.connect(self.replace_current)
        bar.replace_all.connect(self.replace_all)

    def find_next(self, backwards: bool = False) -> None:
        """Select the next (or previous) match in its cue's text."""
        document = self._host.session.document
        try:
            match = find.find_next(document, self._bar.query(), self._last_match, backwards=backwards)
        except find.SearchError as error:
            self._bar.message.setText(str(error))
            return
        self._last_match = match
        self._bar.message.setText("" if match else "not found")
        if match is not None:
            self._host.select_cue(match.cue_index)
            pane = self._host.text_pane
            cursor = pane.textCursor()
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, cursor.MoveMode.KeepAnchor)
            pane.setTextCursor(cursor)

    def replace_current(self) -> None:
        """Replace the selected match, then find the next one."""
        query, match = self._bar.query(), self._last_match
        if match is None:
            self.find_next()
            return
        try:
            after = find.replace_one(self._host.session.document, query, match, self._bar.replace_field.text())
        except find.SearchError as error:
            self._bar.message.setText(str(error))
            return
        self._host.push_edit(f"Replace in cue {match.cue_index + 1}", after, match.cue_index)
        self._last_match = find.Match(match.cue_index, match.start, match.start)
        self.find_next()

    def replace_all(self) -> None:
        """Every match replaced, as one undo step."""
        try:
            replacement = self._bar.replace_field.text()
            after, count = find.replace_all(self._host.session.document, self._bar.query(), replacement)
        except find.SearchError as error:
            self._bar.message.setText(str(error))
            return
        self._host.push_edit(f"Replace all ({count})", after, self._host.current_index())
        self._bar.message.setText(f"replaced {count}")
        self._last_match = None
