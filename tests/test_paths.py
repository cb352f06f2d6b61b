"""The resource locator finds the bundled sample from a source checkout and from an installed wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

from editor.paths import sample_transcript_path

REPO = Path(__file__).resolve().parents[1]


def test_source_checkout_finds_the_bundled_sample() -> None:
    path = sample_transcript_path()
    assert path.is_file()
    assert "12:45 | 06/24/14" in path.read_text(encoding="utf-8")


def test_wheel_ships_the_resources_inside_the_package(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("cueline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "editor/resources/samples/abc-news-2014-06-24-transcript.txt" in names
    assert "editor/paths.py" in names
