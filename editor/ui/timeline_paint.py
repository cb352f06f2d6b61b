"""The timeline's colours, taken from the palette, and its simple layers: the ruler and the playhead."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF

from editor.ui.timeline_scale import TimeScale, minor_step_ms, tick_label, tick_step_ms, ticks

_WARNING = QColor(214, 69, 65)
_PLAYHEAD = QColor(255, 84, 64)


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


def paint_playhead(painter: QPainter, x: float, top: int, bottom: int) -> None:
    """A line across the ruler and the track with a small head in the ruler."""
    painter.setPen(QPen(_PLAYHEAD, 1.5))
    painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    head = QPolygonF([QPointF(x - 5, top), QPointF(x + 5, top), QPointF(x, top + 7)])
    painter.setBrush(_PLAYHEAD)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(head)
    painter.setBrush(Qt.BrushStyle.NoBrush)
