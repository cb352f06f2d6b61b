"""`cueline --version` names the version pyproject.toml declares (the installers carry the same)."""

import tomllib
from pathlib import Path

from editor.cli import main

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_version_option_prints_the_pyproject_version(capsys) -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"cueline {declared}"
