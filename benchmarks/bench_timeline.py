"""Paint time of one full-width timeline frame with 10,000 cues over 10 hours, at several zoom levels.

Run: .venv/bin/python benchmarks/bench_timeline.py   (offscreen; prints the median of repeated frames)
Targets: well under 16 ms per frame at every zoom, so scrolling and a moving playhead stay smooth; a one-cue
edit costs set_document under 3 ms, and the repaint it asks for covers only the edited block.
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


def one_cue_edits(document: Document) -> dict[str, Document]:
    """The edits a captioner makes all day, each one cue in the middle of the programme."""
    cues, middle = document.cues, CUE_COUNT // 2
    cue, before, after = cues[middle], cues[:middle], cues[middle + 1:]
    return {
        "type a character": document.with_cues([*before, cue.with_text(cue.text + "x"), *after]),
        "retime": document.with_cues([*before, cue.with_times(cue.start_ms + 40, cue.end_ms), *after]),
        "insert a cue": document.with_cues([*before, Cue(cue.start_ms, cue.start_ms + 10, "new"), cue, *after]),
        "delete a cue": document.with_cues([*before, *after]),
    }


def median_edit_ms(view: TimelineView, before: Document, after: Document, repeats: int = 40) -> float:
    """set_document alone, going back and forth between two documents one edit apart."""
    times = []
    for _ in range(repeats):
        view.set_document(before)
        began = time.perf_counter()
        view.set_document(after)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def median_repaint_after_edit_ms(view: TimelineView, before: Document, after: Document, repeats: int = 40) -> float:
    """set_document plus painting what it marked as changed, with the edited cue in view."""
    app = QApplication.instance()
    times = []
    for _ in range(repeats):
        view.set_document(before)
        app.processEvents()
        began = time.perf_counter()
        view.set_document(after)
        app.processEvents()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def report_edits(view: TimelineView, document: Document) -> None:
    for label, edited in one_cue_edits(document).items():
        figure = median_edit_ms(view, document, edited)
        print(f"set_document after one edit ({label:>16}): {figure:6.2f} ms (median of 40)")


def report_repaints(document: Document) -> None:
    view = TimelineView()
    view.resize(WIDTH, HEIGHT)
    view.show()
    view.set_document(document)
    view.set_peaks(PrecomputedPeaks())
    view.follow_playhead = False
    view.zoom_by(1.0, 0)
    view.set_current_cue(CUE_COUNT // 2)
    edited = one_cue_edits(document)["type a character"]
    figure = median_repaint_after_edit_ms(view, document, edited)
    print(f"set_document + repaint after typing, default zoom (35 s): {figure:6.2f} ms (median of 40)")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    view = TimelineView()
    view.resize(WIDTH, HEIGHT)
    document = ten_hours_of_cues()
    began = time.perf_counter()
    view.set_document(document)
    print(f"set_document with {CUE_COUNT} cues: {(time.perf_counter() - began) * 1000:.1f} ms")
    report_edits(view, document)
    view.set_document(document)
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
    report_repaints(document)
    del app


if __name__ == "__main__":
    main()
