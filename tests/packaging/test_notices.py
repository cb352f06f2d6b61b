"""The third-party notices: the committed Linux list agrees with the lock, and no unknown library or data file
ships.

The build itself (packaging/build_linux.sh) regenerates the list from the frozen bundle and fails when it
differs from packaging/THIRD-PARTY-NOTICES-linux.txt; these fast checks catch a lock changed without it.
"""

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTICES = REPO / "packaging" / "THIRD-PARTY-NOTICES-linux.txt"


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_pins() -> set[tuple[str, str]]:
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    return {(normalized(name), version) for name, version in re.findall(r"^([\w.-]+)==([^\s;]+)", text, re.M)}


def listed_python_packages() -> dict[str, str]:
    """name -> version of the Python packages in the notices (the blocks whose title ends in a version)."""
    titles = re.findall(r"^(\S+) (\d[\w.]*)$", NOTICES.read_text(encoding="utf-8"), re.M)
    return {normalized(name): version for name, version in titles}


def load_notices_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("notices", REPO / "packaging" / "notices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["notices"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_notices_list_every_dependency_at_its_locked_version() -> None:
    listed = listed_python_packages()
    assert set(listed.items()) <= locked_pins(), "the lock changed: rebuild with CUELINE_NOTICES_UPDATE=1"
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    runtime = {normalized(re.match(r"[\w.-]+", requirement)[0]) for requirement in declared}  # type: ignore[index]
    assert runtime <= set(listed), f"not in the notices: {runtime - set(listed)}"


def test_a_bundled_library_without_a_known_licence_is_reported(tmp_path: Path) -> None:
    notices = load_notices_module()
    internal = tmp_path / "cueline" / "_internal"
    for name in ("libavcodec-5e6b81c2.so.62", "libmystery.so.1", "numpy/_core/_umath.cpython-311-x86_64-linux-gnu.so"):
        (internal / name).parent.mkdir(parents=True, exist_ok=True)
        (internal / name).write_bytes(b"\x7fELF" + bytes(60))
    (tmp_path / "cueline" / "cueline").write_bytes(b"\x7fELF" + bytes(60))
    (internal / "README.txt").write_text("not a binary", encoding="utf-8")
    components, unknown = notices.native_components(notices.native_libraries(internal, tmp_path / "cueline"))
    assert unknown == ["libmystery.so.1"]
    assert {component.name for component in components} == {
        "FFmpeg (in PyAV's wheel)", "PyInstaller bootloader (the cueline programs)",
    }
    ffmpeg = next(component for component in components if component.name.startswith("FFmpeg"))
    assert ffmpeg.licence == "GPL-3.0-or-later" and all(text.is_file() for text in ffmpeg.texts)


def test_every_bundled_data_file_is_ours_or_has_a_notice() -> None:
    notices = load_notices_module()
    components, unknown = notices.data_components(REPO / "resources")
    assert unknown == [], "add these to packaging/components.toml ([[data]] or [own-data])"
    committed = NOTICES.read_text(encoding="utf-8")
    assert "en-US spelling word list (SCOWL, via Hunspell's en_US dictionary)" in {c.name for c in components}
    for component in components:  # a changed note or licence in components.toml fails the build's own check
        block = notices.render([component], "", "").split("\n\n")[-1]
        assert block in committed, "components.toml changed: rebuild with CUELINE_NOTICES_UPDATE=1"
    assert all(text.is_file() for component in components for text in component.texts)


def test_a_data_file_without_a_notice_is_reported(tmp_path: Path) -> None:
    notices = load_notices_module()
    for name in ("dictionaries/en_US.txt", "dictionaries/de_DE.txt", "icons/cueline.png", "samples/extra.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("words\n", encoding="utf-8")
    components, unknown = notices.data_components(tmp_path)
    assert unknown == ["resources/dictionaries/de_DE.txt", "resources/samples/extra.txt"]
    [word_list] = components
    assert word_list.licence.startswith("SCOWL") and [text.name for text in word_list.texts] == ["SCOWL.txt"]
