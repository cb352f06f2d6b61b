"""`cueline-selfcheck` passes from the source tree: each of its checks calls the editor's own functions, so a
renamed or removed one fails here, not only in the minutes-long installer build (which stops on a failed check)."""

import os
import subprocess
import sys
from pathlib import Path

SELFCHECK = Path(__file__).resolve().parents[2] / "packaging" / "selfcheck.py"


def test_every_selfcheck_passes_in_the_source_tree() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(SELFCHECK)], capture_output=True, text=True, timeout=300,
                            env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAILED" not in result.stdout and result.stdout.rstrip().endswith("all checks passed")
