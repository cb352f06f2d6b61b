"""The status bar: a message longer than its room is cut with "…" and readable whole in its tooltip."""

from __future__ import annotations

LONG = "Auto-sync: 558 words timed, 5 with low confidence (see the checks); " + "the rest of a long report " * 8


def test_a_long_message_ends_in_an_ellipsis_and_shows_whole_in_the_tooltip(window):
    bar = window.statusBar()
    window.resize(1000, 700)
    window.report(LONG)
    shown = bar.shown_message()
    assert shown.endswith("…") and LONG.startswith(shown[:-1])
    assert bar.fontMetrics().horizontalAdvance(shown) <= window.summary_label.x() - bar.message_room().x()
    assert bar.currentMessage() == LONG
    assert "the rest of a long report" in bar.toolTip()


def test_a_short_message_shows_whole_and_a_cleared_one_leaves_no_tooltip(window):
    bar = window.statusBar()
    window.report("Saved.")
    assert bar.shown_message() == "Saved."
    bar.clearMessage()
    assert bar.toolTip() == ""


def test_a_message_is_shown_as_the_characters_it_holds(window):
    window.report("Opened <b>news</b>.srt")
    assert "&lt;b&gt;" in window.statusBar().toolTip()


def test_the_summary_counts_one_error_in_the_singular(window, tmp_path, qtbot):
    subtitles = tmp_path / "one.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:04,000\nOne line\ntwo lines\nthree lines\n", encoding="utf-8")
    assert window.files.open_path(subtitles)
    qtbot.waitUntil(lambda: "1 error, 0 warnings" in window.summary_label.text())
