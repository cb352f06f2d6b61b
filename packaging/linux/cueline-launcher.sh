#!/bin/sh
# /usr/bin/cueline: runs the program installed in /opt/cueline (a folder with its own Python and Qt).
# libvlc draws video only into X11 windows, so on a Wayland desktop Cueline runs through XWayland.
if [ -z "${QT_QPA_PLATFORM:-}" ] && [ -n "${WAYLAND_DISPLAY:-}" ]; then
    QT_QPA_PLATFORM=xcb
    export QT_QPA_PLATFORM
fi
exec /opt/cueline/cueline "$@"
