#!/usr/bin/env bash
# Sets up everything Cueline needs on Debian/Ubuntu, then runs the editor or the test suite.
#   ./dev.sh run [ARGS...]   open the editor (default: the bundled sample lined up along 12:45)
#   ./dev.sh test [PYTEST ARGS...]   lint, type-check, layer contracts, then the whole test suite
#   ./dev.sh package [OUTDIR]   build the Linux installer from requirements.lock (default OUTDIR: build/installer)
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  python3-venv
  libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 fonts-dejavu-core
)
# nsis, shellcheck: tests/packaging; g++, python3-dev: tests/timing compiles the aligner's kernels as the build does
TEST_APT_PACKAGES=(xvfb xauth ffmpeg espeak-ng flite nsis shellcheck g++ python3-dev)
PACKAGE_APT_PACKAGES=(binutils g++ python3-dev)  # g++, python3-dev: packaging/compile_kernels.py

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_system_packages() {
  command -v dpkg-query >/dev/null || { echo "Not a Debian/Ubuntu system: install libvlc and Xvfb yourself." >&2; return; }
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: $missing"
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Cueline needs these Debian packages. Run this, then run me again:" >&2
    echo "  sudo apt-get install -y" $missing >&2
    exit 1
  fi
}

pick_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return
    fi
  done
  echo "Cueline needs Python 3.11 or newer." >&2; exit 1
}

setup_venv() {
  # Everything comes from requirements.lock (hash-pinned, see packaging/lock.sh), then Cueline itself, editable.
  local stamp=.venv/.installed-lock
  if [ ! -x .venv/bin/python ]; then
    "$(pick_python)" -m venv .venv
  fi
  if [ ! -f "$stamp" ] || [ requirements.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing Python packages from requirements.lock into .venv ..."
    .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
    touch "$stamp"
  fi
  build_kernels
}

build_kernels() {
  # The aligner's kernels compiled ahead of time beside their sources (git-ignored), as the installers carry
  # them: auto-sync's hearing process then loads neither numba nor llvmlite (about 110 MB less, and no first-run
  # compile). Made again when the sources change; without g++ and Python's headers numba compiles them instead.
  .venv/bin/python -c 'from editor.timing.acoustic import jit; raise SystemExit(jit.ahead_of_time() is None)' \
    2>/dev/null && return
  echo "Compiling the aligner's kernels ahead of time (about 20 s of CPU) ..."
  rm -f editor/timing/acoustic/_aot_*  # a stale build, which the compile must not write over while loaded
  .venv/bin/python packaging/compile_kernels.py . >/dev/null 2>&1 ||
    echo "Could not compile the aligner's kernels (g++ and python3-dev needed): numba compiles them on first use." >&2
}

command=${1:-run}
shift || true
case "$command" in
  run)
    install_system_packages "${APT_PACKAGES[@]}"
    setup_venv
    exec .venv/bin/cueline "$@"
    ;;
  test)
    install_system_packages "${APT_PACKAGES[@]}" "${TEST_APT_PACKAGES[@]}"
    setup_venv
    .venv/bin/ruff check editor tests benchmarks
    .venv/bin/mypy editor/core editor/formats editor/timing editor/checks editor/workflows editor/media editor/app editor/ui
    .venv/bin/lint-imports
    exec .venv/bin/python -m pytest -q "$@"
    ;;
  package)
    install_system_packages "${APT_PACKAGES[@]}" "${PACKAGE_APT_PACKAGES[@]}"
    exec packaging/build_linux.sh "${1:-build/installer}"
    ;;
  *)
    echo "usage: ./dev.sh run [FILE] | ./dev.sh test [PYTEST ARGS] | ./dev.sh package [OUTDIR]" >&2; exit 2
    ;;
esac
