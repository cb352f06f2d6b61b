"""Painting the timeline's layers (ruler, cue blocks, marks, playhead) with colours taken from the palette."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen, QPolygonF

from editor.core.model import Cue
from editor.ui.timeline_scale import TimeScale, minor_step_ms, tick_label, tick_step_ms, ticks
from editor.ui.timeline_track import CueTrack, Mark, MarkKind

MARK_STRIP_PX = 5  # height of the band at a block's foot where gap runs and unsure words show
TEXT_MIN_PX = 28  # narrower blocks show no text: an ellipsis alone tells nothing
_WARNING = QColor(214, 69, 65)
_GAP = QColor(240, 140, 40)
_UNSURE = QColor(235, 205, 70)
_PLAYHEAD = QColor(255, 84, 64)
_GAP_HATCH = QBrush(_GAP, Qt.BrushStyle.BDiagPattern)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` of the way towards `b`: how every shade here follows the system palette."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


@dataclass(frozen=True, slots=True)
class TimelineColors:
    """Every colour the timeline uses, derived once from the palette (light or dark themes alike)."""

    background: QColor
    ruler: QColor
    tick: QColor
    label: QColor
    waveform: QColor
    block: QColor
    block_edge: QColor
    block_text: QColor
    flagged: QColor
    current: QColor
    current_edge: QColor
    current_text: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> TimelineColors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        window = palette.color(QPalette.ColorRole.Window)
        return cls(
            background=mix(base, text, 0.04),
            ruler=window,
            tick=mix(window, palette.color(QPalette.ColorRole.WindowText), 0.45),
            label=palette.color(QPalette.ColorRole.WindowText),
            waveform=mix(base, accent, 0.45),
            block=_with_alpha(mix(base, accent, 0.25), 165),
            block_edge=mix(base, accent, 0.55),
            block_text=text,
            flagged=_with_alpha(mix(base, _WARNING, 0.35), 175),
            current=_with_alpha(mix(base, accent, 0.75), 200),
            current_edge=mix(accent, text, 0.35),
            current_text=palette.color(QPalette.ColorRole.HighlightedText),
        )


def _with_alpha(color: QColor, alpha: int) -> QColor:
    color.setAlpha(alpha)
    return color


def paint_ruler(painter: QPainter, area: QRect, scale: TimeScale, colors: TimelineColors) -> None:
    """Tick marks with labels spaced by what fits at this zoom (see timeline_scale.tick_step_ms)."""
    painter.fillRect(area, colors.ruler)
    metrics = painter.fontMetrics()
    step = tick_step_ms(scale.ms_per_px, metrics.horizontalAdvance("00:00:00.000") + 16)
    first, last = scale.ms_at(area.left()), scale.ms_at(area.right())
    painter.setPen(colors.tick)
    bottom = area.bottom()
    minor = minor_step_ms(step)
    for ms in ticks(first, last, minor):
        x = round(scale.x_of(ms)) + 0.5
        height = area.height() * (0.45 if ms % step == 0 else 0.2)
        painter.drawLine(QPointF(x, bottom - height), QPointF(x, bottom))
    painter.setPen(colors.label)
    baseline = area.top() + metrics.ascent() + 3
    for ms in ticks(first - step, last, step):
        painter.drawText(QPointF(round(scale.x_of(ms)) + 4, baseline), tick_label(ms, step))


@dataclass(slots=True)
class CueLayerPainter:
    """Draws the blocks in one pass; blocks thinner than a few pixels merge so a 10-hour view stays cheap."""

    painter: QPainter
    area: QRect
    scale: TimeScale
    colors: TimelineColors
    current: int | None

    def paint(self, track: CueTrack, first_ms: float, last_ms: float, preview: tuple[int, int, int] | None) -> None:
        """Blocks wide enough to read one by one; the rest as merged runs computed with numpy."""
        indices, starts, ends = track.visible_arrays(first_ms, last_ms)
        lefts, rights = self._columns(starts), self._columns(ends)
        wide = (rights - lefts >= 3) & (ends >= first_ms)
        self._fill_runs(lefts[~wide], np.maximum(rights[~wide], lefts[~wide] + 1))
        readable = indices[wide].tolist()
        on_top = [i for i in (self.current, preview[0] if preview else None) if i is not None and i not in readable]
        for index in readable + on_top:
            start, end = _times(track.cues[index], index, preview)
            left, right = self._span(start, end)
            self.block(track, index, QRectF(left, self.area.top(), right - left, self.area.height()))

    def block(self, track: CueTrack, index: int, box: QRectF) -> None:
        """One cue: fill (current, tinted or plain), an edge line, its text, and its marks at the foot."""
        is_current = index == self.current
        fill = self.colors.current if is_current else (
            self.colors.flagged if track.flagged[index] else self.colors.block)
        self.painter.fillRect(box, fill)
        edge = self.colors.current_edge if is_current else self.colors.block_edge
        self.painter.setPen(QPen(edge, 2 if is_current else 1))
        self.painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
        text_bottom = box.top()
        if box.width() >= TEXT_MIN_PX:
            color = self.colors.current_text if is_current else self.colors.block_text
            text_bottom = self._text(track.cues[index].lines, box, color)
        self._marks(track.marks[index], box, text_bottom)

    def _span(self, start: int, end: int) -> tuple[float, float]:
        """Pixel edges, kept a little beyond the visible area so huge zooms never overflow Qt's coordinates."""
        limit_left, limit_right = self.area.left() - 4, self.area.right() + 4
        left = min(max(round(self.scale.x_of(start)), limit_left), limit_right)
        right = min(max(round(self.scale.x_of(end)), limit_left), limit_right)
        return left, max(right, left + 1)

    def _columns(self, times: np.ndarray) -> np.ndarray:
        """Pixel columns of many times at once, clipped just outside the area as _span does."""
        columns = np.rint((times - self.scale.origin_ms) / self.scale.ms_per_px)
        return columns.clip(self.area.left() - 4, self.area.right() + 4).astype(np.int64)

    def _fill_runs(self, lefts: np.ndarray, rights: np.ndarray) -> None:
        """Thin blocks as solid runs: every column any of them covers, drawn once per unbroken stretch."""
        if not len(lefts):
            return
        offset = self.area.left() - 4
        coverage = np.zeros(self.area.width() + 10, dtype=np.int64)
        np.add.at(coverage, lefts - offset, 1)
        np.add.at(coverage, rights - offset, -1)
        covered = np.concatenate(([0], (np.cumsum(coverage) > 0).astype(np.int8), [0]))
        edges = np.flatnonzero(np.diff(covered))
        for left, right in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            self.painter.fillRect(QRectF(left + offset, self.area.top(), right - left, self.area.height()),
                                  self.colors.block_edge)

    def _text(self, lines: list[str], box: QRectF, color: QColor) -> float:
        """Up to as many lines as fit, each elided; returns where the text ends so marks stay clear of it."""
        metrics = QFontMetrics(self.painter.font())
        room = box.height() - MARK_STRIP_PX - 4
        shown = max(1, min(len(lines), int(room // metrics.lineSpacing())))
        self.painter.setPen(color)
        left = max(box.left(), self.area.left()) + 5  # a long block keeps its text in view
        width = int(box.right() - left) - 5
        for row, line in enumerate(lines[:shown]):
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
            self.painter.drawText(QPointF(left, box.top() + 3 + metrics.ascent() + row * metrics.lineSpacing()),
                                  elided)
        return box.top() + 3 + shown * metrics.lineSpacing()

    def _marks(self, marks: tuple[Mark, ...], box: QRectF, hatch_top: float) -> None:
        """A coloured strip at the foot per mark; gap runs are also hatched between the text and the foot."""
        foot = box.bottom() - MARK_STRIP_PX - 1
        for mark in marks:
            left = box.left() + mark.begin * box.width()
            width = max(2.0, (mark.end - mark.begin) * box.width())
            color = _GAP if mark.kind is MarkKind.GAP else _UNSURE
            self.painter.fillRect(QRectF(left, foot, width, MARK_STRIP_PX), color)
            if mark.kind is MarkKind.GAP and foot - hatch_top > 6:
                self.painter.fillRect(QRectF(left, hatch_top + 2, width, foot - hatch_top - 2), _GAP_HATCH)


def _times(cue: Cue, index: int, preview: tuple[int, int, int] | None) -> tuple[int, int]:
    if preview is not None and preview[0] == index:
        return preview[1], preview[2]
    return cue.start_ms, cue.end_ms


def paint_playhead(painter: QPainter, x: float, top: int, bottom: int) -> None:
    """A line across the ruler and the track with a small head in the ruler."""
    painter.setPen(QPen(_PLAYHEAD, 1.5))
    painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    head = QPolygonF([QPointF(x - 5, top), QPointF(x + 5, top), QPointF(x, top + 7)])
    painter.setBrush(_PLAYHEAD)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(head)
    painter.setBrush(Qt.BrushStyle.NoBrush)
