"""App-layer fixtures: a session on a small document, with Qt kept away from the user's real files."""

import gc

import pytest
import shiboken6
from PySide6.QtCore import QStandardPaths

from editor.app.session import Session
from editor.core.model import Cue, Document

QStandardPaths.setTestModeEnabled(True)


def small_document() -> Document:
    cues = tuple(Cue(i * 3000, i * 3000 + 2000, f"Cue number {i}.") for i in range(6))
    return Document(cues=cues, runtime_ms=20_000, title="Small")


@pytest.fixture
def session(qapp):
    session = Session()
    session.load(small_document(), None)
    yield session
    shiboken6.delete(session)  # with its children (autosave timers), so they cannot fire in later tests
    gc.collect()  # free the wrappers now, not inside a later test's dialog loop
