"""Third-party notices of a frozen Cueline: every bundled component, its licence, and the licence texts.

Run with the build venv's Python after PyInstaller, on any platform:
    python packaging/notices.py BUNDLE WORKDIR [--check NOTICES]
BUNDLE is dist/cueline, WORKDIR PyInstaller's work folder of that build. Writes
BUNDLE/_internal/licenses/THIRD-PARTY-NOTICES.txt and copies the licence texts beside it. A bundled native
library or resources/ data file that packaging/components.toml does not know stops the build (exit 1), so
nothing ships unlisted;
--check NOTICES also fails when the list differs from the committed one (the Linux build checks
packaging/THIRD-PARTY-NOTICES-linux.txt, so a new or changed component is reviewed in a commit).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import platform
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
KNOWN = tomllib.loads((PACKAGING / "components.toml").read_text(encoding="utf-8"))
LICENCE_TEXTS = {"GPL-3.0": PACKAGING.parent / "LICENSE"} | {
    path.stem: path for path in (PACKAGING / "licenses").glob("*.txt")
}
STANDARD_TEXT_NAMES = {path: f"{name}.txt" for name, path in LICENCE_TEXTS.items()}
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
EXTENSION_MODULE = re.compile(r"\.(cpython-[^.]+|abi3)\.so$|\.pyd$")
OWN_MODULES = {"editor", "cueline_main", "selfcheck"}


@dataclass(frozen=True)
class Component:
    """One bundled third-party component as the notices list it."""

    name: str
    version: str
    licence: str
    texts: tuple[Path, ...]
    note: str = ""


def bundled_top_modules(workdir: Path) -> set[str]:
    """Top-level names of the Python modules PyInstaller put in the program's archive."""
    toc = ast.literal_eval((workdir / "PYZ-00.toc").read_text(encoding="utf-8"))
    return {entry[0].split(".")[0] for entry in toc[1]}


def licence_of(distribution: metadata.Distribution) -> str:
    """The SPDX licence: components.toml's word first, then the metadata's own expression or licence line."""
    override = KNOWN["python"].get(distribution.metadata["Name"])
    declared = distribution.metadata.get("License-Expression") or distribution.metadata.get("License") or ""
    if override:
        return str(override)
    return declared.splitlines()[0].strip() if declared.strip() else "see its licence files"


def licence_files(distribution: metadata.Distribution) -> tuple[Path, ...]:
    """The licence, copying and notice files a distribution installed, else the texts components.toml names."""
    files = [file for file in distribution.files or [] if LICENCE_FILE.search(str(file)) and file.suffix not in (
        ".py", ".pyc")]
    named = [LICENCE_TEXTS[text] for text in KNOWN["python-texts"].get(distribution.metadata["Name"], ())]
    return tuple(Path(str(distribution.locate_file(file))) for file in files) or tuple(named)


def cpython_licence() -> tuple[Path, ...]:
    """The build Python's licence file (python.org builds, Debian's) and Debian's copyright file."""
    base, python = Path(sys.base_prefix), f"python{sys.version_info.major}.{sys.version_info.minor}"
    places = [base / "LICENSE.txt", base / "lib" / "LICENSE.txt", base / "lib" / python / "LICENSE.txt",
              Path("/usr/share/doc") / python / "copyright"]
    return tuple(place for place in places if place.is_file())


def compiled_in(internal: Path) -> set[str]:
    """Distributions whose code is compiled into a bundled module of ours (components.toml's [compiled-in])."""
    return {name for name, stem in KNOWN.get("compiled-in", {}).items() if any(internal.glob(f"{stem}*"))}


def python_components(top_modules: set[str], compiled_into_ours: set[str]) -> list[Component]:
    """CPython for the standard library, and each distribution whose modules were bundled or compiled in."""
    by_module = metadata.packages_distributions()
    names = {dist for module in top_modules - OWN_MODULES for dist in by_module.get(module, [])} | compiled_into_ours
    if top_modules & (set(sys.stdlib_module_names) | {"_pyi_rth_utils"}):
        names.add("pyinstaller")  # its run-time hooks (pyi_rth_*) are in every bundle
    found = [
        Component(dist.metadata["Name"], dist.version, licence_of(dist), licence_files(dist))
        for dist in (metadata.distribution(name) for name in sorted(names, key=str.lower))
    ]
    python = Component("CPython (interpreter and standard library)", platform.python_version(), "PSF-2.0",
                       cpython_licence())
    return [python, *found]


def native_entry(relative: str) -> dict[str, object] | None:
    """The components.toml entry of a bundled library: by the longest file-name prefix, else by its folder."""
    name = relative.rsplit("/", 1)[-1].lower()
    matches = [
        (len(prefix), entry) for entry in KNOWN["native"] for prefix in entry["files"] if name.startswith(prefix)
    ]
    if matches:
        return max(matches, key=lambda match: match[0])[1]
    path = f"/{relative}"
    folders = [entry for entry in KNOWN["native"] for folder in entry.get("folders", ()) if f"/{folder}/" in path]
    return folders[0] if folders else None


def native_libraries(internal: Path, program_folder: Path) -> list[str]:
    """Paths (below _internal, or program names) of the bundled native binaries that are not Python modules."""
    candidates = [*program_folder.glob("cueline*"), *internal.rglob("*")]
    found = []
    for path in candidates:
        if path.is_symlink() or not path.is_file() or EXTENSION_MODULE.search(path.name):
            continue
        with path.open("rb") as binary:
            if binary.read(4).startswith(BINARY_MAGIC):
                found.append(path.relative_to(internal if internal in path.parents else program_folder).as_posix())
    return sorted(found)


def native_components(libraries: list[str]) -> tuple[list[Component], list[str]]:
    """The components the native libraries belong to, and the libraries no entry knows."""
    entries: dict[str, dict[str, object]] = {}
    unknown = []
    for library in libraries:
        entry = native_entry(library)
        if entry is None:
            unknown.append(library)
        else:
            entries[str(entry["name"])] = entry
    components = [native_component(entry) for entry in entries.values()]
    return sorted(components, key=lambda component: component.name.lower()), unknown


def native_component(entry: dict[str, object]) -> Component:
    texts = [LICENCE_TEXTS[text] for text in entry.get("texts", ())]  # type: ignore[attr-defined]
    copyright_file = Path("/usr/share/doc") / str(entry.get("debian", "-")) / "copyright"
    if copyright_file.is_file():
        texts.append(copyright_file)
    return Component(str(entry["name"]), "", str(entry["licence"]), tuple(texts), str(entry.get("note", "")))


def _names(patterns: object, relative: str) -> bool:
    """Whether a list of components.toml paths (a folder ends in "/") names this file below resources/."""
    return any(relative == pattern or (pattern.endswith("/") and relative.startswith(pattern))
               for pattern in patterns)  # type: ignore[attr-defined]


def data_components(resources: Path) -> tuple[list[Component], list[str]]:
    """The third-party data among the bundled resources (word lists, the sample), and the files that are
    neither Cueline's own nor in a [[data]] entry."""
    entries: dict[str, dict[str, object]] = {}
    unknown = []
    for path in sorted(path for path in resources.rglob("*") if path.is_file()):
        relative = path.relative_to(resources).as_posix()
        entry = next((entry for entry in KNOWN["data"] if _names(entry["files"], relative)), None)
        if entry is not None:
            entries[str(entry["name"])] = entry
        elif not _names(KNOWN["own-data"]["files"], relative):
            unknown.append(f"resources/{relative}")
    components = [Component(str(entry["name"]), "", str(entry["licence"]),
                            tuple(LICENCE_TEXTS[text] for text in entry.get("texts", ())),  # type: ignore[attr-defined]
                            str(entry.get("note", ""))) for entry in entries.values()]
    return sorted(components, key=lambda component: component.name.lower()), unknown


SOURCE_OFFER = """\
Corresponding source. Every component is free software. For the GPL and LGPL components, the complete
corresponding source is: for a Python package, its source distribution of the version listed here on PyPI;
for the native libraries in a wheel (FFmpeg, x264, x265, ... in PyAV's), the versions recorded in that
wheel's *.dist-info/sboms and its project's build scripts at the listed version; for a library of the build
system, its distribution's source package. On request, Cueline's maintainers provide all of it, for at least
three years after distributing this build, for no more than the cost of providing it (GPL-3.0 section 6b):
{contact}."""


def folder_name(component: Component) -> str:
    """A stable folder name for a component's licence texts."""
    return re.sub(r"[^a-z0-9]+", "-", component.name.lower().split(" (")[0]).strip("-")


def text_names(component: Component) -> list[str]:
    """The file names the component's texts get in its folder (the folders above break a tie)."""
    names = [text.name for text in component.texts]
    return [
        STANDARD_TEXT_NAMES.get(text) or ("-".join(text.parts[-4:]) if names.count(text.name) > 1 else text.name)
        for text in component.texts
    ]


def render(components: list[Component], product: str, contact: str) -> str:
    """The notices file: a header, then one block per component."""
    lines = [
        f"Third-party notices: {product}",
        "",
        "Cueline is free software under GPL-3.0-or-later (LICENSE in this folder). This build bundles the",
        f"{len(components)} third-party components below; each one's licence texts are in the folder named after it.",
        "",
        SOURCE_OFFER.format(contact=contact),
    ]
    for component in components:
        lines += ["", f"{component.name} {component.version}".rstrip(), f"  licence: {component.licence}"]
        lines += [f"  note: {component.note}"] if component.note else []
        lines += [f"  text: {folder_name(component)}/{name}" for name in text_names(component)]
    return "\n".join(lines) + "\n"


def copy_texts(components: list[Component], licenses: Path) -> None:
    for component in components:
        folder = licenses / folder_name(component)
        folder.mkdir(parents=True, exist_ok=True)
        for text, name in zip(component.texts, text_names(component), strict=True):
            shutil.copyfile(text, folder / name)


def product_line() -> tuple[str, str]:
    """"Cueline VERSION for PLATFORM", and the maintainers' contact from the package metadata."""
    cueline = metadata.distribution("cueline")
    contact = cueline.metadata.get("Maintainer-email") or cueline.metadata.get("Author-email") or "the maintainers"
    return f"Cueline {cueline.version} for {sys.platform} {platform.machine()}", contact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="dist/cueline")
    parser.add_argument("workdir", type=Path, help="PyInstaller's work folder of that build")
    parser.add_argument("--check", type=Path, metavar="NOTICES", help="fail when the notices differ from this file")
    options = parser.parse_args()
    internal = options.bundle / "_internal"
    natives, unknown_libraries = native_components(native_libraries(internal, options.bundle))
    data, unknown_data = data_components(internal / "resources")
    if unknown_libraries or unknown_data:
        print("notices: no licence known for these bundled files; add them to packaging/components.toml:",
              *unknown_libraries, *unknown_data, sep="\n  ", file=sys.stderr)
        return 1
    components = python_components(bundled_top_modules(options.workdir), compiled_in(internal)) + natives + data
    notices = render(components, *product_line())
    licenses = internal / "licenses"
    copy_texts(components, licenses)
    (licenses / "THIRD-PARTY-NOTICES.txt").write_text(notices, encoding="utf-8")
    print(f"notices: {len(components)} components in {licenses / 'THIRD-PARTY-NOTICES.txt'}")
    if options.check is not None and options.check.read_text(encoding="utf-8") != notices:
        committed = options.check.read_text(encoding="utf-8").splitlines()
        print(*difflib.unified_diff(committed, notices.splitlines(), str(options.check), "this build", lineterm=""),
              sep="\n", file=sys.stderr)
        print(f"notices: the bundle differs from {options.check}; copy the new list there and commit it",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
