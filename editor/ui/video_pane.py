"""The video pane: a native window libvlc draws the picture into, and our caption drawn over it.

The caption comes from the document (not from VLC), so it shows every edit at once. It is a native
child window stacked above VLC's: an X11 child window cannot be painted over by its parent, only by a
sibling above it. That is why the caption sits on an opaque box, as broadcast captions do.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from editor.core.model import Document
from editor.timing.playhead import CueTimes

W = TypeVar("W", bound=QWidget)

CAPTION_HEIGHT_SHARE = 1 / 16  # caption text size as a share of the picture height (about 40 px at 720p)
CAPTION_BOTTOM_SHARE = 0.06  # distance of the caption box from the bottom of the picture


class VideoPane(QWidget):
    """Shows the media's picture, a message when there is none, and the cue on screen at the playhead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("video_pane")
        self.setAccessibleName("Video")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.surface = _native_child(QWidget(self), "video_surface")
        _paint_black(self.surface)
        self.message = QLabel("No media: Media ▸ Open media… (Ctrl+Shift+O)", self.surface)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #bbbbbb;")
        self.caption = _native_child(QLabel(self), "video_caption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)  # text from subtitle files is never markup
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("color: white; background-color: black; padding: 2px 8px;")
        self.caption.hide()
        self._times = CueTimes(())
        self._document: Document | None = None
        self._playhead_ms = 0

    def video_window_handle(self) -> int:
        """The native window id VLC draws into (X11 window, HWND or NSView)."""
        return int(self.surface.winId())

    def show_message(self, text: str) -> None:
        """A note in place of the picture (no media, VLC missing); empty text hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_document(self, document: Document) -> None:
        """The document whose cue is drawn at the playhead; call again after every edit."""
        if document is self._document:
            return
        self._document = document
        self._times = CueTimes(document.cues)
        self._show_caption()

    def set_playhead(self, ms: int) -> None:
        self._playhead_ms = ms
        self._show_caption()

    def caption_text(self) -> str:
        """What the overlay shows now ("" when no cue is on screen)."""
        return self.caption.text() if self.caption.isVisible() else ""

    def _show_caption(self) -> None:
        index = self._times.index_at(self._playhead_ms)
        text = self._times.cues[index].text if index is not None else ""
        if text == self.caption.text() and self.caption.isVisible() == bool(text):
            return
        self.caption.setText(text)
        self.caption.setVisible(bool(text))
        self._place_caption()

    def _place_caption(self) -> None:
        if not self.caption.isVisible():
            return
        font = QFont(self.caption.font())
        font.setPixelSize(max(11, round(self.height() * CAPTION_HEIGHT_SHARE)))
        self.caption.setFont(font)
        size = self.caption.sizeHint()
        width = min(size.width(), self.width() - 8)
        x = (self.width() - width) // 2
        y = self.height() - size.height() - round(self.height() * CAPTION_BOTTOM_SHARE)
        self.caption.setGeometry(x, max(0, y), width, size.height())
        self.caption.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.surface.setGeometry(self.rect())
        self.message.setGeometry(self.surface.rect().adjusted(12, 12, -12, -12))
        self._place_caption()


def _native_child(widget: W, name: str) -> W:
    """A child with its own native window, without turning every ancestor into one."""
    widget.setObjectName(name)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
    widget.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    return widget


def _paint_black(widget: QWidget) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
