"""The window's questions to the user, as real dialog objects (Qt's own, not the desktop's), so tests and
keyboard users can answer them like any other window."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QInputDialog, QLabel, QMessageBox, QWidget

from editor.core.gaps import GapPolicy
from editor.core.wording import counted
from editor.formats.project import PROJECT_EXTENSION
from editor.formats.registry import EXPORT_FORMATS, FORMATS

PROJECT_FILTER = f"Cueline project (*{PROJECT_EXTENSION})"
OPEN_FILTER = (
    "Captions and transcripts (" + " ".join(f"*{suffix}" for fmt in FORMATS for suffix in fmt.suffixes)
    + ");;All files (*)"
)
TRANSCRIPT_FILTER = "Transcripts (*.txt);;All files (*)"
_NOTES_SHOWN = 12  # a message box taller than this needs scrolling: the rest goes under Details


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    """Save, discard or keep editing, before work would be lost; Alt+S and Alt+D answer from the keyboard."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes", f"Save the changes to {name}?", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("Your changes are lost if you don't save them.")
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.button(buttons.Save).setText("&Save")  # the standard texts carry no mnemonic on every platform
    box.button(buttons.Discard).setText("&Discard")
    answer = box.exec()
    return {buttons.Save: Unsaved.SAVE, buttons.Discard: Unsaved.DISCARD}.get(buttons(answer), Unsaved.CANCEL)


def ask_restore(parent: QWidget | None, name: str, saved_at: str) -> bool:
    """Offer the recovery file found after a crash."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "Recover unsaved work",
        f"Cueline found unsaved changes to {name} from {saved_at}. Restore them?", parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_about_gaps(parent: QWidget, cue_count: int) -> GapPolicy | None:
    """What an export does with `--` runs (speech nobody could hear) that staff have not fixed yet; None: cancel."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Unresolved gaps",
        f"Unheard speech (`--`) is left in {counted(cue_count, 'cue')}. Export it how?",
        parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    choices: dict[QAbstractButton, GapPolicy] = {
        box.addButton("&Keep as is", QMessageBox.ButtonRole.AcceptRole): GapPolicy.KEEP,
        box.addButton("Write [&inaudible]", QMessageBox.ButtonRole.AcceptRole): GapPolicy.INAUDIBLE,
        box.addButton("&Drop them", QMessageBox.ButtonRole.AcceptRole): GapPolicy.DROP,
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return choices.get(box.clickedButton())


WORK_STAYS = ("Your work is still open here, as it was. Choose another disk or folder, or free some space on "
              "this one and try again.")


def show_error(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def offer_elsewhere(parent: QWidget, title: str, message: str, elsewhere_label: str) -> bool:
    """A save or export failed (read-only disk, write-protected file, disk full): say why and offer another file
    at once; the work stays in the window either way, and the message says so."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(WORK_STAYS)
    elsewhere = box.addButton(elsewhere_label, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(elsewhere)
    box.exec()
    return box.clickedButton() is elsewhere


def show_notes(parent: QWidget, title: str, summary: str, notes: Sequence[str]) -> None:
    """Things staff should know after a job (late SCC captions ...): the first few shown, all under Details."""
    shown = "\n".join(notes[:_NOTES_SHOWN]) + ("\n..." if len(notes) > _NOTES_SHOWN else "")
    box = QMessageBox(QMessageBox.Icon.Information, title, f"{summary}\n\n{shown}", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if len(notes) > _NOTES_SHOWN:
        box.setDetailedText("\n".join(notes))
    box.exec()


def choose_file(parent: QWidget, caption: str, name_filter: str, folder: Path, *, save_suffix: str = "") -> Path | None:
    """A file to open, or (with save_suffix) a file to write; None when the user cancels."""
    dialog = QFileDialog(parent, caption, str(folder), name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if save_suffix:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(save_suffix)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def choose_export_file(parent: QWidget, folder: Path, stem: str) -> Path | None:
    """A file to export to, in any format Cueline writes; the chosen file type sets a missing extension."""
    filters = {f"{fmt.name} ({' '.join('*' + ext for ext in fmt.suffixes)})": fmt for fmt in EXPORT_FORMATS}
    dialog = QFileDialog(parent, "Export captions", str(folder / stem), ";;".join(filters))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    if any(path.suffix.lower() in fmt.suffixes for fmt in EXPORT_FORMATS):
        return path
    return path.with_name(path.name + filters[dialog.selectedNameFilter()].suffixes[0])


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for shown in dialog.findChildren(QLabel):  # the label may name a file: never markup
        shown.setTextFormat(Qt.TextFormat.PlainText)
    dialog.setTextValue(text)
    return dialog.textValue() if dialog.exec() else None


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label that shows text literally (a file or cue may hold `<b>` or `<img>`), wrapped."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
