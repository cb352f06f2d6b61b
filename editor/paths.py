"""Where Cueline's bundled resources live: a source checkout, an installed wheel, or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidate_roots() -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    roots = []
    if frozen_root:
        roots.append(Path(frozen_root) / "resources")
    roots.append(_PACKAGE_DIR / "resources")  # installed wheel: resources/ is packaged as editor/resources
    roots.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    return roots


def resources_dir() -> Path:
    """The first resources folder that exists, so every install layout finds the same files."""
    for root in _candidate_roots():
        if (root / "samples").is_dir():
            return root
    searched = ", ".join(str(root) for root in _candidate_roots())
    raise FileNotFoundError(f"Cueline's resources folder is missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    """A bundled resource by its path below resources/."""
    return resources_dir().joinpath(*parts)


def sample_transcript_path() -> Path:
    """The bundled sample: the ABC News transcript of 24 June 2014 (12:45)."""
    return resource_path("samples", "abc-news-2014-06-24-transcript.txt")
