"""Media fixtures: generated colour bars and tones (see tests/mediagen.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mediagen import MakeMedia, generate_media


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def bars_mp4(media_dir: Path) -> Path:
    """Three seconds of H.264 colour bars with an AAC 440 Hz tone: the usual news clip shape."""
    return generate_media(media_dir / "bars.mp4")


@pytest.fixture(scope="session")
def tone_wav(media_dir: Path) -> Path:
    return generate_media(media_dir / "tone.wav")


@pytest.fixture
def make_media(tmp_path: Path) -> MakeMedia:
    """Generate a media file named `name` in the test's temporary folder."""

    def make(name: str, **options: object) -> Path:
        return generate_media(tmp_path / name, **options)  # type: ignore[arg-type]

    return make
