"""The resource locator finds the bundled sample from a source checkout and from an installed wheel."""

import subprocess
import sys
from pathlib import Path

from editor.paths import sample_transcript_path

REPO = Path(__file__).resolve().parents[1]


def test_source_checkout_finds_the_bundled_sample() -> None:
    path = sample_transcript_path()
    assert path.is_file()
    assert "12:45 | 06/24/14" in path.read_text(encoding="utf-8")


def test_installed_wheel_finds_the_sample_inside_the_package(tmp_path: Path) -> None:
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    dist = tmp_path / "dist"
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(dist), str(REPO)], check=True, capture_output=True)
    wheel = next(dist.glob("cueline-*.whl"))
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, capture_output=True)
    probe = "import sys; sys.path.insert(0, sys.argv[1]); import editor.paths as p; print(p.sample_transcript_path())"
    found = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(site)], cwd=tmp_path, check=True, capture_output=True, text=True
    ).stdout.strip()
    assert Path(found) == site / "editor" / "resources" / "samples" / "abc-news-2014-06-24-transcript.txt"
