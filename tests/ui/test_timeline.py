"""The timeline driven as a captioner drives it: clicks, edge drags, Escape, zoom, keys and the waveform."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from editor.core.model import Cue, Document
from editor.core.style import DEFAULT_STYLE
from editor.ui.timeline import TimelineView
from editor.ui.timeline_drag import MIN_CUE_MS

GAP = DEFAULT_STYLE.min_gap_ms
CUES = (
    Cue(1000, 3000, "Good evening.\nI'm Diane Sawyer."),
    Cue(3067, 5000, "Tonight, the -- in Erbil."),
    Cue(8000, 10000, "Secretary Kerry\narrived in Baghdad."),
    Cue(10500, 12000, "<b>not bold</b> & plain"),
)
DOCUMENT = Document(cues=CUES, runtime_ms=20_000)
WIDTH = 1000  # fit_all then shows 20 ms per pixel: cue 2 spans x 400..500


class SineWavePeaks:
    """Test double of the media layer's peaks object, meeting timeline_waveform.PeakSource."""

    def minmax(self, start_ms: int, end_ms: int, buckets: int) -> tuple[Sequence[float], Sequence[float]]:
        step = (end_ms - start_ms) / buckets
        highs = [0.3 + 0.6 * abs(math.sin((start_ms + i * step) / 700)) for i in range(buckets)]
        return [-h for h in highs], highs


@pytest.fixture
def view(qtbot, show_timeline) -> TimelineView:
    timeline = show_timeline(DOCUMENT, WIDTH)
    return timeline


def at(view: TimelineView, ms: int) -> QPoint:
    """The point on the blocks' row at time `ms`."""
    return QPoint(round(view.x_of_ms(ms)), view.track_rect().center().y())


def recorder(signal) -> list[tuple]:
    calls: list[tuple] = []
    signal.connect(lambda *args: calls.append(args))
    return calls


def drag(qtbot, view: TimelineView, from_ms: int, to_ms: int) -> None:
    """Press at one time, move there in small steps as a hand does, release."""
    start, end = at(view, from_ms), at(view, to_ms)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(view, start + (end - start) * step / 4)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def test_clicking_a_block_selects_its_cue_without_retiming(qtbot, view):
    clicked, retimed = recorder(view.cue_clicked), recorder(view.cue_retimed)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at(view, 9000))
    assert clicked == [(2,)]
    assert retimed == []


def test_clicking_between_blocks_or_on_the_ruler_seeks_there(qtbot, view):
    seeks = recorder(view.seek_requested)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at(view, 6500))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(round(view.x_of_ms(15_000)), 5))
    assert [ms for (ms,) in seeks] == [pytest.approx(6500, abs=20), pytest.approx(15_000, abs=20)]


def test_dragging_a_right_edge_previews_live_and_reports_once_on_release(qtbot, view):
    retimed = recorder(view.cue_retimed)
    before = view.grab().toImage()
    start = at(view, 10_000)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(8, 0))
    qtbot.mouseMove(view, start + QPoint(15, 0))
    during = view.grab().toImage()
    assert QToolTip.isVisible() and QToolTip.text() == "00:00:08.000 → 00:00:10.300 · 2.300 s"  # where it would go
    preview_x = start.x() + 10
    assert retimed == []
    assert during.pixelColor(preview_x, start.y()) != before.pixelColor(preview_x, start.y())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(15, 0))
    assert retimed == [(2, 8000, 10_300)]
    assert not QToolTip.isVisible()
    assert view.grab().toImage() == before  # the document came back unchanged: the window decides


def test_dragging_a_left_edge_moves_only_the_start(qtbot, view):
    retimed = recorder(view.cue_retimed)
    drag(qtbot, view, 8000, 7400)
    assert retimed == [(2, 7400, 10_000)]


def test_an_edge_stops_short_of_the_neighbour_by_the_style_gap(qtbot, view):
    retimed = recorder(view.cue_retimed)
    drag(qtbot, view, 10_000, 11_000)  # right edge of cue 2 towards cue 3 (starts 10500)
    drag(qtbot, view, 8000, 4000)  # left edge of cue 2 past cue 1 (ends 5000)
    assert retimed == [(2, 8000, 10_500 - GAP), (2, 5000 + GAP, 10_000)]


def test_a_block_never_gets_shorter_than_the_minimum(qtbot, view):
    retimed = recorder(view.cue_retimed)
    drag(qtbot, view, 8000, 9990)
    assert retimed == [(2, 10_000 - MIN_CUE_MS, 10_000)]


def test_moving_a_whole_block_keeps_its_length_and_its_distance_from_neighbours(qtbot, view):
    retimed = recorder(view.cue_retimed)
    drag(qtbot, view, 9000, 8400)
    drag(qtbot, view, 9000, 12_000)
    assert retimed == [(2, 7400, 9400), (2, 10_500 - GAP - 2000, 10_500 - GAP)]


def test_escape_cancels_a_drag(qtbot, view):
    retimed = recorder(view.cue_retimed)
    before = view.grab().toImage()
    start = at(view, 10_000)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(20, 0))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.grab().toImage() == before
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(20, 0))
    assert retimed == []


def test_the_pointer_shows_what_a_press_would_grab(qtbot, view):
    qtbot.mouseMove(view, at(view, 10_000))
    assert view.cursor().shape() == Qt.CursorShape.SizeHorCursor
    qtbot.mouseMove(view, at(view, 9000))
    assert view.cursor().shape() == Qt.CursorShape.OpenHandCursor


def ctrl_wheel(view: TimelineView, x: int, notches: int, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    position = QPointF(x, view.track_rect().center().y())
    event = QWheelEvent(
        position, view.mapToGlobal(position), QPoint(), QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view, event)


def test_the_plain_wheel_scrolls_and_an_edit_keeps_the_view(view):
    view.zoom_by(0.1)
    left, right = view.visible_range_ms()
    ctrl_wheel(view, 500, -1, Qt.KeyboardModifier.NoModifier)
    assert view.visible_range_ms()[0] > left
    after_scroll = view.visible_range_ms()
    view.set_document(DOCUMENT.with_cues([CUES[0].with_text("Edited."), *CUES[1:]]))
    assert view.visible_range_ms() == after_scroll
    assert after_scroll[1] - after_scroll[0] == right - left


def test_ctrl_wheel_zooms_about_the_time_under_the_pointer(view):
    view.zoom_by(0.1)  # room to zoom out again without hitting the programme's ends
    x = 640
    under_pointer = view.ms_at_x(x)
    span = view.visible_range_ms()
    ctrl_wheel(view, x, 2)
    assert view.visible_range_ms()[1] - view.visible_range_ms()[0] < span[1] - span[0]
    assert view.ms_at_x(x) == pytest.approx(under_pointer, abs=1)
    ctrl_wheel(view, x, -3)
    assert view.ms_at_x(x) == pytest.approx(under_pointer, abs=1)


def test_keys_zoom_fit_and_scroll(qtbot, view):
    width_of = lambda: view.visible_range_ms()[1] - view.visible_range_ms()[0]  # noqa: E731
    whole = width_of()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    zoomed = width_of()
    assert zoomed < whole
    left = view.visible_range_ms()[0]
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.visible_range_ms()[0] > left
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert width_of() > zoomed
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.visible_range_ms() == (0, whole)


def test_playhead_and_selection_scroll_into_view(view):
    view.zoom_by(0.1)
    view.set_playhead(15_000)
    first, last = view.visible_range_ms()
    assert first <= 15_000 <= last
    view.set_current_cue(0)
    first, last = view.visible_range_ms()
    assert first <= CUES[0].start_ms and CUES[0].end_ms <= last


def background_free_pixels(image: QImage, x_range: range, y: int, background: QColor) -> int:
    return sum(image.pixelColor(x, y) != background for x in x_range)


def test_the_waveform_is_drawn_under_the_blocks(view):
    band = view.track_rect()
    gap_columns = range(round(view.x_of_ms(13_000)), round(view.x_of_ms(19_000)))  # no cue there
    y = band.center().y() - band.height() // 10  # every peak of the fake reaches 0.3 of full scale
    silent = view.grab().toImage()
    background = silent.pixelColor(gap_columns[0], y)
    assert background_free_pixels(silent, gap_columns, y, background) == 0
    view.set_peaks(SineWavePeaks())
    loud = view.grab().toImage()
    assert background_free_pixels(loud, gap_columns, y, background) == len(gap_columns)


def ten_hours_of_cues(count: int = 10_000) -> Document:
    spacing = 10 * 3_600_000 // count
    cues = tuple(Cue(i * spacing, i * spacing + spacing - 200, f"Cue number {i}\n-- line two") for i in range(count))
    return Document(cues=cues, runtime_ms=10 * 3_600_000)


def test_ten_thousand_cues_render_at_every_zoom(view):
    view.set_document(ten_hours_of_cues())
    view.set_peaks(SineWavePeaks())
    view.fit_all()
    view.set_current_cue(5000)
    for _ in range(6):
        image = view.grab().toImage()
        assert not image.isNull()
        view.zoom_by(0.05)
    first, last = view.visible_range_ms()
    assert first <= 5000 * 3600 <= last  # zooming about the middle kept the selected cue in view
