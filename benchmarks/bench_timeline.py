"""Paint time of one full-width timeline frame with 10,000 cues over 10 hours, at several zoom levels.

Run: .venv/bin/python benchmarks/bench_timeline.py   (offscreen; prints the median of repeated frames)
Target: well under 16 ms per frame at every zoom, so scrolling and a moving playhead stay smooth.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from editor.core.model import Cue, Document, Word
from editor.ui.timeline import TimelineView

TEN_HOURS_MS = 10 * 3_600_000
CUE_COUNT = 10_000
WIDTH, HEIGHT = 1400, 180
FRAMES = 30


class PrecomputedPeaks:
    """Peaks the way a real cache answers: slices of a precomputed per-10-ms array, reduced per pixel."""

    def __init__(self) -> None:
        rng = np.random.default_rng(1)
        self._level = np.abs(rng.normal(0, 0.3, TEN_HOURS_MS // 10)).clip(0, 1).astype(np.float32)

    def minmax(self, start_ms: int, end_ms: int, buckets: int) -> tuple[Sequence[float], Sequence[float]]:
        edges = np.linspace(max(0, start_ms) // 10, max(0, end_ms) // 10, buckets + 1).astype(np.int64)
        edges = edges.clip(0, len(self._level) - 1)
        highs = np.maximum.reduceat(self._level, edges[:-1]) if len(edges) > 1 else np.zeros(buckets)
        return -highs, highs


def ten_hours_of_cues() -> Document:
    spacing = TEN_HOURS_MS // CUE_COUNT
    cues = []
    for i in range(CUE_COUNT):
        start = i * spacing
        words = (Word("Caption", start, start + 800, 0.9), Word("--", start + 800, start + 1400),
                 Word(f"number {i}", start + 1400, start + spacing - 200, 0.3))
        cues.append(Cue(start, start + spacing - 200, f"Caption -- number {i}\nsecond line", words))
    return Document(cues=tuple(cues), runtime_ms=TEN_HOURS_MS)


def median_frame_ms(view: TimelineView, image: QImage) -> float:
    times = []
    for frame in range(FRAMES):
        view.set_playhead(view.visible_range_ms()[0] + frame * 100)
        began = time.perf_counter()
        view.render(image)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    view = TimelineView()
    view.resize(WIDTH, HEIGHT)
    document = ten_hours_of_cues()
    began = time.perf_counter()
    view.set_document(document)
    print(f"set_document with {CUE_COUNT} cues: {(time.perf_counter() - began) * 1000:.1f} ms")
    edited = document.with_cues([*document.cues[:5000], document.cues[5000].with_text("edited"),
                                 *document.cues[5001:]])
    began = time.perf_counter()
    view.set_document(edited)
    print(f"set_document after editing one cue: {(time.perf_counter() - began) * 1000:.1f} ms")
    view.set_peaks(PrecomputedPeaks())
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    view.follow_playhead = False
    view.fit_all()
    view.zoom_by(1.0, 0)
    for label, span_ms in [("10 h (fit all)", TEN_HOURS_MS), ("1 h", 3_600_000), ("5 min", 300_000),
                           ("30 s", 30_000)]:
        view.zoom_by(span_ms / (view.visible_range_ms()[1] - view.visible_range_ms()[0]), WIDTH / 2)
        print(f"{label:>15}: {median_frame_ms(view, image):6.2f} ms per full-width frame "
              f"({WIDTH}x{HEIGHT}, median of {FRAMES})")
    del app


if __name__ == "__main__":
    main()
