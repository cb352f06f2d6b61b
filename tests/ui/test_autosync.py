"""Auto-sync in the window, driven by keys and the progress dialog as staff use it, on speech made in the test
with espeak-ng: cues land on the speech and one undo restores the old timing; cancel, silent media, missing
media and unreadable media change nothing; a garbled word is underlined with its confidence; a `--` gap
plays exactly its span of audio."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from answer_dialogs import answer_in_turn, press_button, when_dialog_opens
from mediagen import generate_media
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QToolTip
from timing.spoken import RATE, Speech, speak, write_wav

from editor.core.model import Cue, Document
from editor.media.player import Player
from editor.ui.autosync_actions import AutoSync, attach_autosync
from editor.ui.evidence_actions import UNDO_LABEL as LISTENED
from editor.ui.evidence_actions import attach_listening
from editor.ui.main_window import MainWindow
from editor.ui.media_panel import MediaPanel, attach_media

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
SPOKEN = [
    "The minister arrived in Baghdad on Monday morning.",
    "Officials said the talks would continue next week.",
    "Prices of oil rose sharply after the news.",
]
# What the transcriber typed: "the talks" unheard (a gap), "sharply" garbled as "sisal"
TRANSCRIBED = (f"{SPOKEN[0]} Officials said -- would continue next week. "
               "Prices of oil rose sisal after the news.")
SECONDS = 11
NEAR_MS = 150
ALIGN_TIMEOUT_MS = 60_000


def write_transcript(folder: Path, seconds: int) -> Path:
    path = folder / "transcript.txt"
    path.write_text(f"Talks\n\n0:{seconds:02d} | 06/24/14\n\nTranscript for Talks\n{TRANSCRIBED}\n")
    return path


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> tuple[Speech, Path, Path]:
    """Speech padded to a whole number of seconds, as a WAV, and the transcript with that runtime."""
    folder = tmp_path_factory.mktemp("autosync")
    speech = speak([0.5, SPOKEN[0], 0.7, SPOKEN[1], 0.7, SPOKEN[2], 0.6], folder)
    padded = np.concatenate([speech.samples, np.zeros(SECONDS * RATE - len(speech.samples), np.float32)])
    return speech, write_wav(padded, folder / "talks.wav"), write_transcript(folder, SECONDS)


@pytest.fixture
def sync_window(make_window) -> Iterator[tuple[MainWindow, MediaPanel, AutoSync]]:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    autosync = attach_autosync(window, panel)
    yield window, panel, autosync
    autosync.shutdown()
    panel.shutdown()


def open_programme(window: MainWindow, panel: MediaPanel, transcript: Path, media: Path) -> None:
    assert window.files.open_path(transcript)
    assert panel.open_media(media)


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers) -> None:  # type: ignore[no-untyped-def]
    """A key pressed in the cue table, the window active again (a closed dialog leaves none active offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, key, modifiers)


def auto_sync(qtbot, window: MainWindow, key_modifiers=CTRL | SHIFT, label: str = "Auto-sync") -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_A, key_modifiers)
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == label, timeout=ALIGN_TIMEOUT_MS)


def row_with(window: MainWindow, word: str) -> int:
    return next(n for n, cue in enumerate(window.session.document.cues) if word in cue.text.split())


def message_text(window: MainWindow) -> str:
    box = window.findChild(QMessageBox, "autosync_message")
    return box.text() if box is not None and box.isVisible() else ""


def test_auto_sync_times_cues_to_the_speech_and_one_undo_restores_the_timing(sync_window, programme, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, _autosync = sync_window
    speech, media, transcript = programme
    open_programme(window, panel, transcript, media)
    before = window.session.document
    depth = window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    progress = window.findChild(QProgressDialog, "autosync_progress")
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == "Auto-sync", timeout=ALIGN_TIMEOUT_MS)
    assert window.findChild(QProgressDialog, "autosync_progress") is None or not progress.isVisible()
    cues = window.session.document.cues
    for sentence, start, _end in speech.phrases:
        assert any(abs(cue.start_ms - start) <= NEAR_MS and cue.text.startswith(sentence.split()[0]) for cue in cues)
    assert window.session.undo_stack.count() == depth + 1
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.session.undo_stack.redoText() == "Auto-sync"
    assert window.session.document == before
    assert [(c.start_ms, c.end_ms, c.words) for c in window.session.document.cues] == \
        [(c.start_ms, c.end_ms, c.words) for c in before.cues]


def test_a_garbled_word_is_underlined_with_its_confidence_and_listed(sync_window, programme, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, _autosync = sync_window
    _speech, media, transcript = programme
    open_programme(window, panel, transcript, media)
    auto_sync(qtbot, window)
    row = row_with(window, "sisal")
    window.select_cue(row)
    field = window.cue_editor.text_field
    start = field.toPlainText().index("sisal")
    underlined = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in field.extraSelections()]
    assert (start, start + len("sisal")) in underlined
    assert all(field.toPlainText()[a:b] != "Prices" for a, b in underlined)  # a word heard well is not marked
    cursor = field.textCursor()
    cursor.setPosition(start + 2)
    point = field.cursorRect(cursor).center()
    hover = QHelpEvent(QEvent.Type.ToolTip, point, field.viewport().mapToGlobal(point))
    QApplication.sendEvent(field.viewport(), hover)
    assert "“sisal”" in QToolTip.text() and "confidence 0." in QToolTip.text()
    issues = [issue for issue in window.issues.issues if issue.rule == "low-confidence"]
    assert any(issue.cue_index == row and "sisal" in issue.message for issue in issues)
    window.cue_editor.text_field.setFocus()
    qtbot.keyClicks(field, "x")  # the text no longer holds the aligned words: no stale underline
    assert field.extraSelections() == []


def test_play_gap_plays_exactly_the_gap_span(sync_window, programme, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, _autosync = sync_window
    speech, media, transcript = programme
    open_programme(window, panel, transcript, media)
    qtbot.waitUntil(lambda: panel.playback.state.value == "paused", timeout=15000)
    auto_sync(qtbot, window)
    row = row_with(window, "--")
    window.select_cue(row)
    gap = next(word for word in window.session.document.cues[row].words if word.is_gap)
    talks_start, talks_end = speech.phrase(SPOKEN[1])
    assert talks_start < gap.start_ms < gap.end_ms < talks_end  # type: ignore[operator]
    field = window.cue_editor.text_field
    cursor = field.textCursor()
    cursor.setPosition(field.toPlainText().index("--") + 1)
    field.setTextCursor(cursor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    positions: list[int] = []
    panel.playback.position_changed.connect(positions.append)
    qtbot.keyClick(field, Qt.Key.Key_P, CTRL | SHIFT)
    assert positions[0] == gap.start_ms
    qtbot.waitUntil(lambda: not panel.playback.is_playing and panel.playback.position_ms() == gap.end_ms,
                    timeout=15000)
    assert min(positions) >= gap.start_ms


def test_syncing_a_selection_retimes_only_those_cues(sync_window, programme, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, _autosync = sync_window
    speech, media, transcript = programme
    open_programme(window, panel, transcript, media)
    auto_sync(qtbot, window)
    synced = window.session.document
    row = row_with(window, "Prices")
    window.select_cue(row)
    window.edits.shift_selected(400)  # staff moved it off the speech by mistake
    shifted = window.session.document
    auto_sync(qtbot, window, CTRL | ALT, label="Auto-sync 1 cue")
    after = window.session.document.cues
    assert after[:row] == shifted.cues[:row] and after[row + 1:] == shifted.cues[row + 1:]
    assert abs(after[row].start_ms - speech.phrase(SPOKEN[2])[0]) <= NEAR_MS
    assert after[row].text == synced.cues[row].text


@pytest.mark.parametrize("late", [False, True], ids=["while-aligning", "as-the-result-arrives"])
def test_cancel_leaves_the_document_untouched(sync_window, programme, qtbot, late: bool) -> None:  # type: ignore[no-untyped-def]
    window, panel, autosync = sync_window
    _speech, media, transcript = programme
    open_programme(window, panel, transcript, media)
    before, depth = window.session.document, window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    progress = window.findChild(QProgressDialog, "autosync_progress")
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text().replace("&", "") == "Cancel"
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    if late:
        autosync.worker.wait()  # the alignment just finished; its result is on its way
    cancel.click()
    qtbot.waitUntil(lambda: autosync.worker.idle, timeout=ALIGN_TIMEOUT_MS)
    qtbot.wait(50)  # any late result would arrive now
    assert window.session.document is before and window.session.undo_stack.count() == depth
    assert "Auto-sync cancelled: nothing changed" in said


def test_media_without_speech_changes_nothing_and_says_so(sync_window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, panel, autosync = sync_window
    tone = generate_media(tmp_path / "tone.wav", seconds=4, video=False)
    open_programme(window, panel, write_transcript(tmp_path, 4), tone)
    before, depth = window.session.document, window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: "No speech" in message_text(window), timeout=ALIGN_TIMEOUT_MS)
    assert "nothing changed" in message_text(window)
    assert window.session.document is before and window.session.undo_stack.count() == depth
    assert not autosync.worker.running


@pytest.mark.parametrize(("keys", "said"), [
    (CTRL | SHIFT, r"Its audio ends at 00:04, the captions run to 00:30, and no stretch of it says the transcript's "
                   r"words: open the programme's media, or an excerpt of it\.$"),
    (CTRL | ALT, r"Its audio ends at 00:04, the selected cues run from 00:[12]\d to 00:30: select cues its audio "
                 r"holds, or open the whole programme\.$"),
], ids=["whole-document", "selected-cues-after-its-end"])
def test_media_ending_long_before_the_cues_says_so(sync_window, tmp_path, qtbot, keys, said: str) -> None:  # type: ignore[no-untyped-def]
    window, panel, _autosync = sync_window
    clip = generate_media(tmp_path / "clip.wav", seconds=4, video=False)
    assert window.files.open_path(write_transcript(tmp_path, 30))  # the captions lined up along 0:30
    assert panel.open_media(clip, remember=False)  # as if the stretch offer was answered "keep the timing"
    window.select_cue(len(window.session.document.cues) - 1)  # the last cue: all of it after 0:04
    before, depth = window.session.document, window.session.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_A, keys)
    qtbot.waitUntil(lambda: "No speech" in message_text(window), timeout=ALIGN_TIMEOUT_MS)
    assert re.search(said, message_text(window)), message_text(window)
    assert window.session.document is before and window.session.undo_stack.count() == depth


def stories(when: str, count: int) -> str:
    """Sentences the programme's audio does not say, before or after what it says."""
    return " ".join(f"{when} story number {n} went on about the weather and the roads." for n in range(1, count + 1))


def sync_with_whole_transcript(qtbot, sync_window, media: Path, transcript: Path, before: str, after: str) -> Document:  # type: ignore[no-untyped-def]
    """The clip opened with a transcript along 2:30 that holds `before` and `after` around what it says, then
    auto-synced; the document as it was before the sync."""
    window, panel, _autosync = sync_window
    transcript.write_text(f"Talks\n\n2:30 | 06/24/14\n\nTranscript for Talks\n{before} {TRANSCRIBED} {after}\n")
    assert window.files.open_path(transcript)
    assert panel.open_media(media, remember=False)  # as if the stretch offer was answered "keep the timing"
    document = window.session.document
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: message_text(window) != "", timeout=ALIGN_TIMEOUT_MS)
    return document


def test_an_excerpt_with_the_whole_programme_s_transcript_syncs_the_cues_its_audio_holds(  # type: ignore[no-untyped-def]
    sync_window, programme, tmp_path, qtbot
) -> None:
    """The programme's first 11 s against a transcript that runs on for 2:30 (14 times as long) said "No speech
    ... found": the aligner needs a twentieth of the words anchored. Now the cues the audio holds are synced, the
    rest are left as they were, and the message says which; listening then hears the synced words only."""
    window, panel, _autosync = sync_window
    listening = attach_listening(window, panel)
    speech, media, _transcript = programme
    before = sync_with_whole_transcript(qtbot, sync_window, media, tmp_path / "programme.txt", "", stories("Later", 30))
    synced = window.session.undo_stack.undoText()
    assert re.fullmatch(r"Auto-sync \d+ cues", synced), message_text(window)
    cues = window.session.document.cues
    after_audio = len(before.cues) - int(synced.split()[1])
    assert re.search(rf"its audio ends at 00:11, so only the cues before that were synced: cues "
                     rf"{len(cues) - after_audio + 1}-{len(cues)} \(00:1\d to 02:3\d\) are left as they were(, moved "
                     r"0\.\d s later to follow the synced cues)?\.$", message_text(window)), message_text(window)
    left, was = cues[-after_audio:], before.cues[-after_audio:]  # moved as one if the estimate put them too early
    assert [(cue.text, cue.duration_ms, cue.start_ms - left[0].start_ms) for cue in left] == \
        [(cue.text, cue.duration_ms, cue.start_ms - was[0].start_ms) for cue in was]
    for sentence, start, _end in speech.phrases:
        assert any(abs(cue.start_ms - start) <= NEAR_MS and cue.text.startswith(sentence.split()[0]) for cue in cues)
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == LISTENED, timeout=ALIGN_TIMEOUT_MS)
    heard = [word for cue in window.session.document.cues for word in cue.words if word.heard]
    assert heard and all(word.confidence is not None for word in heard)
    listening.worker.shutdown()


def test_an_excerpt_from_the_middle_of_the_programme_is_found_and_synced(  # type: ignore[no-untyped-def]
    sync_window, programme, tmp_path, qtbot
) -> None:
    """11 s of the programme from its middle, against the whole transcript (2:30): it said "No speech ... found".
    Now the cues it holds are found, synced in its time and put first; the others follow in their order."""
    window, _panel, _autosync = sync_window
    speech, media, _transcript = programme
    transcript = tmp_path / "programme.txt"
    before = sync_with_whole_transcript(qtbot, sync_window, media, transcript, stories("Earlier", 15),
                                        stories("Later", 15))
    said = re.search(r"this clip holds cues (\d+)-(\d+) of the transcript, from the middle of the programme: they "
                     r"are synced to it and now come first \(cues 1-(\d+)\); the cues it does not hold follow them in "
                     r"their order, moved after its end \(cues (\d+)-(\d+)\)\.$", message_text(window))
    assert said, message_text(window)
    first, last, synced_count = int(said[1]) - 1, int(said[2]), int(said[3])
    held = " ".join(cue.text for cue in before.cues[first:last]).split()
    assert held[:2] == ["The", "minister"] and held[-2:] == ["the", "news."]
    cues = window.session.document.cues
    assert " ".join(cue.text for cue in cues[:synced_count]).split() == held
    for sentence, start, _end in speech.phrases:
        assert any(abs(cue.start_ms - start) <= NEAR_MS and cue.text.startswith(sentence.split()[0]) for cue in cues)
    assert [cue.text for cue in cues[synced_count:]] == [cue.text for cue in before.cues[:first] + before.cues[last:]]
    assert all(cue.end_ms <= following.start_ms for cue, following in pairwise(cues))
    assert window.current_index() == 0


def test_without_media_auto_sync_asks_for_it(sync_window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _panel, autosync = sync_window
    assert window.files.open_path(write_transcript(tmp_path, SECONDS))
    before = window.session.document
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    assert "No media open" in message_text(window)
    assert window.session.document is before and not autosync.worker.running


def test_unreadable_media_says_why_and_changes_nothing(sync_window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _panel, _autosync = sync_window
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    document = Document(cues=(Cue(0, 2000, "Hello there."),), runtime_ms=4000, media_path=str(broken))
    window.session.load(document, None)
    problem = window.findChild(QMessageBox, "media_problem")  # the player's own complaint, answered first
    if problem is not None:
        problem.close()
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: "Cannot read the media's audio" in message_text(window), timeout=ALIGN_TIMEOUT_MS)
    assert "broken.mp4" in message_text(window)
    assert window.session.document is document


def test_auto_sync_keys_collide_with_no_other_shortcut(sync_window) -> None:  # type: ignore[no-untyped-def]
    """Qt fires neither of two actions sharing a key: every key of the full window belongs to one action."""
    window, _panel, _autosync = sync_window
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
    assert {"Ctrl+Shift+A", "Ctrl+Alt+A", "Ctrl+Shift+P"} <= set(owners)
    in_media_menu = {action.objectName() for action in window.media_menu.actions()}
    assert {"autosync_document", "autosync_selection", "play_gap"} <= in_media_menu


def close_as_staff_do(qtbot, window: MainWindow, how: str) -> None:  # type: ignore[no-untyped-def]
    """The window manager's close button (a modal dialog made Qt drop it), or Ctrl+Q in the window or in the
    progress dialog."""
    if how == "close-button":
        window.windowHandle().close()
        return
    if how == "ctrl-q-in-window":
        press(qtbot, window, Qt.Key.Key_Q, CTRL)
        return
    progress = window.findChild(QProgressDialog, "autosync_progress")
    progress.activateWindow()
    qtbot.waitUntil(progress.isActiveWindow)
    qtbot.keyClick(progress, Qt.Key.Key_Q, CTRL)


LONG_SECONDS = 300  # a sync of five minutes of audio still runs while the test closes the window twice


@pytest.fixture(scope="module")
def long_programme(programme, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """The talks followed by silence to five minutes, and the transcript with that runtime."""
    speech, _media, _transcript = programme
    folder = tmp_path_factory.mktemp("long-autosync")
    padded = np.concatenate([speech.samples, np.zeros(LONG_SECONDS * RATE - len(speech.samples), np.float32)])
    transcript = folder / "transcript.txt"
    transcript.write_text(f"Talks\n\n5:00 | 06/24/14\n\nTranscript for Talks\n{TRANSCRIBED}\n")
    return write_wav(padded, folder / "talks.wav"), transcript


@pytest.mark.parametrize("how", ["close-button", "ctrl-q", "ctrl-q-in-window"])
def test_closing_the_window_while_syncing_asks_then_cancels_and_keeps_what_was_typed(  # type: ignore[no-untyped-def]
        sync_window, long_programme, qtbot, how: str) -> None:
    window, panel, autosync = sync_window
    media, transcript = long_programme
    open_programme(window, panel, transcript, media)
    qtbot.keyClicks(window.cue_editor.text_field, "x")
    typed = window.session.document
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    asked: list[str] = []
    answer_in_turn(press_button("Keep syncing", asked))
    close_as_staff_do(qtbot, window, how)
    assert window.isVisible() and autosync.worker.running and "still running" in asked[0]
    answer_in_turn(press_button("Quit", asked), press_button("Cancel", asked))  # Cancel: of the unsaved changes
    close_as_staff_do(qtbot, window, how)
    assert "Save the changes" in asked[2] and window.isVisible()
    qtbot.waitUntil(lambda: autosync.worker.idle, timeout=ALIGN_TIMEOUT_MS)
    qtbot.wait(50)  # any late result would arrive now
    assert window.session.document is typed and window.cue_editor.text_field.isEnabled()
    when_dialog_opens(press_button("Discard"))
    assert window.close()
