"""The installer files agree with each other and with the bundle layout the frozen program reads.

No build here (PyInstaller takes minutes): packaging/build_linux.sh and build_windows.ps1 build and smoke-test.
"""

import configparser
import re
import sys
from pathlib import Path

import pytest

from editor.paths import sample_transcript_path

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def built_programs() -> set[str]:
    """Names of the executables cueline.spec builds (on any platform)."""
    spec = (PACKAGING / "cueline.spec").read_text(encoding="utf-8")
    return set(re.findall(r'executable\("([\w-]+)"', spec))


def test_installers_name_the_programs_icon_and_resources_the_bundle_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = (PACKAGING / "cueline.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert 'collect_data_files("pocketsphinx")' in spec
    assert built_programs() == {"cueline", "cueline-cmd", "cueline-selfcheck"}

    # A frozen program finds resources/ at sys._MEIPASS/resources, where the spec puts them.
    bundled_sample = tmp_path / "resources" / "samples" / sample_transcript_path().name
    bundled_sample.parent.mkdir(parents=True)
    bundled_sample.write_text("sample", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert sample_transcript_path() == bundled_sample

    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    desktop.read(PACKAGING / "linux" / "cueline.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "cueline" == entry["TryExec"]
    assert entry["Categories"].endswith(";") and entry["MimeType"].endswith(";")
    assert all((REPO / "resources" / "icons" / f"{entry['Icon']}.{kind}").is_file() for kind in ("svg", "png", "ico"))
    launcher = (PACKAGING / "linux" / "cueline-launcher.sh").read_text(encoding="utf-8")
    assert "exec /opt/cueline/cueline " in launcher

    nsis = (PACKAGING / "windows" / "cueline.nsi").read_text(encoding="utf-8")
    installed = set(re.findall(r'File "\$\{SOURCE_DIR\}\\([\w-]+)\.exe"', nsis))
    removed = set(re.findall(r'Delete "\$INSTDIR\\([\w-]+)\.exe"', nsis))
    assert installed == removed == built_programs()
    assert 'File /r "${SOURCE_DIR}\\_internal"' in nsis and 'RMDir /r "$INSTDIR\\_internal"' in nsis


def test_what_the_menus_and_the_package_say_names_the_broadcast_formats_it_writes() -> None:
    """Broadcast staff look for SCC and TTML in the applications menu, the package manager and the man page."""
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read(PACKAGING / "linux" / "cueline.desktop", encoding="utf-8")
    package = (PACKAGING / "build_deb.sh").read_text(encoding="utf-8")
    description = package[package.index("Description:"):package.index("CONTROL", package.index("Description:"))]
    manual = (PACKAGING / "linux" / "cueline.1").read_text(encoding="utf-8")
    name_line = manual[manual.index(".SH NAME"):manual.index(".SH SYNOPSIS")]
    assert "broadcast formats" in desktop["Desktop Entry"]["Comment"]
    for said in (description, name_line, desktop["Desktop Entry"]["Keywords"]):
        assert "SCC" in said and "TTML" in said, said
