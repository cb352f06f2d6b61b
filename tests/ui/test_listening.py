"""Listening for garbled words in the window: the action runs in the background, what the speech says lands as
one undo step, and the checks then show the garble with the name that was said."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from flite_speech import flite_speech
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from timing.spoken import write_wav

from editor.app.commands import push_edit
from editor.core.edits import shift_cues
from editor.core.model import Cue, Document, GlossaryTerm, Word
from editor.media.player import Player
from editor.timing.align import SAMPLE_RATE, align_words
from editor.ui.autosync_actions import attach_autosync
from editor.ui.evidence_actions import UNDO_LABEL, ListeningProgress, attach_listening
from editor.ui.media_panel import attach_media

SAID = "John Kerry is this morning in Erbil in the north."
WRITTEN = "John Kerry is this morning in their bill in the north."


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """A document auto-synced to speech that says the name the transcript garbled, with the media beside it."""
    folder = tmp_path_factory.mktemp("listening")
    samples = flite_speech(SAID, folder)
    audio = folder / "talks.wav"
    write_wav(samples, audio)
    words = align_words([Word(text) for text in WRITTEN.split()], samples, SAMPLE_RATE).words
    cue = Cue(0, len(samples) * 1000 // SAMPLE_RATE, WRITTEN, tuple(words))
    return Document(cues=(cue,), media_path=str(audio), glossary=(GlossaryTerm("Erbil"), GlossaryTerm("Nouri")))


def test_listening_lands_as_one_undo_step_and_the_checks_name_what_was_said(make_window, synced, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    attach_listening(window, panel)
    window.session.load(synced, None)
    qtbot.waitUntil(lambda: panel.waveform.peaks is not None, timeout=30_000)  # its messages would race listening's
    action = window.findChild(QAction, "listen_for_suspects")
    action.trigger()
    progress = window.statusBar().findChild(ListeningProgress)
    assert progress.isVisible() and progress.bar.text().startswith("Listening for garbled words")
    window.report("another message")  # a passing message does not hide the progress
    assert progress.isVisible()
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 1, timeout=60_000)
    assert window.session.undo_stack.undoText() == UNDO_LABEL
    assert not progress.isVisible()
    assert window.statusBar().currentMessage().startswith("Listened: 1 place where the words may be garbled")
    their = window.session.document.cues[0].words[6]
    assert their.text == "their" and their.alternatives[0].text == "Erbil"
    qtbot.waitUntil(lambda: any(issue.rule == "suspect-word" for issue in window.issues.issues), timeout=5000)
    [suspect] = [issue for issue in window.issues.issues if issue.rule == "suspect-word"]
    assert suspect.fixes[0].replacement == "Erbil" and "their bill" in suspect.message
    window.session.undo_stack.undo()
    assert window.session.document.cues[0].words[6].alternatives == ()
    panel.shutdown()


def test_the_listening_that_follows_auto_sync_hears_the_audio_the_sync_decoded(  # type: ignore[no-untyped-def]
    make_window, synced, tmp_path, qtbot
) -> None:
    """Listening decoded the media again right after auto-sync had (about 0.6 s of CPU for 12:45, and a second
    copy of the audio in memory): the file is removed as soon as the sync has read it, and listening still
    hears it."""
    media = tmp_path / "once.wav"
    media.write_bytes(Path(synced.media_path).read_bytes())  # type: ignore[arg-type]
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    autosync = attach_autosync(window, panel)
    attach_listening(window, panel)
    untimed = Cue(0, synced.cues[0].end_ms, WRITTEN)
    window.session.load(replace(synced, cues=(untimed,), media_path=str(media)), None)
    qtbot.waitUntil(lambda: panel.waveform.peaks is not None, timeout=30_000)  # the waveform has read it too
    autosync.worker.ready.connect(lambda _result: media.unlink())
    autosync.sync_document()
    qtbot.waitUntil(lambda: not media.exists(), timeout=60_000)
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == UNDO_LABEL or "Cannot read" in
                    window.statusBar().currentMessage(), timeout=60_000)
    assert window.session.undo_stack.undoText() == UNDO_LABEL, window.statusBar().currentMessage()
    their = window.session.document.cues[0].words[6]
    assert their.text == "their" and their.alternatives[0].text == "Erbil"
    autosync.shutdown()
    panel.shutdown()


def test_listening_that_ends_after_every_cue_changed_says_so_not_that_nothing_is_garbled(  # type: ignore[no-untyped-def]
    make_window, synced, qtbot
) -> None:
    """Auto-sync undone (or run again) while listening ran: "Listened: 0 places" read as an all-clear, and after a
    redo the garbled words were never flagged."""
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    listening = attach_listening(window, panel)
    window.session.load(synced, None)
    qtbot.waitUntil(lambda: panel.waveform.peaks is not None, timeout=30_000)  # its messages would race listening's
    listening.listen()
    push_edit(window.session, "Shift cue 1 by +500 ms", shift_cues(synced, [0], 500))  # its words' times change
    qtbot.waitUntil(lambda: not listening.progress.isVisible(), timeout=60_000)
    assert window.statusBar().currentMessage().startswith("Listening ended, but the cues it heard have changed")
    assert window.session.undo_stack.count() == 1  # the shift alone
    panel.shutdown()


def test_without_timed_words_it_says_to_auto_sync_first(make_window, synced, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    listening = attach_listening(window, panel)
    window.session.load(Document(cues=(Cue(0, 1000, WRITTEN),), media_path=synced.media_path), None)
    listening.listen()
    assert "Auto-sync first" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0
    panel.shutdown()


def test_stop_ends_listening_and_changes_nothing(make_window, synced, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    listening = attach_listening(window, panel)
    window.session.load(synced, None)
    listening.listen()
    qtbot.mouseClick(listening.progress.stop, Qt.MouseButton.LeftButton)
    assert not listening.progress.isVisible()
    assert window.statusBar().currentMessage() == "Listening stopped: nothing changed"
    qtbot.waitUntil(lambda: listening.worker.idle, timeout=30_000)
    assert window.session.undo_stack.count() == 0 and window.session.document == synced
    panel.shutdown()


def test_names_typed_after_listening_ask_for_listening_again(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing the story's names after the listening that follows auto-sync left the checks judging them by the
    phones alone (3 suspects on the sample instead of 14 after listening again), and nothing said so."""
    window = make_window()
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    attach_listening(window, panel)
    heard = Cue(0, 1500, "in their bill", (Word("in", 0, 300, 0.9, heard="ih n"),
                                          Word("their", 300, 700, 0.8, heard="eh r"),
                                          Word("bill", 700, 1100, 0.7, heard="b ih l")))
    window.session.load(Document(cues=(heard,)), None)
    push_edit(window.session, "Edit glossary", replace(window.session.document, glossary=(GlossaryTerm("Erbil"),)))
    assert window.statusBar().currentMessage().startswith("The glossary changed: Ctrl+Shift+H listens again")
    window.statusBar().clearMessage()
    push_edit(window.session, "Shift", shift_cues(window.session.document, [0], 100))  # the same names
    assert window.statusBar().currentMessage() == ""
    panel.shutdown()
