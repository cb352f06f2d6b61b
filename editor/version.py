"""Cueline's version: the one in pyproject.toml, read from the installed package's metadata."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def cueline_version() -> str:
    """The installed version, so `--version`, the installers and pyproject.toml never disagree."""
    try:
        return version("cueline")
    except PackageNotFoundError:  # run from a source tree that was never installed (pip install -e .)
        return "unknown (not installed)"
