#!/usr/bin/env bash
# Installs Cueline from its .dmg as a user would (drag to Applications, here ~/Applications), runs the smoke
# test from the installed app, removes it and checks nothing is left.
#   packaging/macos/test_dmg.sh Cueline-VERSION-ARCH.dmg
set -euo pipefail
DMG=${1:?usage: packaging/macos/test_dmg.sh Cueline-VERSION-ARCH.dmg}
MOUNT=$(mktemp -d)
WORK=$(mktemp -d)
APP=$HOME/Applications/Cueline.app
trap 'hdiutil detach -quiet "$MOUNT" 2>/dev/null || true; rm -rf "$WORK"' EXIT

hdiutil attach -quiet -nobrowse -mountpoint "$MOUNT" "$DMG"
mkdir -p "$HOME/Applications"
cp -R "$MOUNT/Cueline.app" "$APP"
hdiutil detach -quiet "$MOUNT"

codesign --verify --deep --strict "$APP"
"$APP/Contents/MacOS/cueline" --version
SAMPLE=$(find "$APP/Contents" -path '*resources/samples/abc-news-2014-06-24-transcript.txt' | head -1)
"$APP/Contents/MacOS/cueline" import "$SAMPLE" -o "$WORK/sample.srt"
"$APP/Contents/MacOS/cueline" convert "$WORK/sample.srt" "$WORK/sample.vtt"
[ "$(grep -c -- '-->' "$WORK/sample.vtt")" -gt 100 ] || { echo "the sample did not become captions" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/cueline-selfcheck"
[ -s "$APP/Contents/Resources/licenses/THIRD-PARTY-NOTICES.txt" ] || { echo "notices missing" >&2; exit 1; }

rm -rf "$APP"
[ ! -e "$APP" ] && echo "removed: nothing left in ~/Applications"
