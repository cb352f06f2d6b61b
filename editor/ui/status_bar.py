"""The status bar: a passing message too long for its room ends in "…" and shows whole as a tooltip.

QStatusBar cuts a long message off at its first permanent widget (the document summary) with no sign that text
is missing, and nothing else shows the rest. This bar paints the message elided and keeps the whole text in
`currentMessage()` and in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

from editor.app.plain_text import plain_tooltip

MESSAGE_LEFT, MESSAGE_RIGHT_PAD = 6, 2  # QStatusBar's own margins around a message


class ElidingStatusBar(QStatusBar):
    """A QStatusBar whose passing message is elided to the room it has, its whole text in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(lambda message: self.setToolTip(plain_tooltip(message)))

    def message_room(self) -> QRect:
        """Where a message may be painted: from the left edge to the first visible permanent widget."""
        widgets = [w for w in self.findChildren(QWidget) if w.parentWidget() is self and not isinstance(w, QSizeGrip)]
        shown = [w.x() for w in widgets if w.isVisible() and w.x() > MESSAGE_LEFT]
        right = min(shown, default=self.width() - 12) - MESSAGE_RIGHT_PAD
        return QRect(MESSAGE_LEFT, 0, max(0, right - MESSAGE_LEFT), self.height())

    def shown_message(self) -> str:
        """The passing message as painted: whole if it fits its room, else cut with "…"."""
        width = self.message_room().width()
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        alignment = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.message_room(), alignment, self.shown_message())
