"""Painting the cue blocks: rectangles batched by how they look, so a frame costs a few dozen Qt calls."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen

from editor.core.model import Cue
from editor.ui.timeline_paint import TimelineColors
from editor.ui.timeline_scale import TimeScale
from editor.ui.timeline_track import CueTrack, MarkKind

MARK_STRIP_PX = 5  # height of the band at a block's foot where gap runs and unsure words show
TEXT_MIN_PX = 44  # narrower blocks show no text: two letters and an ellipsis tell nothing
MARK_COLORS = {MarkKind.GAP: QColor(240, 140, 40), MarkKind.UNSURE: QColor(235, 205, 70),
               MarkKind.UNHEARD: QColor(200, 60, 60)}
_GAP_HATCH = QBrush(MARK_COLORS[MarkKind.GAP], Qt.BrushStyle.BDiagPattern)


@dataclass(slots=True)
class _Batch:
    """Everything one frame draws, grouped so each group is one drawRects call."""

    fills: dict[str, list[QRectF]] = field(default_factory=lambda: {"block": [], "flagged": [], "current": []})
    edges: list[QRectF] = field(default_factory=list)
    current_edges: list[QRectF] = field(default_factory=list)
    strips: dict[MarkKind, list[QRectF]] = field(default_factory=lambda: {kind: [] for kind in MarkKind})
    hatches: list[QRectF] = field(default_factory=list)
    texts: list[tuple[list[str], QRectF, bool]] = field(default_factory=list)


@dataclass(slots=True)
class CueLayerPainter:
    """Draws the blocks of one frame; blocks thinner than a few pixels merge so a 10-hour view stays cheap."""

    painter: QPainter
    area: QRect
    scale: TimeScale
    colors: TimelineColors
    current: int | None
    batch: _Batch = field(default_factory=_Batch)

    def paint(self, track: CueTrack, first_ms: float, last_ms: float, preview: tuple[int, int, int] | None) -> None:
        """Blocks wide enough to read one by one; the rest as merged runs computed with numpy."""
        indices, starts, ends = track.visible_arrays(first_ms, last_ms)
        lefts, rights = self._columns(starts), self._columns(ends)
        wide = (rights - lefts >= 3) & (ends >= first_ms)
        self._fill_runs(lefts[~wide], np.maximum(rights[~wide], lefts[~wide] + 1))
        readable = indices[wide].tolist()
        dragged = preview[0] if preview else None
        on_top = [i for i in (self.current, dragged) if i is not None and i not in readable]
        rows = self._text_rows()
        for index in readable + on_top:
            start, end = _times(track.cues[index], index, preview)
            left, right = self._span(start, end)
            self._add_block(track, index, QRectF(left, self.area.top(), right - left, self.area.height()), rows)
        self._flush()

    def _add_block(self, track: CueTrack, index: int, box: QRectF, rows: int) -> None:
        """One cue: its fill (current, tinted or plain), edge, text, and its marks at the foot."""
        is_current = index == self.current
        kind = "current" if is_current else ("flagged" if track.flagged[index] else "block")
        self.batch.fills[kind].append(box)
        (self.batch.current_edges if is_current else self.batch.edges).append(box.adjusted(0.5, 0.5, -0.5, -0.5))
        lines = track.cues[index].lines[:rows]
        text_bottom = box.top()
        if box.width() >= TEXT_MIN_PX:
            self.batch.texts.append((lines, box, is_current))
            text_bottom += 3 + len(lines) * self.painter.fontMetrics().lineSpacing()
        foot = box.bottom() - MARK_STRIP_PX - 1
        for mark in track.marks[index]:
            left = box.left() + mark.begin * box.width()
            width = max(2.0, (mark.end - mark.begin) * box.width())
            self.batch.strips[mark.kind].append(QRectF(left, foot, width, MARK_STRIP_PX))
            if mark.kind is MarkKind.GAP and foot - text_bottom > 6:
                self.batch.hatches.append(QRectF(left, text_bottom + 2, width, foot - text_bottom - 2))

    def _flush(self) -> None:
        painter, batch = self.painter, self.batch
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, rects in batch.fills.items():
            painter.setBrush(getattr(self.colors, kind))
            painter.drawRects(rects)
        painter.setBrush(_GAP_HATCH)
        painter.drawRects(batch.hatches)
        for mark_kind, rects in batch.strips.items():
            painter.setBrush(MARK_COLORS[mark_kind])
            painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self.colors.block_edge, 1))
        painter.drawRects(batch.edges)
        painter.setPen(QPen(self.colors.current_edge, 2))
        painter.drawRects(batch.current_edges)
        for lines, box, is_current in batch.texts:
            self._text(lines, box, self.colors.current_text if is_current else self.colors.block_text)

    def _text_rows(self) -> int:
        """How many caption lines fit in a block above the mark strip (at least one)."""
        room = self.area.height() - MARK_STRIP_PX - 4
        return max(1, int(room // self.painter.fontMetrics().lineSpacing()))

    def _text(self, lines: list[str], box: QRectF, color: QColor) -> None:
        """Each line elided to the block; a long block keeps its text in view when it starts off screen."""
        metrics = QFontMetrics(self.painter.font())
        self.painter.setPen(color)
        left = max(box.left(), self.area.left()) + 5
        width = int(box.right() - left) - 5
        for row, line in enumerate(lines):
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
            baseline = box.top() + 3 + metrics.ascent() + row * metrics.lineSpacing()
            self.painter.drawText(QPointF(left, baseline), elided)

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
        runs = [QRectF(left + offset, self.area.top(), right - left, self.area.height())
                for left, right in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True)]
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(self.colors.block_edge)
        self.painter.drawRects(runs)


def _times(cue: Cue, index: int, preview: tuple[int, int, int] | None) -> tuple[int, int]:
    if preview is not None and preview[0] == index:
        return preview[1], preview[2]
    return cue.start_ms, cue.end_ms
