"""Media in the main window, driven by keys, clicks and menu actions as staff use it (headless player)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from answer_dialogs import choose_file, press_button, when_dialog_opens
from clicks import click_row
from mediagen import cut_short_media, generate_media
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.app.autosave import recovery_path
from editor.core.edits import set_times
from editor.core.model import Cue, Document
from editor.formats.project import PROJECT
from editor.formats.registry import write_file
from editor.media.player import Player
from editor.ui.main_window import MainWindow
from editor.ui.media_panel import MediaPanel, attach_media

CTRL = Qt.KeyboardModifier.ControlModifier
MEDIA_SECONDS = 6


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_media(tmp_path_factory.mktemp("window-media") / "clip.mp4", seconds=MEDIA_SECONDS)


def three_cues() -> Document:
    cues = (Cue(0, 1900, "First words."), Cue(2000, 3900, "Second words."), Cue(4000, 5900, "Third words."))
    return Document(cues=cues, runtime_ms=MEDIA_SECONDS * 1000, title="Clip")


@pytest.fixture
def media_window(make_window) -> Iterator[tuple[MainWindow, MediaPanel]]:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    window.session.load(three_cues(), None)
    yield window, panel
    panel.shutdown()


@pytest.fixture
def playing_ready(media_window, clip: Path, qtbot) -> tuple[MainWindow, MediaPanel]:  # type: ignore[no-untyped-def]
    window, panel = media_window
    assert panel.open_media(clip)
    qtbot.waitUntil(lambda: panel.playback.state.value == "paused", timeout=15000)
    return window, panel


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key pressed with the cue table focused, as staff do while listening."""
    window.table.setFocus()
    qtbot.keyClick(window.table, key, modifiers)


def test_media_keys_collide_with_no_other_shortcut(media_window) -> None:  # type: ignore[no-untyped-def]
    """Qt fires neither of two actions sharing a key, so every key must belong to one action."""
    window, _panel = media_window
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    assert {"Space", "J", "K", "L", "I", "O", "T", "Ctrl+T", "Ctrl+Shift+O"} <= set(owners)


def test_open_media_from_the_menu_remembers_it_and_draws_the_waveform(media_window, clip: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = media_window
    before = window.timeline.grab().toImage()
    when_dialog_opens(choose_file(clip))
    with qtbot.waitSignal(panel.waveform.ready, timeout=30000):
        panel.actions["open_media"].trigger()
    assert window.session.document.media_path == str(clip)
    assert window.session.undo_stack.undoText() == "Set media"
    assert panel.waveform.peaks is not None and panel.waveform.peaks.duration_ms == pytest.approx(6000, abs=50)
    assert window.timeline.grab().toImage() != before  # the waveform is drawn under the cues
    assert not panel.video.message.isVisible()


def test_space_plays_and_the_current_cue_follows_playback(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    window.select_cue(0)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.current_index() == 1, timeout=15000)
    assert panel.video.caption_text() == "Second words."
    press(qtbot, window, Qt.Key.Key_Space)
    assert not panel.playback.is_playing


def test_typing_in_the_played_cue_keeps_it_current(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    window.select_cue(0)
    window.cue_editor.text_field.setFocus()
    panel.playback.play_range(1500, 2600)
    qtbot.waitUntil(lambda: not panel.playback.is_playing and panel.playback.position_ms() == 2600, timeout=15000)
    assert window.current_index() == 0  # playback passed into cue 2 while the text field had the focus
    assert panel.video.caption_text() == "Second words."


def test_the_caption_over_the_picture_shows_edits_at_once(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    panel.playback.seek(2500)
    assert panel.video.caption_text() == "Second words."
    window.select_cue(1)
    qtbot.keyClick(window.cue_editor.text_field, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(window.cue_editor.text_field, " <i>more</i>")
    assert panel.video.caption_text() == "Second words. <i>more</i>"
    window.session.undo_stack.undo()
    assert panel.video.caption_text() == "Second words."


def test_clicking_the_timeline_ruler_seeks(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    x = round(window.timeline.x_of_ms(3000))
    qtbot.mouseClick(window.timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, 8))
    assert panel.playback.position_ms() == pytest.approx(3000, abs=window.timeline.ms_at_x(x + 1) - 3000 + 1)
    assert panel.video.caption_text() == "Second words."


def test_a_cue_clicked_while_paused_brings_the_playhead_to_its_start_and_space_plays_it(  # type: ignore[no-untyped-def]
    playing_ready, qtbot
) -> None:
    window, panel = playing_ready
    panel.playback.seek(500)
    click_row(qtbot, window, 2)
    qtbot.waitUntil(lambda: panel.playback.position_ms() == 4000)
    assert window.current_index() == 2
    assert panel.video.caption_text() == "Third words."
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.playback.position_ms() > 4300, timeout=15000)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.current_index() == 2  # played from the chosen cue: the selection did not jump back to cue 1


def test_a_cue_clicked_while_playing_does_not_seek(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.playback.position_ms() > 300, timeout=15000)
    click_row(qtbot, window, 2)
    qtbot.wait(50)  # the events after the click
    assert panel.playback.position_ms() < 4000
    press(qtbot, window, Qt.Key.Key_Space)


def test_without_media_the_caption_over_the_picture_shows_the_chosen_cue(media_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = media_window
    click_row(qtbot, window, 2)
    assert panel.video.caption_text() == "Third words."
    window.push_edit("Set times", set_times(window.session.document, 2, 4500, 5900))
    assert panel.video.caption_text() == "Third words."
    click_row(qtbot, window, 1)
    assert panel.video.caption_text() == "Second words."


def test_jkl_keys_shuttle(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    for key in (Qt.Key.Key_L, Qt.Key.Key_L, Qt.Key.Key_L):
        press(qtbot, window, key)
    assert panel.playback.rate == 2.0 and panel.transport.rate_label.text() == "2×"
    press(qtbot, window, Qt.Key.Key_J)
    assert panel.playback.rate == 1.5
    press(qtbot, window, Qt.Key.Key_K)
    assert (panel.playback.is_playing, panel.playback.rate) == (False, 1.0)


def test_frame_keys_step_one_frame(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    panel.playback.seek(1000)
    press(qtbot, window, Qt.Key.Key_Period)
    assert panel.playback.position_ms() == 1040
    press(qtbot, window, Qt.Key.Key_Comma)
    assert panel.playback.position_ms() == 1000


def test_play_the_current_cue_stops_at_its_end(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    window.select_cue(1)
    press(qtbot, window, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: not panel.playback.is_playing and panel.playback.position_ms() == 3900, timeout=15000)


def test_loop_the_current_cue_until_toggled_off(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    window.select_cue(0)
    seen: list[int] = []
    panel.playback.position_changed.connect(seen.append)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert panel.actions["loop_cue"].isChecked()
    qtbot.waitUntil(lambda: any(b < a - 1000 for a, b in itertools.pairwise(seen)), timeout=15000)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert not panel.actions["loop_cue"].isChecked()


def test_previous_and_next_cue_keys_seek_and_select(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    press(qtbot, window, Qt.Key.Key_Down, CTRL)
    assert (window.current_index(), panel.playback.position_ms()) == (1, 2000)
    press(qtbot, window, Qt.Key.Key_Down, CTRL)
    assert (window.current_index(), panel.playback.position_ms()) == (2, 4000)
    press(qtbot, window, Qt.Key.Key_Up, CTRL)
    assert (window.current_index(), panel.playback.position_ms()) == (1, 2000)


def test_i_and_o_set_the_current_cue_at_the_playhead(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    window.select_cue(1)
    panel.playback.seek(2300)
    press(qtbot, window, Qt.Key.Key_I)
    panel.playback.seek(3500)
    press(qtbot, window, Qt.Key.Key_O)
    cue = window.session.document.cues[1]
    assert (cue.start_ms, cue.end_ms) == (2300, 3500)
    window.session.undo_stack.undo()
    assert window.session.document.cues[1].end_ms == 3900


def test_no_cue_is_inserted_past_the_media_s_end_of_a_caption_file(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A caption file states no runtime: its programme ends where its media ends (the walkthrough's 12:45)."""
    window, _panel = playing_ready
    window.session.load(Document(cues=three_cues().cues), None)
    window.select_cue(2)
    press(qtbot, window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.session.document.cues) == 3
    assert window.statusBar().currentMessage().startswith("no room for a cue after cue 3")


def test_tap_to_sync_with_keys_sets_the_tapped_times(playing_ready, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    window.select_cue(0)
    press(qtbot, window, Qt.Key.Key_T, CTRL)
    assert panel.ear.tap_mode and panel.actions["tap"].isEnabled()
    press(qtbot, window, Qt.Key.Key_Space)
    tapped: list[int] = []
    for target in (1500, 3000):
        qtbot.waitUntil(lambda target=target: panel.playback.position_ms() >= target, timeout=15000)
        tapped.append(panel.playback.position_ms())
        press(qtbot, window, Qt.Key.Key_T)
    press(qtbot, window, Qt.Key.Key_Space)
    cues = window.session.document.cues
    gap = window.session.style.min_gap_ms
    assert tapped[0] == pytest.approx(1500, abs=1000) and tapped[1] == pytest.approx(3000, abs=1000)
    # each key press took the playhead at that moment (the playhead read just before the press is the truth)
    assert cues[0].end_ms == pytest.approx(tapped[0] - gap, abs=300)
    assert cues[1].start_ms == pytest.approx(tapped[0], abs=300)
    assert cues[1].end_ms == pytest.approx(tapped[1] - gap, abs=300)
    assert cues[2].start_ms == pytest.approx(tapped[1], abs=300)
    assert window.current_index() == 2  # each tap moved on to the next cue


def test_an_undecodable_file_is_refused_clearly_and_editing_goes_on(media_window, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = media_window
    junk = tmp_path / "broken.mkv"
    junk.write_bytes(b"\x1aE\xdf\xa3 and then nothing useful" * 20)
    assert not panel.open_media(junk)
    box = window.findChild(QMessageBox, "media_problem")
    assert box is not None and "broken.mkv: damaged, or not a media file" in box.text()
    assert "broken.mkv" in panel.video.message.text()
    assert window.session.document.media_path is None
    window.select_cue(0)
    window.edits.set_times(100, 1800)
    assert window.session.document.cues[0].start_ms == 100


def test_a_file_that_does_not_decode_leaves_the_open_media_open(playing_ready, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Picking a damaged file by mistake does not drop the programme: it still plays, its length and picture
    stay, and the pane is not covered with the other file's error (the dialog says it)."""
    window, panel = playing_ready
    clip = panel.playback.media_path
    window.session.load(Document(cues=three_cues().cues, media_path=str(clip)), None)  # a caption file: no runtime
    assert "no runtime" not in window.summary_label.text()  # the media's length stands in
    junk = tmp_path / "broken.mkv"
    junk.write_bytes(b"\x1aE\xdf\xa3 and then nothing useful" * 20)
    assert not panel.open_media(junk)
    assert window.findChild(QMessageBox, "media_problem") is not None
    assert panel.playback.media_path == clip == Path(window.session.document.media_path or "")
    assert panel.playback.info is not None and panel.playback.info.duration_ms == pytest.approx(6000, abs=100)
    assert not panel.video.message.isVisible() and "no runtime" not in window.summary_label.text()


def test_media_without_sound_leaves_no_other_media_s_waveform_under_the_cues(playing_ready, tmp_path: Path,
                                                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = playing_ready
    qtbot.waitUntil(lambda: panel.waveform.peaks is not None, timeout=30000)
    mute = generate_media(tmp_path / "mute.mp4", seconds=MEDIA_SECONDS, audio=False)
    with qtbot.waitSignal(panel.waveform.failed, timeout=30000):
        panel.open_media(mute, remember=False)
    shown = window.timeline.grab().toImage()
    window.show_waveform(None)
    assert window.timeline.grab().toImage() == shown  # no waveform was drawn


def test_a_media_longer_than_the_timing_offers_to_stretch(media_window, clip: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = media_window
    window.session.load(Document(cues=(Cue(0, 1000, "One."), Cue(1000, 2900, "Two.")), runtime_ms=3000), None)
    questions: list[str] = []

    def stretch(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        questions.append(dialog.text())
        next(b for b in dialog.buttons() if "Stretch" in b.text()).click()

    when_dialog_opens(stretch)
    assert panel.open_media(clip)
    assert "The media runs 00:06, the captions are timed for 00:03" in questions[0]
    assert [(c.start_ms, c.end_ms) for c in window.session.document.cues] == [(0, 2000), (2000, 5800)]
    assert window.session.document.runtime_ms == pytest.approx(6000, abs=30)
    window.session.undo_stack.undo()
    assert window.session.document.cues[1].end_ms == 2900


def test_a_caption_file_ending_before_its_media_keeps_its_timing_on_enter(media_window, clip: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """An SRT synced to this media, reopened with it, was offered a stretch with "Stretch" as the default: Enter
    stretched synced captions by the seconds the programme runs on after its last caption."""
    window, panel = media_window
    window.session.load(Document(cues=(Cue(0, 1000, "One."), Cue(1000, 4600, "Two."))), None)
    before = window.session.document
    seen: list[str] = []

    def press_enter(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(f"{dialog.windowTitle()}: {dialog.text()}")
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    when_dialog_opens(press_enter)
    panel.open_media(clip)
    assert seen and seen[0].startswith("Media runs on after the captions: The media runs 00:06, the last caption "
                                       "ends at 00:05"), seen
    assert window.session.document.cues == before.cues


def test_captions_for_12_45_against_a_6_second_clip_are_called_the_wrong_media_and_kept(  # type: ignore[no-untyped-def]
    media_window, clip: Path, qtbot
) -> None:
    window, panel = media_window
    cues = tuple(Cue(i * 4000, i * 4000 + 3500, f"Cue {i}.") for i in range(190))
    window.session.load(Document(cues=cues, runtime_ms=765_000), None)
    before = window.session.document
    seen: list[str] = []

    def press_space(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(f"{dialog.windowTitle()}: {dialog.text()}")
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Space)  # staff reaching for play/pause

    when_dialog_opens(press_space)
    panel.open_media(clip)
    assert seen and seen[0].startswith("Is this the right media?") and "looks like a different file" in seen[0]
    assert window.session.document.cues == before.cues and window.session.document.runtime_ms == 765_000


def test_the_project_reopens_with_its_media(media_window, clip: Path, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = media_window
    assert panel.open_media(clip)
    project = tmp_path / "clip.cueline"
    when_dialog_opens(choose_file(project))
    assert window.files.save_as()
    panel.playback.release()
    window.session.load(Document(), None)
    with qtbot.waitSignal(panel.waveform.ready, timeout=30000):
        assert window.files.open_path(project)
    assert panel.playback.media_path == clip
    assert (tmp_path / "clip.peaks.npz").exists()  # the waveform cache lives beside the project


def test_work_restored_after_a_crash_plays_its_media_again(media_window, clip: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Staff had the video open when the editor was killed: restoring the unsaved work brings the video and its
    waveform back too, not a "No media" pane with nothing to say which file it was."""
    window, panel = media_window
    crashed = Document(cues=three_cues().cues, runtime_ms=MEDIA_SECONDS * 1000, media_path=str(clip))
    recovery = recovery_path(None, window.autosave.folder)
    recovery.parent.mkdir(parents=True, exist_ok=True)
    write_file(crashed, recovery, file_format=PROJECT)
    when_dialog_opens(press_button("Restore"))
    with qtbot.waitSignal(panel.waveform.ready, timeout=30000):
        window.files.offer_recovery(None)
    assert window.session.document.media_path == str(clip)
    assert panel.playback.media_path == clip
    window.session.undo_stack.undo()  # back to the work before the restore: the video stays open
    assert panel.playback.media_path == clip


def test_a_reopened_project_is_not_asked_to_stretch_again(media_window, clip: Path, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel = media_window
    window.session.load(Document(cues=(Cue(0, 1000, "One."),), runtime_ms=3000, media_path=str(clip)), None)
    assert panel.playback.media_path == clip  # opened without a question: no modal dialog blocked the load
    assert window.session.document.runtime_ms == 3000


def test_a_caption_file_opened_with_the_media_open_shows_the_media_s_runtime(  # type: ignore[no-untyped-def]
    playing_ready, tmp_path: Path, qtbot
) -> None:
    window, _panel = playing_ready
    srt = tmp_path / "clip.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nFirst words.\n", encoding="utf-8")
    assert window.files.open_path(srt)
    assert window.session.document.runtime_ms is None  # an SRT states no runtime: the media tells it
    qtbot.waitUntil(lambda: window.summary_label.text().startswith("1 cue · 00:06 · "))


def test_media_cut_short_says_where_its_audio_stops_once_its_waveform_is_read(  # type: ignore[no-untyped-def]
    media_window, tmp_path: Path, qtbot
) -> None:
    window, panel = media_window
    partial = cut_short_media(tmp_path)
    with qtbot.waitSignal(panel.waveform.ready, timeout=30000):
        panel.open_media(partial, remember=False)  # no stretch question: the 6 s cues stay as they are
    told = window.statusBar().currentMessage()
    assert told.startswith("partial.mp4: the audio stops at 00:1") and "of the 00:30 the file states" in told
    assert window.findChild(QMessageBox, "media_problem").text() == told
