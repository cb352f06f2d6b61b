#!/usr/bin/env bash
# Builds Cueline's macOS installer on a Mac or a macOS CI runner (PyInstaller cannot cross-compile):
#   packaging/build_macos.sh OUTDIR   -> OUTDIR/dist/Cueline.app and OUTDIR/Cueline-VERSION-ARCH.dmg
# One architecture per build, the runner's (arm64 on Apple silicon, x86_64 on Intel): the lock's wheels of
# PySide6, PyAV and numpy are per architecture. Needs Python 3.11+ (python.org or the runner's). VLC is not
# bundled: python-vlc loads VLC.app's libvlc, as on the other platforms. Ad-hoc signed (no Apple identity).
set -euo pipefail
OUTDIR=$(cd "$(dirname "${1:?usage: packaging/build_macos.sh OUTDIR}")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${CUELINE_BUILD_PYTHON:-python3}
VENV=$OUTDIR/venv

setup_build_venv() {
  rm -rf "$VENV" "$OUTDIR/src"
  mkdir -p "$OUTDIR/src"
  git -C "$REPO" archive HEAD | tar -x -C "$OUTDIR/src"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$OUTDIR/src/requirements.lock"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation "$OUTDIR/src"
}

compile_kernels() {
  # The aligner's numba kernels as an extension module in the exported sources (needs Xcode's command line
  # tools), so the bundle carries neither numba nor llvmlite.
  "$VENV/bin/python" "$OUTDIR/src/packaging/compile_kernels.py" "$OUTDIR/src"
}

freeze() {
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OUTDIR/dist" --workpath "$OUTDIR/work" "$OUTDIR/src/packaging/cueline.spec"
  "$VENV/bin/python" "$OUTDIR/src/packaging/notices.py" "$OUTDIR/dist/cueline" "$OUTDIR/work/cueline"
  # The notices were written into the folder after BUNDLE copied it: copy them into the .app as well.
  mkdir -p "$OUTDIR/dist/Cueline.app/Contents/Resources/licenses"
  cp -R "$OUTDIR/dist/cueline/_internal/licenses/." "$OUTDIR/dist/Cueline.app/Contents/Resources/licenses/"
  codesign --force --deep --sign - "$OUTDIR/dist/Cueline.app"
  codesign --verify --deep --strict "$OUTDIR/dist/Cueline.app"
}

make_dmg() {
  local version arch staging dmg
  version=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("cueline"))')
  arch=$(uname -m)
  staging=$(mktemp -d)
  cp -R "$OUTDIR/dist/Cueline.app" "$staging/"
  ln -s /Applications "$staging/Applications"
  dmg="$OUTDIR/Cueline-$version-$arch.dmg"
  hdiutil create -quiet -volname "Cueline $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
  rm -rf "$staging"
  echo "installer: $dmg ($(du -h "$dmg" | cut -f1))"
}

mkdir -p "$OUTDIR"
setup_build_venv
compile_kernels
freeze
make_dmg
