#!/usr/bin/env bash
# Runs the real installer logic of cueline.nsi under wine on Linux, around a stub program folder (no Windows
# build of Cueline can be made here): silent per-user install, upgrade to a newer version (no file of the old
# one left), per-machine install (/AllUsers), and silent uninstalls that leave no file, shortcut or registry
# key. Needs makensis, wine (64-bit) and xvfb-run (Debian: nsis wine wine64 xvfb).
#   packaging/windows/test_installer_wine.sh
set -euo pipefail
[ -n "${DISPLAY:-}" ] || exec xvfb-run -a "$0" "$@"  # wine wants a display even for silent installers
NSI=$(cd "$(dirname "$0")" && pwd)/cueline.nsi
WORK=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WORK"' EXIT
export WINEPREFIX=$WORK/prefix WINEDEBUG=-all
USER_PROGRAMS="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/Programs/Cueline"
MACHINE_PROGRAMS="$WINEPREFIX/drive_c/Program Files/Cueline"

fail() { echo "test_installer_wine: $*" >&2; exit 1; }

installer() {
  # installer VERSION FILE-ONLY-IN-THIS-VERSION -> the path of CuelineSetup-VERSION.exe around a stub folder
  local version=$1 marker=$2 folder=$WORK/stub-$1
  mkdir -p "$folder/_internal/sub"
  for program in cueline cueline-cmd cueline-selfcheck; do printf 'MZ' > "$folder/$program.exe"; done
  echo "$version" > "$folder/_internal/sub/$marker"
  makensis -V1 -WX "-DVERSION=$version" -DVERSION_NUMERIC=0.1.0.0 "-DSOURCE_DIR=$folder" \
    "-DOUTFILE=$WORK/CuelineSetup-$version.exe" "$NSI" >&2
  echo "$WORK/CuelineSetup-$version.exe"
}

registry_has() { wine reg query "$1" >/dev/null 2>&1; }

run_windows() { wine "$@"; wineserver -w; }

check_installed() {
  local folder=$1 root=$2 marker=$3
  { [ -f "$folder/cueline.exe" ] && [ -f "$folder/_internal/sub/$marker" ]; } || fail "files missing in $folder"
  [ "$(find "$folder" -name 'only-in-*' | wc -l)" -eq 1 ] || fail "an upgrade left the old version's files"
  registry_has "$root\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Cueline" || fail "no uninstall entry"
  wine reg query "$root\\Software\\Classes\\.cueline" | grep -q Cueline.Project || fail ".cueline is not Cueline's"
  [ -n "$(find "$WINEPREFIX/drive_c" -name Cueline.lnk)" ] || fail "no Start menu entry"
}

check_removed() {
  local folder=$1 root=$2
  [ ! -e "$folder" ] || fail "the uninstaller left $folder"
  ! registry_has "$root\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Cueline" || fail "uninstall entry left"
  ! registry_has "$root\\Software\\Classes\\.cueline" || fail ".cueline file type left"
  ! registry_has "$root\\Software\\Classes\\Cueline.Project" || fail "Cueline.Project left"
  [ -z "$(find "$WINEPREFIX/drive_c" -name Cueline.lnk)" ] || fail "Start menu entry left"
}

main() {
  local old new
  wineboot --init >/dev/null 2>&1
  old=$(installer 0.1.0rc1 only-in-rc1)
  new=$(installer 0.1.0 only-in-0.1.0)
  run_windows "$old" /S && check_installed "$USER_PROGRAMS" HKCU only-in-rc1
  run_windows "$new" /S && check_installed "$USER_PROGRAMS" HKCU only-in-0.1.0
  run_windows "$USER_PROGRAMS/Uninstall Cueline.exe" /S /CurrentUser && sleep 3 && wineserver -w
  check_removed "$USER_PROGRAMS" HKCU
  echo "per user: install, upgrade, uninstall: ok"
  run_windows "$new" /S /AllUsers && check_installed "$MACHINE_PROGRAMS" HKLM only-in-0.1.0
  run_windows "$MACHINE_PROGRAMS/Uninstall Cueline.exe" /S /AllUsers && sleep 3 && wineserver -w
  check_removed "$MACHINE_PROGRAMS" HKLM
  echo "per machine: install, uninstall: ok"
}

main
