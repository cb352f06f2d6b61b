"""Media in the main window: the video pane in its slot, the Media menu, playback following the cues,
the waveform under the timeline, timing by ear, and a clear message for each media fault.

`attach_media(window)` is the one entry point; the window keeps working for editing without any of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from editor.app.ear_timing import EarTiming
from editor.app.playback import Playback, PlayerFactory
from editor.app.waveform_worker import WaveformWorker
from editor.core.edits import with_media
from editor.core.timecode import format_runtime
from editor.media.player import Player
from editor.media.waveform import Peaks, cache_path_beside
from editor.timing.playhead import CueTimes
from editor.ui import dialogs
from editor.ui.host import FeatureHost
from editor.ui.transport import TransportBar, build_media_menu, let_focused_buttons_take_space
from editor.ui.video_pane import VideoPane
from editor.workflows.cut_short import cut_short_note
from editor.workflows.stretch import MediaDiffers, MediaFits, MediaRunsOn, WrongMedia, fit_to_media

MEDIA_FILTER = (
    "Media (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.ts *.mxf *.mp3 *.m4a *.aac *.wav *.flac *.ogg);;"
    "All files (*)"
)
EMBEDDING_PLATFORMS = ("xcb", "windows", "cocoa")  # where libvlc can draw into our window


class MediaPanel(QObject):
    """Everything media-related in one window; see the module docstring."""

    def __init__(self, window: FeatureHost, player_factory: PlayerFactory = Player) -> None:
        super().__init__(window.widget)
        self.window = window
        self.playback = Playback(player_factory, self)
        self.waveform = WaveformWorker(self)
        self.ear = EarTiming(window.session, self.playback, window.current_index, window.report, self)
        self.video = VideoPane()
        self._times = CueTimes(())
        self._project_media: str | None = None  # the media the document named when last looked at
        self.actions = build_media_menu(window.menu("&Media"), self._slots())
        self.transport = TransportBar(self.actions)
        let_focused_buttons_take_space(window.widget)
        self._install_in_window()
        self._connect()
        window.widget.installEventFilter(self)
        self._on_document_replaced()

    # ----- set-up -----

    def _slots(self) -> dict[str, Callable[[], object]]:
        playback, ear = self.playback, self.ear
        return {
            "open_media": self.ask_open_media, "play_pause": playback.toggle_play,
            "shuttle_back": playback.shuttle_back, "shuttle_stop": playback.shuttle_stop,
            "shuttle_forward": playback.shuttle_forward, "frame_back": lambda: playback.step_frame(False),
            "frame_forward": playback.step_frame, "play_cue": lambda: self.play_current_cue(loop=False),
            "loop_cue": self._toggle_loop, "previous_cue_media": lambda: self.go_to_cue(-1),
            "next_cue_media": lambda: self.go_to_cue(1), "set_start_here": ear.set_start_here,
            "set_end_here": ear.set_end_here, "tap_mode": lambda: ear.set_tap_mode(not ear.tap_mode),
            "tap": ear.tap, "stretch_to_media": lambda: self.offer_stretch(always=True),
        }  # fmt: skip

    def _install_in_window(self) -> None:
        """The picture above its transport bar, in the window's video slot."""
        view = QWidget()
        view.setObjectName("media_view")
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.transport)
        self.window.install_video_pane(view)

    def _connect(self) -> None:
        session, playback = self.window.session, self.playback
        session.cues_spliced.connect(self._on_document_changed)
        session.document_replaced.connect(self._on_document_replaced)
        self.window.seek_requested.connect(playback.seek)
        self.window.current_cue_changed.connect(self._on_cue_chosen)
        playback.position_changed.connect(self._on_position)
        playback.rate_changed.connect(self.transport.show_rate)
        playback.problem.connect(self._show_problem)
        playback.notice.connect(self.window.report)
        playback.state_changed.connect(lambda _state: self._sync_loop_action())
        playback.state_changed.connect(lambda _state: self.transport.show_playing(playback.is_playing))
        self.waveform.ready.connect(self.window.show_waveform)
        self.waveform.progress.connect(lambda f: self.window.report(f"Reading the waveform… {f:.0%}"))
        self.waveform.failed.connect(self.window.report)
        self.waveform.ready.connect(self._waveform_ready)
        self.ear.tap_mode_changed.connect(self.actions["tap_mode"].setChecked)
        self.actions["tap"].setEnabled(False)
        self.ear.tap_mode_changed.connect(self.actions["tap"].setEnabled)

    # ----- opening media -----

    def media_file(self) -> Path | None:
        """The project's media if it is on disk, else what the player has open: what auto-sync and listening
        decode."""
        remembered = self.window.session.document.media_path
        if remembered and Path(remembered).is_file():
            return Path(remembered)
        return self.playback.media_path

    def ask_open_media(self) -> None:
        session_path = self.window.session.path
        folder = session_path.parent if session_path else Path.home()
        path = dialogs.choose_file(self.window.widget, "Open media", MEDIA_FILTER, folder)
        if path is not None:
            self.open_media(path)

    def open_media(self, path: Path, *, remember: bool = True) -> bool:
        """Play `path` in the pane and read its waveform; the project remembers it (one undo step).

        False when it cannot play; without VLC a decodable file still gets its waveform and is remembered.
        """
        self._embed_if_possible()
        playing = self.playback.open(path)
        info = self.playback.info
        if info is None or self.playback.info_path != path:  # refused: the media open until now stays open
            if self.playback.has_media:
                self.video.show_message("")  # its picture stays: the dialog and the status bar say why
            return False
        self.window.show_media_duration(info.duration_ms)
        if playing:
            self.video.show_message("" if info.has_video else f"{path.name}: sound only, no picture")
        self.transport.set_duration(info.duration_ms)
        session = self.window.session
        if remember:
            self._project_media = str(path)  # what the document names from now on, already open
            self.window.push_edit("Set media", with_media(session.document, str(path)))
        cache = cache_path_beside(session.path) if session.path else _cache_for_unsaved(path)
        self.window.show_waveform(None)  # the media open until now is not this one's sound
        self.waveform.start(path, cache)
        if playing:
            self.window.report(f"Media: {path.name}")
        if remember:  # a project reopened with its media was already offered the stretch
            self.offer_stretch()
        return playing

    def _waveform_ready(self, peaks: Peaks) -> None:
        """Say so when the audio stops well before the end the file states: a partial copy plays and draws
        without an error until that point."""
        info, media = self.playback.info, self.playback.media_path
        cut_short = cut_short_note(peaks.duration_ms, info.duration_ms if info else None)
        if cut_short and media is not None:
            self._show_problem(f"{media.name}: {cut_short}")
        else:
            self.window.report("Waveform ready")

    def offer_stretch(self, *, always: bool = False) -> None:
        """When the media's duration differs from the timing's, offer to stretch the timing to it."""
        info = self.playback.info
        if info is None or info.duration_ms is None:
            self.window.report("Open the media first: its duration is unknown")
            return
        fit = fit_to_media(self.window.session.document, info.duration_ms, always=always)
        if not isinstance(fit, MediaFits) and _stretch_chosen(self.window.widget, fit):
            self.window.push_edit("Stretch timing to media", fit.stretched)

    def _embed_if_possible(self) -> None:
        if QGuiApplication.platformName() in EMBEDDING_PLATFORMS:
            self.playback.embed_into(self.video.video_window_handle())

    def _show_problem(self, message: str) -> None:
        """Every media fault: in a dialog that does not block, in the pane and in the status bar."""
        self.video.show_message(message)
        self.window.report(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Media", message, parent=self.window.widget)
        box.setObjectName("media_problem")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # editing carries on behind it

    # ----- following the document and the playhead -----

    def _on_document_changed(self) -> None:
        document = self.window.session.document
        self._times = CueTimes(document.cues)
        self.video.set_document(document)
        if not self.playback.has_media:
            self._caption_the_chosen_cue()  # its times or its text may have changed
        if document.media_path != self._project_media:  # work restored after a crash, an undone "Set media"
            self._follow_project_media()

    def _on_document_replaced(self) -> None:
        self._project_media = None  # another document: its media is opened whatever the last one named
        self._on_document_changed()

    def _follow_project_media(self) -> None:
        """Play the media the document names when the player has another (or none) open."""
        media = self._project_media = self.window.session.document.media_path
        if media and Path(media) != self.playback.media_path:
            if Path(media).is_file():
                self.open_media(Path(media), remember=False)
            else:
                self.window.report(f"The project's media is missing: {media} (Media ▸ Open media… to find it)")

    def _on_position(self, ms: int) -> None:
        self.window.show_playhead(ms)
        self.video.set_playhead(ms)
        self.transport.show_time(ms)
        if self.playback.is_playing and not self.ear.tap_mode and not self.window.is_typing():
            index = self._times.index_at(ms)
            if index is not None and index != self.window.current_index():
                self.window.select_cue(index)

    def _on_cue_chosen(self, index: int | None) -> None:
        """A cue chosen while paused puts the playhead on its start (as Subtitle Edit and Aegisub do), so the
        picture shows it and Space plays it; then I/O time it where playing and pausing found its words. While
        playing, the chosen cue is where the playhead is (it follows playback), so nothing seeks.

        Once the choice is handled: what chose the cue may play or seek itself (F8 plays from a second before
        its words, Ctrl+Down seeks), and then the playhead is already where it should be.
        """
        if not self.playback.has_media:
            self._caption_the_chosen_cue()
        elif index is not None and not self.playback.is_playing:
            moves = self.playback.moves
            QTimer.singleShot(0, self, lambda: self._show_chosen_cue(index, moves))

    def _caption_the_chosen_cue(self) -> None:
        """Without media there is no playhead: the caption over the pane shows the chosen cue, as it would with
        the playhead at its start."""
        index, cues = self.window.current_index(), self.window.session.document.cues
        if index is not None and index < len(cues):
            self.video.set_playhead(cues[index].start_ms)

    def _show_chosen_cue(self, index: int, moves: int) -> None:
        cues = self.window.session.document.cues
        if self.playback.moves == moves and not self.playback.is_playing and index < len(cues):
            self.playback.seek(cues[index].start_ms)

    # ----- cue transport -----

    def play_current_cue(self, *, loop: bool) -> None:
        index = self.window.current_index()
        cues = self.window.session.document.cues
        if index is None or index >= len(cues):
            self.window.report("select a cue first")
            return
        self.playback.play_range(cues[index].start_ms, cues[index].end_ms, loop=loop)
        self._sync_loop_action()

    def _toggle_loop(self) -> None:
        if self.playback.looping:
            self.playback.stop_range()
            self._sync_loop_action()
        else:
            self.play_current_cue(loop=True)

    def _sync_loop_action(self) -> None:
        self.actions["loop_cue"].setChecked(self.playback.looping)

    def go_to_cue(self, step: int) -> None:
        """Seek to the previous or next cue's start and make it current."""
        position = self.playback.position_ms()
        index = self._times.previous(position) if step < 0 else self._times.next(position)
        if index is None:
            return
        self.window.select_cue(index)
        self.playback.seek(self._times.cues[index].start_ms)

    # ----- shutdown -----

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window.widget and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._release_if_closed)  # the window may still refuse to close
        return False

    def _release_if_closed(self) -> None:
        if not self.window.widget.isVisible():
            self.shutdown()

    def shutdown(self) -> None:
        """Stop the waveform job and free libvlc before the window goes away."""
        self.waveform.shutdown()
        self.playback.release()


def _stretch_chosen(parent: QWidget, fit: MediaDiffers | MediaRunsOn | WrongMedia) -> bool:
    """Ask before stretching; for media that looks like another file, or that may just run on after the last
    caption, keeping the timing is the default."""
    durations = (f"The media runs {format_runtime(fit.media_ms)}, the captions are timed for "
                 f"{format_runtime(fit.timing_ms)}.")
    if isinstance(fit, WrongMedia):
        title, icon = "Is this the right media?", QMessageBox.Icon.Warning
        question = (f"{durations}\nOne is {fit.ratio:.0f} times as long as the other: this looks like a different "
                    "file, not another cut of the programme. Keep the timing?")
    elif isinstance(fit, MediaRunsOn):
        title, icon = "Media runs on after the captions", QMessageBox.Icon.Question
        question = (f"The media runs {format_runtime(fit.media_ms)}, the last caption ends at "
                    f"{format_runtime(fit.timing_ms)}: a programme often runs on after its last caption. Stretch "
                    "all cue times to fit the media (only if they were timed for another cut)?")
    else:
        title, icon = "Media duration differs", QMessageBox.Icon.Question
        question = f"{durations}\nStretch all cue times to fit the media?"
    box = QMessageBox(icon, title, question, parent=parent)
    box.setObjectName("stretch_question")
    box.setTextFormat(Qt.TextFormat.PlainText)
    stretch = box.addButton("&Stretch to the media", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&Keep the timing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stretch if isinstance(fit, MediaDiffers) else keep)
    box.exec()
    return box.clickedButton() is stretch


def _cache_for_unsaved(media: Path) -> Path:
    """Before the project is saved, peaks go to the user's cache folder, keyed by the media's name."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "peaks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{media.stem}.peaks.npz"


def attach_media(window: FeatureHost, player_factory: PlayerFactory = Player) -> MediaPanel:
    """Give `window` its video pane, Media menu, waveform and timing by ear."""
    panel = MediaPanel(window, player_factory)
    window.media = panel  # type: ignore[attr-defined]
    return panel
