"""After an edit the timeline repaints the edited block only, and what the screen then shows is right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from editor.core.model import Cue, Document
from editor.ui.timeline import TimelineView

CUES = (
    Cue(1000, 3000, "Good evening."),
    Cue(3067, 5000, "Tonight, the -- in Erbil."),
    Cue(8000, 10000, "Secretary Kerry\narrived in Baghdad."),  # at 20 ms per pixel: x 400..500
    Cue(10500, 12000, "plain"),
)
DOCUMENT = Document(cues=CUES, runtime_ms=20_000)
WIDTH = 1000


class PaintRecorder(QObject):
    """Notes the rectangle of every paint event the widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        self.region = QRegion()
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(QRect(event.rect()))
            self.region = self.region.united(event.region())
        return False

    def painted(self) -> QRect:
        united = QRect()
        for rect in self.rects:
            united = united.united(rect)
        return united


@pytest.fixture
def view(qtbot, show_timeline) -> TimelineView:
    timeline = show_timeline(DOCUMENT, WIDTH)
    qtbot.wait(20)
    return timeline


def edited(index: int, cue: Cue) -> Document:
    return DOCUMENT.with_cues([*CUES[:index], cue, *CUES[index + 1:]])


def on_screen(view: TimelineView) -> QImage:
    """What the window system was last given, as opposed to a fresh render."""
    return QApplication.primaryScreen().grabWindow(view.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def freshly_rendered(view: TimelineView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_typing_in_a_cue_repaints_only_its_block_and_the_screen_matches_a_full_repaint(view, qtbot):
    recorder = PaintRecorder(view)
    view.set_document(edited(2, CUES[2].with_text("Secretary Kerry -- here\nand gone")))
    qtbot.waitUntil(lambda: bool(recorder.rects))
    painted = recorder.painted()
    assert 396 <= painted.left() <= 400 and 500 <= painted.right() <= 505
    assert painted.top() >= view.track_rect().top()  # the ruler stays as it was
    assert on_screen(view) == freshly_rendered(view)


def test_retiming_a_cue_repaints_where_it_was_and_where_it_is(view, qtbot):
    recorder = PaintRecorder(view)
    view.set_document(edited(2, CUES[2].with_times(6000, 7000)))  # x 300..350, was 400..500
    qtbot.waitUntil(lambda: bool(recorder.rects))
    painted = recorder.painted()
    assert painted.left() <= 300 and painted.right() >= 500 and painted.width() < 220
    assert on_screen(view) == freshly_rendered(view)


def test_editing_a_cue_out_of_view_repaints_nothing(view, qtbot):
    view.zoom_by(0.25, 0)  # now 0..5 s shows
    qtbot.wait(20)
    recorder = PaintRecorder(view)
    view.set_document(edited(3, CUES[3].with_text("far away")))
    qtbot.wait(50)
    assert recorder.rects == []


def test_inserting_a_cue_repaints_the_whole_view_since_the_cues_after_it_are_renumbered(view, qtbot):
    view.set_current_cue(2)
    qtbot.wait(20)
    recorder = PaintRecorder(view)
    view.set_document(DOCUMENT.with_cues([CUES[0], Cue(5500, 7000, "new"), *CUES[1:]]))
    qtbot.waitUntil(lambda: bool(recorder.rects))
    assert recorder.painted().width() == view.width()
    assert on_screen(view) == freshly_rendered(view)


def test_moving_the_selection_repaints_the_two_blocks_it_leaves_and_reaches(view, qtbot):
    view.set_current_cue(0)  # x 50..150
    qtbot.wait(20)
    recorder = PaintRecorder(view)
    view.set_current_cue(2)  # x 400..500
    qtbot.waitUntil(lambda: bool(recorder.rects))
    painted = recorder.painted()
    assert painted.left() >= 45 and painted.right() <= 505
    assert not recorder.region.contains(QPoint(300, view.track_rect().center().y()))  # nothing in between
    assert on_screen(view) == freshly_rendered(view)
