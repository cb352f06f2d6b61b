#!/usr/bin/env bash
# Wraps a PyInstaller folder into a Debian package: the program under /opt/cueline, a /usr/bin/cueline
# launcher, a desktop entry, the .cueline MIME type, the icon and a man page. libvlc is not bundled (python-vlc
# loads the system's), so the package depends on VLC's library and plugins, and on the X libraries Qt's xcb
# plugin loads. VERSION is pyproject's; a pre-release (0.2.0rc1) becomes 0.2.0~rc1, which sorts before 0.2.0.
#   packaging/build_deb.sh FOLDER OUTDIR VERSION    -> OUTDIR/cueline_VERSION_ARCH.deb
set -euo pipefail
FOLDER=$(realpath "${1:?usage: build_deb.sh FOLDER OUTDIR VERSION}")
OUTDIR=$(realpath -m "${2:?usage: build_deb.sh FOLDER OUTDIR VERSION}")
VERSION=$(echo "${3:?usage: build_deb.sh FOLDER OUTDIR VERSION}" | sed -E 's/[-_.]?(a|b|rc|dev)([0-9]*)$/~\1\2/')
HERE=$(cd "$(dirname "$0")" && pwd)
RESOURCES=$HERE/../resources
ARCH=$(dpkg --print-architecture)

# What the bundle loads from the system: VLC (through python-vlc), and the libraries its files link to but
# do not carry (the build warns when this list misses one): Qt's X11/xcb/GL stack, fonts, D-Bus, GLib.
# libstdc++6 and libgcc-s1: the bundle leaves the C++ runtime to the system (see cueline.spec).
DEPENDS=(
  libstdc++6 libgcc-s1 libvlc5 vlc-plugin-base vlc-plugin-video-output
  libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 fonts-dejavu-core
)

stage_files() {
  local root=$1
  install -d "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/cueline" \
    "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
    "$root/usr/share/man/man1" "$root/usr/share/mime/packages"
  cp -a "$FOLDER" "$root/opt/cueline"
  find "$root/opt/cueline" -name __pycache__ -prune -exec rm -rf {} +  # e.g. in PyAV's licence folder
  install -m 755 "$HERE/linux/cueline-launcher.sh" "$root/usr/bin/cueline"
  install -m 644 "$HERE/linux/cueline.desktop" "$root/usr/share/applications/cueline.desktop"
  install -m 644 "$HERE/linux/cueline-mime.xml" "$root/usr/share/mime/packages/cueline.xml"
  install -m 644 "$RESOURCES/icons/cueline.svg" "$root/usr/share/icons/hicolor/scalable/apps/cueline.svg"
  install -m 644 "$RESOURCES/icons/cueline.png" "$root/usr/share/icons/hicolor/256x256/apps/cueline.png"
  gzip -9n < "$HERE/linux/cueline.1" > "$root/usr/share/man/man1/cueline.1.gz"
  install -m 644 "$HERE/linux/copyright" "$root/usr/share/doc/cueline/copyright"
  printf 'cueline (%s) unstable; urgency=medium\n\n  * Packaged from the PyInstaller bundle.\n\n -- %s  %s\n' \
    "$VERSION" "$MAINTAINER" "$(date -R -u)" | gzip -9n > "$root/usr/share/doc/cueline/changelog.gz"
  install -d "$root/usr/share/lintian/overrides"
  install -m 644 "$HERE/linux/lintian-overrides" "$root/usr/share/lintian/overrides/cueline"
  find "$root" -type d -exec chmod 755 {} +
  find "$root/opt/cueline" -type f -exec chmod 644 {} +
  chmod 755 "$root/opt/cueline/cueline" "$root/opt/cueline/cueline-selfcheck"
}

project_field() {
  # A field of pyproject.toml's [project] table, for the control file (maintainer, homepage).
  python3 - "$HERE/../pyproject.toml" "$1" <<'PYTHON'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
if sys.argv[2] == "maintainer":
    person = project["maintainers"][0]
    print(f"{person['name']} <{person['email']}>")
else:
    print(project.get("urls", {}).get("Homepage", ""))
PYTHON
}

newest_glibc_symbol() {
  # The C library version the bundle needs: the newest GLIBC_x.y symbol version any of its files uses.
  find "$FOLDER" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null |
    grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 | cut -d_ -f2
}

write_control() {
  local root=$1 depends
  depends=$(printf '%s, ' "libc6 (>= $(newest_glibc_symbol))" "${DEPENDS[@]}")
  install -d "$root/DEBIAN"
  cat > "$root/DEBIAN/control" <<CONTROL
Package: cueline
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: ${depends%, }
Section: video
Priority: optional${HOMEPAGE:+
Homepage: $HOMEPAGE}
Description: caption editor for captioning staff
 Cueline turns a rough transcript into caption blocks that follow professional
 caption rules, lines them up along the programme's runtime, syncs them to the
 speech, and exports SRT, WebVTT and the broadcast formats (Scenarist SCC,
 TTML/EBU-TT-D, ASS/SSA, YouTube SBV). It brings its own Python and Qt; video
 playback uses the system's VLC.
CONTROL
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
}

system_library_packages() {
  # Debian packages owning the libraries that the bundle's files link to directly but do not carry.
  local bundled
  bundled=$(find "$FOLDER" -name '*.so*' -printf '%f\n' | sort -u)
  find "$FOLDER" -type f \( -name '*.so*' -o -perm -u+x \) -exec readelf -d {} + 2>/dev/null |
    sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p' | sort -u | grep -vxF "$bundled" |
    while read -r soname; do ldconfig -p | awk -v name="$soname" '$1 == name {print $NF; exit}'; done |
    xargs -r realpath | while read -r library; do
      dpkg -S "$library" 2>/dev/null || dpkg -S "${library#/usr}" 2>/dev/null || echo "unpackaged-$library:"
    done | cut -d: -f1 | sort -u
}

warn_about_unlisted_libraries() {
  local package listed
  listed=" libc6 ${DEPENDS[*]} "
  for package in $(system_library_packages); do
    case "$listed" in
      *" $package "*) ;;
      *) echo "note: the bundle links to a library from $package, which Depends does not list" >&2 ;;
    esac
  done
}

MAINTAINER=$(project_field maintainer)
HOMEPAGE=$(project_field homepage)

main() {
  local package
  STAGING=$(mktemp -d "$OUTDIR/deb-root.XXXXXX")
  trap 'rm -rf "$STAGING"' EXIT
  warn_about_unlisted_libraries
  stage_files "$STAGING"
  write_control "$STAGING"
  package="$OUTDIR/cueline_${VERSION}_${ARCH}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$STAGING" "$package" >/dev/null
  echo "$package"
}

main
