#!/usr/bin/env bash
# Builds Cueline's Linux installer from the committed sources (git HEAD): a PyInstaller folder and a .deb.
#   packaging/build_linux.sh OUTDIR   -> OUTDIR/dist/cueline/ (the program) and OUTDIR/cueline_VERSION_ARCH.deb
# Builds with the system Python (pyenv's leaks its library path and an unstripped libpython into the bundle)
# in a build venv at OUTDIR/venv, reused by the next build. CUELINE_BUILD_WORKTREE=1 builds the working tree
# (uncommitted changes included) instead of HEAD. The build machine needs what ./dev.sh installs (libvlc too:
# the smoke test runs cueline-selfcheck), binutils (PyInstaller and build_deb.sh read ELF headers), and g++ with
# Python's headers (python3-dev) for compile_kernels.py.
set -euo pipefail
OUTDIR=$(realpath -m "${1:?usage: packaging/build_linux.sh OUTDIR}")
REPO=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${CUELINE_BUILD_PYTHON:-/usr/bin/python3}

export_sources() {
  rm -rf "$OUTDIR/src"
  mkdir -p "$OUTDIR/src"
  if [ -z "${CUELINE_BUILD_WORKTREE:-}" ] && git -C "$REPO" rev-parse --verify -q HEAD >/dev/null; then
    git -C "$REPO" archive HEAD | tar -x -C "$OUTDIR/src"
    echo "sources: commit $(git -C "$REPO" rev-parse --short HEAD)"
  else
    cp -a "$REPO/editor" "$REPO/resources" "$REPO/packaging" "$REPO/pyproject.toml" "$REPO/requirements.lock" \
      "$REPO/README.md" "$REPO/LICENSE" "$OUTDIR/src/"
    rm -f "$OUTDIR/src/editor/timing/acoustic/_aot_"*  # ./dev.sh's kernels: compile_kernels() builds them afresh
    echo "sources: working tree $REPO"
  fi
}

setup_build_venv() {
  # Exactly the versions of requirements.lock (hash-checked); a venv made from another lock is made again.
  local venv=$OUTDIR/venv
  "$PYTHON" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))' ||
    { echo "Building Cueline needs Python 3.11 or newer at $PYTHON (set CUELINE_BUILD_PYTHON)." >&2; exit 1; }
  cmp -s "$OUTDIR/src/requirements.lock" "$venv/requirements.lock" || rm -rf "$venv"
  if [ ! -x "$venv/bin/python" ]; then
    "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$OUTDIR/src/requirements.lock"
    cp "$OUTDIR/src/requirements.lock" "$venv/requirements.lock"
  fi
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation "$OUTDIR/src"
}

compile_kernels() {
  # The aligner's numba kernels as an extension module in the exported sources, so the bundle needs no numba.
  local started=$SECONDS
  "$OUTDIR/venv/bin/python" "$OUTDIR/src/packaging/compile_kernels.py" "$OUTDIR/src"
  echo "kernels compiled ahead of time: $((SECONDS - started)) s"
}

freeze() {
  local started=$SECONDS
  "$OUTDIR/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$OUTDIR/dist" --workpath "$OUTDIR/work" "$OUTDIR/src/packaging/cueline.spec"
  echo "PyInstaller: $((SECONDS - started)) s, $(du -sh "$OUTDIR/dist/cueline" | cut -f1) in $OUTDIR/dist/cueline"
}

write_notices() {
  # Every bundled component with its licence; the list must match the committed one, so a change is reviewed
  # in a commit. CUELINE_NOTICES_UPDATE=1 (after changing a dependency) writes the new list into the repository.
  local committed=packaging/THIRD-PARTY-NOTICES-linux.txt
  if [ -n "${CUELINE_NOTICES_UPDATE:-}" ]; then
    "$OUTDIR/venv/bin/python" "$OUTDIR/src/packaging/notices.py" "$OUTDIR/dist/cueline" "$OUTDIR/work/cueline"
    cp "$OUTDIR/dist/cueline/_internal/licenses/THIRD-PARTY-NOTICES.txt" "$REPO/$committed"
    echo "notices: wrote $REPO/$committed; review and commit it"
  else
    "$OUTDIR/venv/bin/python" "$OUTDIR/src/packaging/notices.py" "$OUTDIR/dist/cueline" "$OUTDIR/work/cueline" \
      --check "$OUTDIR/src/$committed"
  fi
}

smoke_test() {
  # The frozen programs themselves: the batch import of the bundled sample, then every run-time dependency
  # (PyAV, speech model, libvlc from the system, a spawned worker, Qt); a broken bundle is never packaged.
  local folder=$OUTDIR/dist/cueline
  "$folder/cueline" --version
  "$folder/cueline" import "$folder/_internal/resources/samples/abc-news-2014-06-24-transcript.txt" \
    -o "$OUTDIR/smoke.srt"
  QT_QPA_PLATFORM=offscreen "$folder/cueline-selfcheck"
}

main() {
  mkdir -p "$OUTDIR"
  export_sources
  setup_build_venv
  compile_kernels
  freeze
  find "$OUTDIR/dist/cueline" -xtype l -print -delete  # links left pointing at excluded Qt libraries
  write_notices
  smoke_test
  local version
  version=$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
    "$OUTDIR/src/pyproject.toml")
  package=$("$OUTDIR/src/packaging/build_deb.sh" "$OUTDIR/dist/cueline" "$OUTDIR" "$version")
  echo "package: $package ($(du -h "$package" | cut -f1))"
}

main
