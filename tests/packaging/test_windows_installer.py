"""The Windows installer script compiles without a warning (makensis -WX) for a pre-release version.

No Windows here: the installer is built and installed for real by .github/workflows/installers.yml; this
compiles it around a stub program folder, which catches syntax, missing includes and bad version fields.
"""

import subprocess
from pathlib import Path

NSIS_SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "cueline.nsi"


def stub_program_folder(root: Path) -> Path:
    folder = root / "cueline"
    (folder / "_internal").mkdir(parents=True)
    for program in ("cueline.exe", "cueline-cmd.exe", "cueline-selfcheck.exe"):
        (folder / program).write_bytes(b"MZ")
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK")
    return folder


def test_installer_script_compiles_cleanly_for_a_pre_release(tmp_path: Path) -> None:
    installer = tmp_path / "CuelineSetup-0.2.0rc1.exe"
    command = ["makensis", "-V2", "-WX", "-DVERSION=0.2.0rc1", "-DVERSION_NUMERIC=0.2.0.0",
               f"-DSOURCE_DIR={stub_program_folder(tmp_path)}", f"-DOUTFILE={installer}", str(NSIS_SCRIPT)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert installer.read_bytes()[:2] == b"MZ"
