"""The editor driven from the keyboard and the mouse, checked on the document."""

from __future__ import annotations

from answer_dialogs import type_answer, when_dialog_opens
from clicks import click_row
from PySide6.QtCore import QPoint, Qt

from editor.app.cue_table_model import Column
from editor.core.timecode import parse_runtime

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def texts(window) -> list[str]:
    return [cue.text for cue in window.session.document.cues]


def test_the_window_opens_on_the_sample_lined_up_along_12_45(window) -> None:
    cues = window.session.document.cues
    assert len(cues) > 100
    assert window.session.document.runtime_ms == parse_runtime("12:45")
    assert parse_runtime("12:00") < cues[-1].end_ms <= parse_runtime("12:45")
    assert window.table_model.rowCount() == len(cues)
    assert window.current_index() == 0
    assert window.cue_editor.text_field.toPlainText() == cues[0].text
    assert window.checks_panel.list_view.model().rowCount() == len(window.issues.issues)
    assert "Shiite Militia" in window.windowTitle()


def test_fix_a_word_then_undo_and_redo(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.find_field, "Beisel")
    qtbot.keyClick(window.find_bar.find_field, Qt.Key.Key_Return)
    row = window.current_index()
    assert "Beisel" in texts(window)[row]
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.keyClicks(window.cue_editor.text_field, "ISIL")
    assert "invasion of ISIL" in texts(window)[row].replace("\n", " ")
    assert window.isWindowModified()
    assert window.table_model.index(row, Column.TEXT).data().count("ISIL") == 1
    qtbot.keyClick(window.cue_editor.text_field, Qt.Key.Key_Z, CTRL)
    assert "Beisel" in texts(window)[row]
    assert not window.isWindowModified()
    qtbot.keyClick(window.cue_editor.text_field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "ISIL" in texts(window)[row]


def test_split_at_the_text_cursor_then_merge_back(qtbot, window) -> None:
    click_row(qtbot, window, 5)
    before = window.session.document.cues[5]
    field = window.cue_editor.text_field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Return, CTRL | SHIFT)
    first, second = window.session.document.cues[5:7]
    assert len(texts(window)) == window.table_model.rowCount()
    assert first.text.split() == before.text.split()[:2]
    assert first.text.split() + second.text.split() == before.text.split()
    assert (first.start_ms, second.end_ms) == (before.start_ms, before.end_ms)
    click_row(qtbot, window, 5)
    qtbot.keyClick(window.table, Qt.Key.Key_M, CTRL | SHIFT)
    merged = window.session.document.cues[5]
    assert merged.text.split() == before.text.split()
    assert (merged.start_ms, merged.end_ms) == (before.start_ms, before.end_ms)


def test_after_a_split_typing_goes_to_the_start_of_the_new_cue(qtbot, window) -> None:
    click_row(qtbot, window, 5)
    field = window.cue_editor.text_field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Home, CTRL)
    for _ in range(3):
        qtbot.keyClick(field, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Return, CTRL | SHIFT)
    second = window.session.document.cues[6]
    assert window.current_index() == 6 and field.textCursor().position() == 0
    qtbot.keyClicks(field, "So ")
    assert window.session.document.cues[6].text == "So " + second.text


def test_drag_a_cue_edge_on_the_timeline_is_one_undo_step(qtbot, window) -> None:
    click_row(qtbot, window, 3)
    cue = window.session.document.cues[3]
    timeline = window.timeline
    y = timeline.track_rect().center().y()
    start = QPoint(round(timeline.x_of_ms(cue.end_ms)), y)
    end = start - QPoint(30, 0)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(timeline, start + (end - start) * step / 4)
    assert window.session.document.cues[3] == cue  # a live preview only
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)
    moved = window.session.document.cues[3]
    assert moved.start_ms == cue.start_ms and moved.end_ms < cue.end_ms - 100
    assert window.session.undo_stack.count() == 1
    window.action("undo").trigger()
    assert window.session.document.cues[3] == cue


def test_type_timecodes_and_nudge_from_the_keyboard(qtbot, window) -> None:
    click_row(qtbot, window, 2)
    cue = window.session.document.cues[2]
    field = window.cue_editor.start_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "00:00:09.500")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.session.document.cues[2].start_ms == 9_500
    qtbot.keyClick(window.table, Qt.Key.Key_Right, ALT)
    assert window.session.document.cues[2].start_ms == 9_533
    qtbot.keyClick(window.table, Qt.Key.Key_Left, ALT | SHIFT)
    assert window.session.document.cues[2].start_ms == 9_433
    qtbot.keyClick(window.table, Qt.Key.Key_Right, CTRL | ALT | SHIFT)
    assert window.session.document.cues[2].end_ms == cue.end_ms + 100
    assert window.session.undo_stack.count() == 4
    assert window.table_model.index(2, Column.START).data() == "00:00:09.433"


def test_a_bad_timecode_is_reported_and_changes_nothing(qtbot, window) -> None:
    field = window.cue_editor.end_field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "soon")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.session.undo_stack.count() == 0
    assert "not a timecode" in window.statusBar().currentMessage()


def test_insert_and_delete_cues(qtbot, window) -> None:
    count = len(texts(window))
    click_row(qtbot, window, 0)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL | SHIFT)
    assert len(texts(window)) == count + 1 and texts(window)[1] == ""
    assert window.current_index() == 1
    qtbot.keyClicks(window.cue_editor.text_field, "[music]")
    assert texts(window)[1] == "[music]"
    click_row(qtbot, window, 1)
    click_row(qtbot, window, 3, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete, CTRL | SHIFT)
    assert len(texts(window)) == count - 2


def test_no_cue_is_inserted_after_the_last_past_the_programme_s_end(qtbot, window) -> None:
    """The sample's last cue ends at its 12:45: the inserted cue used to start after the programme ended."""
    count = len(texts(window))
    click_row(qtbot, window, count - 1)
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL | SHIFT)
    assert len(texts(window)) == count
    assert window.statusBar().currentMessage().startswith(
        f"no room for a cue after cue {count}: the programme ends at 12:45"
    )


def test_shift_the_selection_in_time(qtbot, window) -> None:
    before = window.session.document.cues
    click_row(qtbot, window, 10)
    click_row(qtbot, window, 12, SHIFT)
    when_dialog_opens(type_answer("+1.5"))
    qtbot.keyClick(window.table, Qt.Key.Key_T, CTRL | SHIFT)
    after = window.session.document.cues
    assert [c.start_ms - b.start_ms for b, c in zip(before[9:14], after[9:14], strict=True)] == [0, 1500, 1500, 1500, 0]


def test_recut_the_selection_with_the_style_profile(qtbot, window) -> None:
    click_row(qtbot, window, 20)
    window.cue_editor.text_field.setFocus()
    qtbot.keyClick(window.cue_editor.text_field, Qt.Key.Key_End, CTRL)
    extra = " and then some more words that make this caption far too long to read"
    qtbot.keyClicks(window.cue_editor.text_field, extra)
    before = window.session.document.cues
    click_row(qtbot, window, 19)
    click_row(qtbot, window, 21, SHIFT)
    qtbot.keyClick(window.table, Qt.Key.Key_R, CTRL | SHIFT)
    after = window.session.document.cues
    words = lambda cues: " ".join(c.text for c in cues).split()  # noqa: E731
    grown = len(after) - len(before)
    assert grown >= 1
    assert words(after[19 : 22 + grown]) == words(before[19:22])
    style = window.session.style
    assert all(len(line) <= style.max_chars_per_line for cue in after[19 : 22 + grown] for line in cue.lines)
    assert after[22 + grown :] == before[22:]


def test_activating_an_issue_selects_its_cue(qtbot, window) -> None:
    panel = window.checks_panel.list_view
    model = panel.model()
    row = model.rowCount() - 1
    panel.setFocus()
    panel.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert window.current_index() == window.issues.issues[row].cue_index


def test_a_typed_edit_updates_table_and_checks_at_once(qtbot, window) -> None:
    click_row(qtbot, window, 7)
    window.cue_editor.text_field.setFocus()
    qtbot.keyClicks(window.cue_editor.text_field, "x" * 60)
    rules = {issue.rule for issue in window.issues.issues_of(7)}
    assert "line-length" in rules
    assert "60" not in window.cue_editor.lines_label.text() or "✗" in window.cue_editor.lines_label.text()
    assert "✗" in window.cue_editor.lines_label.text()


def test_subtitle_text_is_shown_as_plain_text(qtbot, window) -> None:
    click_row(qtbot, window, 0)
    window.cue_editor.text_field.selectAll()
    qtbot.keyClicks(window.cue_editor.text_field, "<b>not bold</b> &amp;")
    assert window.table_model.index(0, Column.TEXT).data() == "<b>not bold</b> &amp;"
    assert window.cue_editor.text_field.toPlainText() == "<b>not bold</b> &amp;"
