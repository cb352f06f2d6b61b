"""Untrusted text is shown as text: a hostile document's cue text, file name and glossary go through every
view, tooltip and dialog, and nothing of it is rendered as rich text (an `<img src="/dev/zero">` tooltip
once aborted the editor)."""

from __future__ import annotations

from pathlib import Path

from answer_dialogs import press_button, type_answer, when_dialog_opens
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from editor.core.model import Cue, Document, GlossaryTerm
from editor.formats.registry import write_file
from editor.media.player import Player
from editor.ui.autosync_actions import attach_autosync
from editor.ui.media_panel import attach_media

MARKUP = '<img src="/dev/zero"><b>bold</b><font color="red">red</font><table><tr><td>cell</td></tr></table>'
MARKERS = ("<img", "<b>", "<font", "<table")
NAME = '<b>film & <img src=x> <font color=red>'  # a file name cannot hold a slash, so no closing tags


def hostile(text: str | None) -> bool:
    return any(marker in (text or "") for marker in MARKERS)


def _item_tooltips(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    return [str(model.index(row, column, root).data(Qt.ItemDataRole.ToolTipRole) or "")
            for row in range(model.rowCount(root)) for column in range(columns)]


def rich_renderings(widgets: list[QWidget]) -> list[str]:
    """Each place where hostile markup would be rendered as rich text: a label not set to plain text, or a
    tooltip (of a widget, an action or an item) holding the markup unescaped."""
    found = []
    for widget in widgets:
        if isinstance(widget, QLabel) and hostile(widget.text()) and widget.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"label {widget.objectName() or type(widget.parent()).__name__}: {widget.text()[:50]}")
        tooltips = [widget.toolTip(), *(action.toolTip() for action in widget.actions())]
        if isinstance(widget, QAbstractItemView):
            tooltips += _item_tooltips(widget)
        found += [f"tooltip in {type(widget).__name__}: {tip[:50]}" for tip in tooltips if hostile(tip)]
    return found


def everything() -> list[QWidget]:
    return QApplication.allWidgets()


def hostile_project(folder: Path) -> Path:
    cues = tuple(Cue(i * 3000, i * 3000 + 2500, f"the sisal fighters {MARKUP}\n\u202eevil {i}") for i in range(4))
    path = folder / f"{NAME}.cueline"
    write_file(Document(cues=cues, title=NAME, glossary=(GlossaryTerm("ISIL", ("sisal", MARKUP)),)), path)
    return path


def test_a_hostile_document_renders_no_rich_text_in_any_view(window, tmp_path: Path) -> None:
    assert window.files.open_path(hostile_project(tmp_path))
    window.recent_menu.aboutToShow.emit()
    assert hostile(window.session.document.cues[0].text)
    assert rich_renderings(everything()) == []


def test_the_glossary_dialog_shows_cue_text_in_its_tooltips_literally(window, tmp_path: Path, qtbot) -> None:
    window.files.open_path(hostile_project(tmp_path))
    seen: list[list[str]] = []

    def inspect(dialog: QWidget) -> None:
        try:  # the dialog closes whatever happens, so a failure fails the test instead of hanging it
            qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not dialog.searching, timeout=20000)
            seen.append(str(dialog.table.item(0, 5).text()) if dialog.table.rowCount() else "")
            seen.extend(rich_renderings([dialog, *dialog.findChildren(QWidget)]))
        finally:
            dialog.reject()

    when_dialog_opens(inspect)
    window.glossary.open_dialog()
    assert hostile(seen[0])  # a proposal's context: the cue text, markup and all
    assert seen[1:] == []


def test_the_runtime_prompt_names_a_hostile_file_literally(window, tmp_path: Path) -> None:
    transcript = tmp_path / f"{NAME}.txt"
    transcript.write_text(f"Words without a runtime header {MARKUP}.\n")
    seen: list[tuple[list[str], bool]] = []

    def inspect(dialog: QWidget) -> None:
        labels = dialog.findChildren(QLabel)
        try:
            seen.append((rich_renderings(labels), any(NAME in label.text() for label in labels)))
        finally:
            type_answer("1:00")(dialog)

    when_dialog_opens(inspect)
    assert window.files.open_path(transcript)
    assert seen == [([], True)]


def test_an_error_about_a_hostile_file_names_it_literally(window, tmp_path: Path) -> None:
    broken = tmp_path / f"{NAME}.srt"
    broken.write_text(f"1\n00:00:01,000 --> nonsense\n{MARKUP}\n")
    seen: list[str] = []

    def inspect(dialog: QWidget) -> None:
        try:
            seen.extend(rich_renderings(dialog.findChildren(QWidget)))
            seen.append(dialog.text())
        finally:
            press_button("OK")(dialog)

    when_dialog_opens(inspect)
    window.files.open_path(broken)
    assert seen[-1].startswith(str(broken)) and seen[:-1] == []


def test_the_auto_sync_progress_names_hostile_media_literally(window) -> None:
    panel = attach_media(window, lambda: Player(video_output="dummy", audio_output="dummy"))
    autosync = attach_autosync(window, panel)
    autosync._open_progress(Path(f"{NAME}.wav"))
    try:
        labels = autosync.progress.findChildren(QLabel)
        assert any(NAME in label.text() for label in labels)
        assert rich_renderings(labels) == []
    finally:
        autosync._close_progress()
        autosync.shutdown()
        panel.shutdown()
