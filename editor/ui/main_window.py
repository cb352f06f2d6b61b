"""The editor's main window: video slot and current cue on top, the timeline, then the table and the checks.

The window wires views to the session: views read the document, user actions go through EditActions or
FileActions as undo commands, and every change comes back as one splice that each view applies.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.app.autosave import Autosave
from editor.app.commands import push_edit
from editor.app.cue_table_model import CueTableModel
from editor.app.edit_actions import EditActions
from editor.app.issue_list_model import IssueListModel
from editor.app.issue_tracker import IssueTracker
from editor.app.plain_text import plain_tooltip
from editor.app.session import Session
from editor.app.settings import (
    AUTOSAVE_SECONDS,
    SPLITTER_STATES,
    STYLE_NAME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from editor.checks.issue import Issue
from editor.core.model import Document
from editor.core.timecode import TimecodeError, format_runtime, parse_timecode
from editor.core.wording import counted
from editor.ui import dialogs
from editor.ui.checks_panel import ChecksPanel
from editor.ui.cue_editor import CueEditor
from editor.ui.cue_table import CueTableView
from editor.ui.file_actions import FileActions
from editor.ui.find_actions import FindActions
from editor.ui.find_bar import FindBar
from editor.ui.glossary_actions import GlossaryActions
from editor.ui.menus import build_menus
from editor.ui.recovery_warning import RecoveryWarning
from editor.ui.sample_note import SampleNote, note_under
from editor.ui.shortcuts_dialog import ShortcutsDialog
from editor.ui.status_bar import ElidingStatusBar
from editor.ui.timeline import PeakSource, TimelineView

STATUS_MS = 5000


class MainWindow(QMainWindow):
    """One window, one session; the host its features (editor/ui/host.py) talk to."""

    current_cue_changed = Signal(object)  # the new current row, or None
    media_menu: QMenu  # for the media player's actions
    recent_menu: QMenu
    style_actions: dict[str, QAction]

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = Session(parent=self)
        self.issues = IssueTracker(self.session, self)
        self.autosave = Autosave(self.session, self.settings.get(AUTOSAVE_SECONDS) * 1000)
        self.table_model = CueTableModel(self.session, self.issues, self)
        self.edits = EditActions(self.session, self.current_index, self.selected_rows, self.report)
        self.files = FileActions(self, self.session, self.autosave, self.settings, self.report)
        self._timeline_style_name = ""
        self._media_ms: int | None = None  # the open media's length, told by the media feature
        self._build_views()
        self._lay_out()
        self.glossary = GlossaryActions(self)
        build_menus(self)
        self._connect()
        self._restore_layout()
        self._update_title()
        self._update_recent_menu()

    # ----- construction -----

    def _build_views(self) -> None:
        self.video_slot = QWidget(self)  # the video pane goes here: see install_video_pane
        self.video_slot.setObjectName("video_slot")
        self.video_slot.setAccessibleName("Video")
        self.video_placeholder = QLabel("No media", self.video_slot)
        self.video_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._video_layout = QVBoxLayout(self.video_slot)
        self._video_layout.setContentsMargins(0, 0, 0, 0)
        self._video_layout.addWidget(self.video_placeholder)
        self.video_slot.setMinimumSize(320, 180)
        self.cue_editor = CueEditor(self)
        self.timeline = TimelineView(self)
        self.table = CueTableView(self.table_model, self)
        self.checks_panel = ChecksPanel(IssueListModel(self.issues, self), self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.finding = FindActions(self, self.find_bar)
        self.setStatusBar(ElidingStatusBar(self))
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.summary_label)
        self.recovery_warning = RecoveryWarning(self.autosave, self)
        self.sample_note = SampleNote(self.session, self.settings, lambda name: self.action(name).trigger(), self)
        self.statusBar().addPermanentWidget(self.recovery_warning, 1)  # permanent: a passing message can't hide it

    def _lay_out(self) -> None:
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.top_splitter.addWidget(self.video_slot)
        self.top_splitter.addWidget(self.cue_editor)
        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        table_area = QWidget(self)
        table_layout = QVBoxLayout(table_area)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.find_bar)
        self.bottom_splitter.addWidget(table_area)
        self.bottom_splitter.addWidget(self.checks_panel)
        self.bottom_splitter.setSizes([900, 350])
        self.main_splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part in (self.top_splitter, self.timeline, self.bottom_splitter):
            self.main_splitter.addWidget(part)
        self.main_splitter.setSizes([300, 140, 460])
        self.main_splitter.setStretchFactor(2, 1)
        self.setCentralWidget(note_under(self.main_splitter, self.sample_note))
        for first, second in (
            (self.table, self.cue_editor.start_field),
            (self.cue_editor.text_field, self.timeline),
            (self.timeline, self.checks_panel.list_view),
        ):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        session = self.session
        session.cues_spliced.connect(self._on_document_changed)
        session.document_replaced.connect(self._on_document_replaced)
        session.focus_requested.connect(self.select_cue)
        session.path_changed.connect(self._update_title)
        session.undo_stack.cleanChanged.connect(self._update_title)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        editor = self.cue_editor
        editor.text_edited.connect(self.edits.type_text)
        editor.times_entered.connect(self.edits.set_times)
        editor.invalid_time.connect(self.report)
        editor.text_field.focus_left.connect(self.edits.end_typing_run)
        self.timeline.cue_clicked.connect(self.select_cue)
        self.timeline.cue_retimed.connect(self.edits.retime)
        self.checks_panel.cue_activated.connect(self.select_cue)
        self.files.recent_changed = self._update_recent_menu
        self.files.sample_opened = self.sample_note.sample_opened
        self.issues.issues_changed.connect(self._update_summary)
        self.issues.rows_replaced.connect(self._update_summary)

    # ----- the current cue -----

    def current_index(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def selected_rows(self) -> list[int]:
        return self.table.selected_rows()

    def select_cue(self, row: int) -> None:
        """Make cue `row` current and the only selected one, and show it everywhere."""
        if not 0 <= row < self.table_model.rowCount():
            return
        index = self.table_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def step_cue(self, step: int) -> None:
        current = self.current_index()
        self.select_cue(0 if current is None else current + step)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.edits.end_typing_run()
        self._show_current(another=True)
        self.timeline.set_current_cue(current.row() if current.isValid() else None)
        self.current_cue_changed.emit(current.row() if current.isValid() else None)

    def _show_current(self, another: bool = False) -> None:
        row = self.current_index()
        cues = self.session.document.cues
        cue = cues[row] if row is not None and row < len(cues) else None
        self.cue_editor.show_cue(cue, self.session.style, another=another)

    # ----- reacting to the document -----

    def _on_document_changed(self) -> None:
        document = self.session.document
        if self._timeline_style_name != document.style_name:
            self._apply_style()
        self.timeline.set_document(document)
        self._show_current()

    def _on_document_replaced(self) -> None:
        self._apply_style()
        self.timeline.set_document(self.session.document)
        self.timeline.set_current_cue(None)
        if self.session.document.cues:
            self.select_cue(0)
        else:
            self._show_current()

    def _apply_style(self) -> None:
        style = self.session.style
        self._timeline_style_name = style.name
        self.timeline.set_style(style)
        if style.name in self.style_actions:
            self.style_actions[style.name].setChecked(True)

    def choose_style(self, name: str) -> None:
        self.settings.set(STYLE_NAME, name)
        self.edits.use_style(name)

    def _update_summary(self) -> None:
        document = self.session.document
        errors, warnings = self.issues.counts
        runtime_ms = document.runtime_ms or self._media_ms  # a caption file states none: the media's then
        runtime = format_runtime(runtime_ms) if runtime_ms else "no runtime"
        self.summary_label.setText(
            f"{counted(len(document.cues), 'cue')} · {runtime} · {self.session.style.label} · "
            f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"
        )

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.session.display_name()}[*] — Cueline")
        self.setWindowModified(self.session.is_modified)

    def report(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    # ----- small dialogs -----

    def ask_shift(self) -> None:
        question = "Shift the selected cues by (seconds or a timecode, e.g. +1.5 or -0:02.250):"
        answer = dialogs.ask_text(self, "Shift selection", question, "+0.000")
        if answer is None:
            return
        try:
            self.edits.shift_selected(parse_offset(answer))
        except TimecodeError as error:
            self.report(str(error))

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.exec()
        dialog.deleteLater()

    def install_video_pane(self, pane: QWidget) -> None:
        """Put the media player's view (editor/ui/video_pane.py) where the "No media" placeholder was."""
        self._video_layout.replaceWidget(self.video_placeholder, pane)
        self.video_placeholder.deleteLater()
        pane.setParent(self.video_slot)
        pane.show()

    # ----- what features and menus use (editor/ui/host.py, editor/ui/menus.py) -----

    @property
    def widget(self) -> QWidget:
        return self

    @property
    def seek_requested(self) -> SignalInstance:
        return self.timeline.seek_requested

    @property
    def issue_chosen(self) -> SignalInstance:
        return self.checks_panel.issue_activated

    def show_issue(self, issue: Issue) -> None:
        self.checks_panel.show_issue(issue)

    def add_bar(self, bar: QWidget) -> None:
        holder = QToolBar(bar.accessibleName() or bar.objectName(), self)
        holder.setObjectName(f"{bar.objectName()}_holder")
        holder.setMovable(False)
        holder.addWidget(bar)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, holder)

    @property
    def text_pane(self) -> QPlainTextEdit:
        return self.cue_editor.text_field

    def is_typing(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.cue_editor.isAncestorOf(focused)

    def menu(self, title: str) -> QMenu:
        for action in self.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and menu.title() == title:
                return menu
        return self.menuBar().addMenu(title)

    def show_playhead(self, ms: int | None) -> None:
        self.timeline.set_playhead(ms)

    def show_waveform(self, peaks: PeakSource | None) -> None:
        self.timeline.set_peaks(peaks)

    def show_media_duration(self, ms: int | None) -> None:
        self._media_ms = self.edits.media_ms = ms
        self._update_summary()

    def push_edit(self, label: str, after: Document, focus: int | None = None) -> bool:
        return push_edit(self.session, label, after, focus)

    def open_find(self, replacing: bool) -> None:
        self.find_bar.open(replacing=replacing)

    def find_next(self, backwards: bool = False) -> None:
        self.finding.find_next(backwards)

    def split_at_cursor(self) -> None:
        self.edits.split(self.cue_editor.cursor_position())

    def zoom_timeline(self, how: str) -> None:
        {"in": self.timeline.zoom_in, "out": self.timeline.zoom_out, "fit": self.timeline.fit_all}[how]()

    def focus_part(self, part: str) -> None:
        parts = {"table": self.table, "text": self.cue_editor.text_field, "timeline": self.timeline,
                 "checks": self.checks_panel.list_view}
        parts[part].setFocus()

    def recheck(self) -> None:
        self.issues.check_all()

    def open_glossary(self) -> None:
        self.glossary.open_dialog()

    def action(self, name: str) -> QAction:
        """A menu action by its name (as listed in editor/ui/menus.py)."""
        found = self.findChild(QAction, name)
        if found is None:
            raise KeyError(name)
        return found

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self.settings.recent_files(), start=1):
            entry = self.recent_menu.addAction(f"&{number % 10} {path.name.replace('&', '&&')}")
            entry.setToolTip(plain_tooltip(str(path)))
            entry.setShortcut(QKeySequence(f"Ctrl+Shift+{number % 10}"))
            entry.triggered.connect(lambda _checked=False, path=path: self.files.open_recent(path))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # ----- window state -----

    def _restore_layout(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty():
            self.resize(self._first_size())
        else:
            self.restoreGeometry(geometry)
        self.restoreState(self.settings.get(WINDOW_STATE))
        states: list[QByteArray] = self.settings.get(SPLITTER_STATES)
        for splitter, state in zip(self._splitters(), states, strict=False):
            splitter.restoreState(state)

    def _first_size(self) -> QSize:
        """1400 x 900, or what fits on a smaller screen (a laptop's 1280 x 800 must show the whole window)."""
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1400, 900)
        return QSize(min(1400, screen.width() * 95 // 100), min(900, screen.height() * 95 // 100))

    def _splitters(self) -> list[QSplitter]:
        return [self.main_splitter, self.top_splitter, self.bottom_splitter]

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(SPLITTER_STATES, [splitter.saveState() for splitter in self._splitters()])
        self.settings.sync()
        self.issues.shutdown()  # no check thread may outlive the window
        event.accept()


def parse_offset(text: str) -> int:
    """A signed offset in seconds (`-1.5`) or as a timecode (`+0:01.500`), in milliseconds."""
    stripped = text.strip()
    sign = -1 if stripped.startswith("-") else 1
    body = stripped.lstrip("+-").strip()
    try:
        return sign * round(float(body) * 1000)
    except ValueError:
        return sign * parse_timecode(body)
