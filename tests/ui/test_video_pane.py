"""Our caption over the picture: the cue at the playhead, straight from the document, as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.core.edits import set_text
from editor.core.model import Cue, Document
from editor.ui.video_pane import VideoPane

DOCUMENT = Document(cues=(Cue(1000, 3000, "Good evening."), Cue(3000, 5000, "<b>Storms</b> & floods\n--")))


def shown_pane(qtbot) -> VideoPane:  # type: ignore[no-untyped-def]
    pane = VideoPane()
    qtbot.addWidget(pane)
    pane.resize(640, 360)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_document(DOCUMENT)
    return pane


def test_the_caption_follows_the_playhead(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = shown_pane(qtbot)
    shown = []
    for ms in (500, 1000, 2999, 3000, 5000):
        pane.set_playhead(ms)
        shown.append(pane.caption_text())
    assert shown == ["", "Good evening.", "Good evening.", "<b>Storms</b> & floods\n--", ""]


def test_the_caption_is_plain_text_over_the_lower_part_of_the_picture(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = shown_pane(qtbot)
    pane.set_playhead(4000)
    assert pane.caption.textFormat() == Qt.TextFormat.PlainText
    assert pane.caption.text() == "<b>Storms</b> & floods\n--"  # shown as typed, never as markup
    box = pane.caption.geometry()
    assert box.top() > pane.height() / 2 and box.bottom() < pane.height()
    assert abs(box.center().x() - pane.width() / 2) <= 2


def test_an_edit_shows_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = shown_pane(qtbot)
    pane.set_playhead(2000)
    pane.set_document(set_text(DOCUMENT, 0, "Good evening, everyone."))
    assert pane.caption_text() == "Good evening, everyone."


def test_a_message_replaces_the_picture_until_media_plays(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = shown_pane(qtbot)
    assert "No media" in pane.message.text() and pane.message.isVisible()
    pane.show_message("VLC's plugins are missing")
    assert pane.message.text() == "VLC's plugins are missing"
    pane.show_message("")
    assert not pane.message.isVisible()
