"""The waveform under the cues: the small protocol the media layer's peaks object meets, and its drawing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QLineF, QRect
from PySide6.QtGui import QColor, QPainter

from editor.ui.timeline_scale import TimeScale


class PeakSource(Protocol):
    """Audio peaks at any zoom (editor/media/waveform.py provides one).

    `minmax` splits [start_ms, end_ms) into `buckets` equal slices and returns, for each slice, the lowest
    and the highest sample in [-1, 1]: two sequences of exactly `buckets` floats (lists or numpy arrays).
    Slices outside the media (before 0 or past its end) are 0.0. It is called from the GUI thread on
    every repaint that scrolls or zooms, so it must answer from precomputed levels in a few milliseconds.
    """

    def minmax(self, start_ms: int, end_ms: int, buckets: int) -> tuple[Sequence[float], Sequence[float]]: ...


class WaveformLayer:
    """Draws one column per pixel; remembers the last request so a playhead repaint does not ask again."""

    def __init__(self) -> None:
        self.peaks: PeakSource | None = None
        self._key: tuple[int, int, int] | None = None
        self._columns: tuple[Sequence[float], Sequence[float]] = ((), ())

    def set_peaks(self, peaks: PeakSource | None) -> None:
        self.peaks = peaks
        self._key = None

    def paint(self, painter: QPainter, band: QRect, exposed: QRect, scale: TimeScale, color: QColor) -> None:
        """Fill `band` with the waveform, one bucket per pixel, drawing only the columns in `exposed`."""
        if self.peaks is None or band.width() <= 0:
            return
        lows, highs = self._columns_for(scale.ms_at(band.left()), scale.ms_per_px, band.width())
        middle = band.center().y() + 0.5
        half = band.height() / 2 - 1
        x0 = band.left() + 0.5
        first = max(0, exposed.left() - band.left() - 1)
        last = min(len(lows), len(highs), exposed.right() - band.left() + 2)
        lines = [
            QLineF(x0 + column, middle - highs[column] * half, x0 + column, middle - lows[column] * half + 1)
            for column in range(first, last)
        ]
        painter.setPen(color)
        painter.drawLines(lines)

    def _columns_for(
        self, first_ms: float, ms_per_px: float, width: int
    ) -> tuple[Sequence[float], Sequence[float]]:
        start = round(first_ms)
        key = (start, round(start + width * ms_per_px), width)
        if key != self._key and self.peaks is not None:
            lows, highs = self.peaks.minmax(key[0], key[1], width)
            self._columns = ([float(v) for v in lows], [float(v) for v in highs])
            self._key = key
        return self._columns
