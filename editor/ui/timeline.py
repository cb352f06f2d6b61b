"""The timeline: cue blocks along the runtime over the waveform, with a ruler, zoom, scroll and drag-to-retime.

The widget only reads the document. A drag previews inside the widget and reports one `cue_retimed` on
release; the window turns that into one undo command and hands the new document back via set_document.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollBar, QSizePolicy, QToolTip, QWidget

from editor.core.model import Cue, Document
from editor.core.style import DEFAULT_STYLE, CaptionStyle
from editor.ui.timeline_blocks import CueLayerPainter
from editor.ui.timeline_drag import CueDrag, DragKind, drag_readout, start_drag
from editor.ui.timeline_paint import TimelineColors, paint_playhead, paint_ruler
from editor.ui.timeline_scale import ZOOM_STEP, TimeScale
from editor.ui.timeline_track import CueTrack
from editor.ui.timeline_waveform import PeakSource, WaveformLayer

__all__ = ["PeakSource", "TimelineView"]

RULER_PX = 24
BLOCK_MARGIN_PX = 6  # space above and below the blocks, where the waveform still shows
EDGE_GRAB_PX = 5  # how near an edge the pointer resizes instead of moving the block
DEFAULT_MS_PER_PX = 25.0  # a fresh timeline shows about half a minute: room to read the blocks
FOLLOW_MARGIN = 0.1  # when the playhead leaves the view, it comes back this far from the left
PARTIAL_REPAINT_CUES = 64  # an edit of more cues than this repaints the whole view, which costs about the same
REPAINT_MARGIN_PX = 4  # around an edited block: its edge pen, mark strips and merged thin runs spill over


class TimelineView(QWidget):
    """Caption blocks on a zoomable time axis; see the module docstring for who changes the document."""

    cue_clicked = Signal(int)
    seek_requested = Signal(int)
    cue_retimed = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = DEFAULT_STYLE
        self._document = Document()
        self._track = CueTrack(self._document, self._style)
        self._scale = TimeScale(ms_per_px=DEFAULT_MS_PER_PX)
        self._waveform = WaveformLayer()
        self._colors = TimelineColors.from_palette(self.palette())
        self._current: int | None = None
        self._playhead: int | None = None
        self._press: tuple[QPoint, CueDrag | None, bool] | None = None  # where, what it grabbed, on ruler
        self._drag: CueDrag | None = None
        self._preview: tuple[int, int, int] | None = None
        self.follow_playhead = True
        self._scrollbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self._scrollbar.valueChanged.connect(self._scrolled_to)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Caption blocks along the programme. Arrow keys scroll, plus and minus zoom, 0 fits everything.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(RULER_PX + 60 + self._scrollbar.sizeHint().height())

    # ----- the interface the window uses -----

    def set_document(self, document: Document) -> None:
        """Show `document`; the zoom and scroll stay put unless there was nothing to show before."""
        was_empty = len(self._track) == 0
        previous, dragging = self._track, self._press is not None
        self._document = document
        self._track = CueTrack(document, self._style, previous=previous)
        self._forget_press()
        if self._current is not None and self._current >= len(self._track):
            self._current = None
        if was_empty and len(self._track):
            self._scale.origin_ms = 0.0
        self._sync_scrollbar()
        self._repaint_changed(previous, full=was_empty or dragging)

    def _repaint_changed(self, previous: CueTrack, full: bool) -> None:
        """Repaint only the blocks an edit touched, where they were and where they are; nothing if off screen.

        An insertion or deletion renumbers the cues after it (the current one may be another cue now), so
        it repaints everything, as does an edit spanning many cues.
        """
        splice = self._track.splice
        if full or splice is None or not splice.keeps_count or splice.new_stop - splice.start > PARTIAL_REPAINT_CUES:
            self.update()
            return
        self._repaint_blocks([*previous.cues[splice.start:splice.old_stop],
                              *self._track.cues[splice.start:splice.new_stop]])

    def _repaint_blocks(self, cues: Sequence[Cue]) -> None:
        """Ask for a repaint of the track band under each cue's time span, plus what its drawing spills over."""
        band = self.track_rect()
        for cue in cues:
            left = max(self._scale.x_of(cue.start_ms) - REPAINT_MARGIN_PX, band.left())
            right = min(self._scale.x_of(cue.end_ms) + REPAINT_MARGIN_PX, band.right() + 1)
            if left < right:
                self.update(QRect(int(left), band.top(), math.ceil(right - int(left)), band.height()))

    def set_current_cue(self, index: int | None) -> None:
        """Highlight cue `index` and scroll it into view when the selection moves to it."""
        valid = index if index is not None and 0 <= index < len(self._track) else None
        if valid == self._current:
            return
        was = self._current
        self._current = valid
        if valid is not None and self._drag is None:
            cue = self._track.cues[valid]
            self._reveal(cue.start_ms, cue.end_ms)  # repaints everything if it scrolls
        if self._preview is not None:
            self.update()
        else:
            self._repaint_blocks([self._track.cues[i] for i in (was, valid) if i is not None])

    def set_playhead(self, ms: int | None) -> None:
        """Move the playhead line; follow it with a page turn when it leaves the view."""
        if ms == self._playhead:
            return
        self._repaint_playhead()
        self._playhead = ms
        if ms is not None and self.follow_playhead and self._drag is None and not self._time_visible(ms):
            self._scroll_to(ms - FOLLOW_MARGIN * self._span_ms())
        self._repaint_playhead()

    def set_peaks(self, peaks: PeakSource | None) -> None:
        """Draw these audio peaks under the blocks (None hides the waveform)."""
        self._waveform.set_peaks(peaks)
        self.update()

    def set_style(self, style: CaptionStyle) -> None:
        """The style gives the drag its minimum gap and decides which blocks are tinted as breaking a rule."""
        self._style = style
        self._track = CueTrack(self._document, style, previous=self._track)
        self.update()

    # ----- zoom and scroll, also used by the window's View menu -----

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom (factor > 1 zooms out) about pixel `anchor_x`, by default the playhead or the middle."""
        if anchor_x is None:
            playhead = self._playhead
            visible = playhead is not None and self._time_visible(playhead)
            anchor_x = self._scale.x_of(playhead) if playhead is not None and visible else self.width() / 2
        self._scale.zoom_about(anchor_x, factor)
        self._scroll_to(self._scale.origin_ms)

    def zoom_in(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def fit_all(self) -> None:
        """Show the whole programme across the widget."""
        total = max(1000, self._track.total_ms)
        self._scale.ms_per_px = total / max(1, self.width())
        self._scroll_to(0.0)

    def visible_range_ms(self) -> tuple[int, int]:
        """The time at the left and right edges of the view."""
        return round(self._scale.origin_ms), round(self._scale.ms_at(self.width()))

    def x_of_ms(self, ms: int) -> float:
        """Where time `ms` is drawn, in widget pixels (for tests and for the window's overlays)."""
        return self._scale.x_of(ms)

    def ms_at_x(self, x: float) -> int:
        return round(self._scale.ms_at(x))

    def track_rect(self) -> QRect:
        """The band under the ruler where blocks and the waveform are drawn."""
        bottom = self.height() - self._scrollbar.height()
        return QRect(0, RULER_PX, self.width(), max(0, bottom - RULER_PX))

    def _span_ms(self) -> float:
        return self._scale.span_ms(self.width())

    def _time_visible(self, ms: float) -> bool:
        return self._scale.origin_ms <= ms <= self._scale.origin_ms + self._span_ms()

    def _reveal(self, start_ms: int, end_ms: int) -> None:
        """Scroll as little as needed so [start, end] shows; centre it when it was far off screen."""
        span = self._span_ms()
        if self._time_visible(start_ms) and (self._time_visible(end_ms) or end_ms - start_ms > span):
            return
        middle = (start_ms + end_ms) / 2
        self._scroll_to(middle - span / 2 if end_ms - start_ms <= span else start_ms - span * FOLLOW_MARGIN)

    def _scroll_to(self, origin_ms: float) -> None:
        self._scale.origin_ms = origin_ms
        self._scale.keep_within(self._track.total_ms, self.width())
        self._sync_scrollbar()
        self.update()

    def _scroll_by_fraction(self, fraction: float) -> None:
        self._scroll_to(self._scale.origin_ms + fraction * self._span_ms())

    def _sync_scrollbar(self) -> None:
        span = round(self._span_ms())
        self._scrollbar.blockSignals(True)
        self._scrollbar.setRange(0, max(0, self._track.total_ms - span))
        self._scrollbar.setPageStep(max(1, span))
        self._scrollbar.setSingleStep(max(1, span // 10))
        self._scrollbar.setValue(round(self._scale.origin_ms))
        self._scrollbar.blockSignals(False)

    def _scrolled_to(self, value: int) -> None:
        self._scale.origin_ms = float(value)
        self.update()

    # ----- painting -----

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        exposed = event.rect()
        track = self.track_rect()
        painter.fillRect(track.intersected(exposed), self._colors.background)
        wave_band = track.adjusted(0, 2, 0, -2)
        self._waveform.paint(painter, wave_band, exposed, self._scale, self._colors.waveform)
        self._paint_cues(painter, track.adjusted(0, BLOCK_MARGIN_PX, 0, -BLOCK_MARGIN_PX), exposed)
        ruler = QRect(0, 0, self.width(), RULER_PX)
        if exposed.intersects(ruler):
            paint_ruler(painter, ruler, self._scale, self._colors)
        if self._playhead is not None and self._time_visible(self._playhead):
            paint_playhead(painter, round(self._scale.x_of(self._playhead)) + 0.5, 0, track.bottom())
        if self.hasFocus():
            painter.setPen(self._colors.current_edge)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -self._scrollbar.height() - 1))
        painter.end()

    def _paint_cues(self, painter: QPainter, area: QRect, exposed: QRect) -> None:
        first = self._scale.ms_at(exposed.left() - 2)
        last = self._scale.ms_at(exposed.right() + 2)
        layer = CueLayerPainter(painter, area, self._scale, self._colors, self._current)
        layer.paint(self._track, first, last, self._preview)

    def _repaint_playhead(self) -> None:
        if self._playhead is not None and self._time_visible(self._playhead):
            x = round(self._scale.x_of(self._playhead))
            self.update(QRect(x - 6, 0, 13, self.track_rect().bottom() + 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        height = self._scrollbar.sizeHint().height()
        self._scrollbar.setGeometry(0, self.height() - height, self.width(), height)
        self._scale.keep_within(self._track.total_ms, self.width())
        self._sync_scrollbar()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colors = TimelineColors.from_palette(self.palette())
        super().changeEvent(event)

    # ----- pointer and keys -----

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position().toPoint()
        grabbed = self._grab_at(position)
        self._press = (position, grabbed, position.y() < RULER_PX)
        if grabbed is not None:
            self.cue_clicked.emit(grabbed.index)
        else:
            self.seek_requested.emit(self.ms_at_x(position.x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position().toPoint()
        if self._press is None:
            self._show_grab_cursor(position)
            return
        pressed_at, grabbed, on_ruler = self._press
        if on_ruler:
            self.seek_requested.emit(self.ms_at_x(position.x()))
        elif grabbed is not None and self._drag is None and self._moved_enough(pressed_at, position):
            self._drag = grabbed
            if grabbed.kind is DragKind.MOVE:
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._drag is not None:
            start, end = self._drag.times_at(self._scale.ms_at(position.x()))
            self._preview = (self._drag.index, start, end)
            QToolTip.showText(event.globalPosition().toPoint(), drag_readout(start, end), self)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        drag, preview = self._drag, self._preview
        self._cancel_drag()
        if drag is not None and preview is not None and preview[1:] != (drag.start_ms, drag.end_ms):
            self.cue_retimed.emit(*preview)
        self._show_grab_cursor(event.position().toPoint())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        notches = (delta.y() or delta.x()) / 120
        if not notches:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP ** -notches, event.position().x())
        else:
            self._scroll_by_fraction(-notches / 10)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._press is not None:
            self._cancel_drag()
            self.update()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.1
            self._scroll_by_fraction(step if key == Qt.Key.Key_Right else -step)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._scroll_to(0.0 if key == Qt.Key.Key_Home else float(self._track.total_ms))
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _moved_enough(pressed_at: QPoint, position: QPoint) -> bool:
        """A press only becomes a drag past the platform's drag distance, so a click never retimes."""
        return (position - pressed_at).manhattanLength() >= QApplication.startDragDistance()

    def _cancel_drag(self) -> None:
        """Forget the press and its preview and show the block where it was; there is nothing to undo."""
        self._forget_press()
        self.update()

    def _forget_press(self) -> None:
        if self._drag is not None:
            QToolTip.hideText()
        self._press = None
        self._drag = None
        self._preview = None

    def _grab_at(self, position: QPoint) -> CueDrag | None:
        """What a press at `position` takes hold of: an edge within EDGE_GRAB_PX, else the block under it."""
        blocks = self.track_rect().adjusted(0, BLOCK_MARGIN_PX, 0, -BLOCK_MARGIN_PX)
        if not blocks.contains(position):
            return None
        x = position.x()
        reach = EDGE_GRAB_PX * self._scale.ms_per_px
        pointer_ms = self._scale.ms_at(x)
        best: tuple[float, int, DragKind] | None = None
        for index in self._track.visible(pointer_ms - reach, pointer_ms + reach):
            for distance, kind in self._grab_candidates(index, x):
                if best is None or distance < best[0]:
                    best = (distance, index, kind)
        if best is None:
            return None
        _, index, kind = best
        cue = self._track.cues[index]
        neighbours = self._track.neighbours(index)
        runtime = self._document.runtime_ms
        return start_drag(index, kind, pointer_ms, cue, neighbours, self._style.min_gap_ms, runtime)

    def _grab_candidates(self, index: int, x: float) -> list[tuple[float, DragKind]]:
        """Edges near `x` (by distance) and the body if `x` is inside; a body counts as farther than edges."""
        cue = self._track.cues[index]
        left, right = self._scale.x_of(cue.start_ms), self._scale.x_of(cue.end_ms)
        edge = min(EDGE_GRAB_PX, max(1.0, (right - left) / 3))
        found = [(abs(x - left), DragKind.START), (abs(x - right), DragKind.END)]
        found = [(distance, kind) for distance, kind in found if distance <= edge]
        if left <= x <= right:
            found.append((EDGE_GRAB_PX + 1, DragKind.MOVE))
        return found

    def _show_grab_cursor(self, position: QPoint) -> None:
        grabbed = self._grab_at(position)
        if grabbed is None:
            self.unsetCursor()
        elif grabbed.kind is DragKind.MOVE:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
