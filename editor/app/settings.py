"""Every persistent setting declared once (key, type, default, why), read and written through QSettings.

Tests call `QStandardPaths.setTestModeEnabled(True)` before creating the application, so they never
touch the user's real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Cueline"
APPLICATION = "Cueline"
MAX_RECENT_FILES = 10

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One persisted value: its key, its type, its default and why it exists."""

    key: str
    kind: type[T]
    default: T
    doc: str


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "main window size and place")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "toolbars and docks")
SPLITTER_STATES: Setting[list[QByteArray]] = Setting("window/splitters", list, [], "pane sizes, one per splitter")
STYLE_NAME = Setting("style/name", str, "streaming", "caption style profile for new imports")
RECENT_FILES: Setting[list[str]] = Setting("files/recent", list, [], "recently opened files, newest first")
SRT_BOM = Setting("export/srt_bom", bool, False, "write a UTF-8 byte order mark in SRT exports")
SRT_CRLF = Setting("export/srt_crlf", bool, False, "write Windows line ends (CRLF) in SRT exports")
SAMPLE_NOTE_HIDDEN = Setting("help/sample_note_hidden", bool, False, "staff hid the note saying the sample is one")
AUTOSAVE_SECONDS = Setting("autosave/interval_s", int, 60, "seconds between tries of a recovery write that failed")


class Settings:
    """Typed access to QSettings; values of the wrong type fall back to the default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(ORGANIZATION, APPLICATION)

    def get(self, setting: Setting[T]) -> T:
        raw: Any = self._store.value(setting.key, setting.default)
        return _coerced(raw, setting)

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def recent_files(self) -> list[Path]:
        return [Path(item) for item in self.get(RECENT_FILES)]

    def add_recent_file(self, path: Path) -> None:
        """Put the file first in the recent list, without duplicates, keeping the newest few."""
        resolved = str(path.resolve())
        items = [resolved] + [item for item in self.get(RECENT_FILES) if item != resolved]
        self.set(RECENT_FILES, items[:MAX_RECENT_FILES])

    def sync(self) -> None:
        self._store.sync()


def _coerced(raw: Any, setting: Setting[T]) -> T:
    """QSettings returns strings for some stored types (bools, ints, one-item lists) on some backends."""
    kind: Any = setting.kind
    if raw is None:
        return setting.default
    if kind is bool and isinstance(raw, str):
        return raw.lower() == "true"  # type: ignore[return-value]
    if kind is list and isinstance(raw, str):
        return [raw]  # type: ignore[return-value]
    if isinstance(raw, kind):
        return raw  # type: ignore[no-any-return]
    try:
        return kind(raw)  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        return setting.default
