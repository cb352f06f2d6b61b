#!/usr/bin/env bash
# Installs a built .deb as an IT person would, runs the smoke test from the installed files, purges it and
# checks that nothing it installed is left. Needs root (apt-get); CI runs it after packaging/build_linux.sh.
#   packaging/test_deb.sh OUTDIR/cueline_VERSION_ARCH.deb
set -euo pipefail
PACKAGE=$(realpath "${1:?usage: packaging/test_deb.sh cueline_VERSION_ARCH.deb}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export DEBIAN_FRONTEND=noninteractive  # apt-get below also waits for another apt run to finish (DPkg::Lock::Timeout)

fail() { echo "test_deb: $*" >&2; exit 1; }

install_package() {
  local started=$SECONDS
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$PACKAGE" >/dev/null
  echo "installed in $((SECONDS - started)) s: $(dpkg-query -W -f='${Package} ${Version}, Installed-Size ${Installed-Size} KiB' cueline)"
  dpkg -L cueline | sort > "$WORK/files"
}

smoke_test() {
  # What the README promises, from the installed launcher: version, the sample to SRT and WebVTT, the
  # self-check (offscreen Qt), and the MIME type that file managers read.
  local version sample=/opt/cueline/_internal/resources/samples/abc-news-2014-06-24-transcript.txt
  version=$(cueline --version)
  [ "$version" = "cueline $(dpkg-query -W -f='${Version}' cueline | tr -d '~')" ] || fail "--version says '$version'"
  cueline import "$sample" -o "$WORK/sample.srt" >/dev/null
  cueline convert "$WORK/sample.srt" "$WORK/sample.vtt" >/dev/null
  if [ "$(grep -c -- '-->' "$WORK/sample.srt")" -lt 100 ] || [ "$(grep -c -- '-->' "$WORK/sample.vtt")" -lt 100 ]; then
    fail "the sample did not become captions"
  fi
  QT_QPA_PLATFORM=offscreen /opt/cueline/cueline-selfcheck
  grep -q ':\*\.cueline$' /usr/share/mime/globs2 2>/dev/null || [ ! -x /usr/bin/update-mime-database ] ||
    fail "the .cueline MIME type is not in the MIME database"
  [ -s /opt/cueline/_internal/licenses/THIRD-PARTY-NOTICES.txt ] || fail "the third-party notices are missing"
  echo "smoke test passed: $version"
}

purge_and_check() {
  local left
  apt-get purge -y -qq -o DPkg::Lock::Timeout=600 cueline >/dev/null
  left=$(while read -r path; do [ -f "$path" ] || [ -L "$path" ] && echo "$path"; done < "$WORK/files" || true)
  [ -z "$left" ] || fail "purge left these files: $left"
  [ ! -e /opt/cueline ] || fail "purge left /opt/cueline"
  ! grep -q 'cueline' /usr/share/mime/globs2 2>/dev/null || fail "the MIME database still knows .cueline"
  echo "purged: none of the $(wc -l < "$WORK/files") installed paths is left"
}

dpkg-query -W cueline >/dev/null 2>&1 && fail "cueline is already installed; purge it first"
install_package
smoke_test
purge_and_check
