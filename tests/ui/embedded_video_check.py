"""Run under a real X server (DISPLAY set, QT_QPA_PLATFORM=xcb) by test_video_embed.py.

Plays MEDIA in a VideoPane, then prints one JSON line: whether VLC's video window is a child of our
surface window, how much of the grabbed surface is not black, how much of it a message box covered and what
shows once the box has closed (after_a_dialog), and the caption the overlay shows.
Usage: python embedded_video_check.py MEDIA SCREENSHOT.png
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import sys
import time
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.core.model import Cue, Document
from editor.media.player import Player, PlayerState
from editor.ui.video_pane import VideoPane

BOX_GREY = 0xF0  # the message box's background, a grey the test picture does not hold


def x11_children(window_id: int) -> list[int]:
    """The X11 child windows of `window_id` (XQueryTree through libX11)."""
    xlib = ctypes.CDLL(ctypes.util.find_library("X11"))
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    display = xlib.XOpenDisplay(None)
    root, parent = ctypes.c_ulong(), ctypes.c_ulong()
    children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    xlib.XQueryTree(ctypes.c_void_p(display), ctypes.c_ulong(window_id), ctypes.byref(root),
                    ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count))
    found = [children[i] for i in range(count.value)]
    xlib.XCloseDisplay(ctypes.c_void_p(display))
    return found


def lit_share(image: QImage) -> float:
    """Share of sampled pixels brighter than near-black."""
    lit = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            total += 1
            lit += image.pixelColor(x, y).lightness() > 40
    return lit / max(total, 1)


def wait_for(app: QApplication, condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.02)
    return True


def after_a_dialog(app: QApplication, pane: VideoPane) -> dict[str, float]:
    """How much of the paused picture shows while a message box covers it, and once it has closed: with no
    compositor (Xvfb, a plain X session) VLC must draw the uncovered picture again itself."""
    box = QMessageBox(QMessageBox.Icon.Information, "Note", "A message over the video. " * 12)
    box.setStyleSheet(f"background-color: rgb({BOX_GREY}, {BOX_GREY}, {BOX_GREY});")
    box.show()
    wait_for(app, box.isVisible)
    box.setGeometry(pane.mapToGlobal(pane.rect().topLeft()).x(), pane.mapToGlobal(pane.rect().topLeft()).y(),
                    pane.width(), pane.height())
    wait_for(app, lambda: False, timeout=0.5)
    covered = grey_share(app.primaryScreen().grabWindow(pane.video_window_handle()).toImage())
    box.close()
    wait_for(app, lambda: False, timeout=1.0)
    surface = app.primaryScreen().grabWindow(pane.video_window_handle()).toImage()
    return {"covered_grey_share": covered, "after_dialog_lit_share": lit_share(surface),
            "after_dialog_grey_share": grey_share(surface)}


def grey_share(image: QImage) -> float:
    """Share of sampled pixels of the message box's light grey (what a stale picture would keep showing)."""
    grey = total = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            colour = image.pixelColor(x, y)
            total += 1
            grey += all(abs(channel - BOX_GREY) <= 2 for channel in (colour.red(), colour.green(), colour.blue()))
    return grey / max(total, 1)


def main() -> int:
    media, screenshot = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    pane = VideoPane()
    pane.resize(640, 360)
    pane.show()
    wait_for(app, pane.isVisible)
    pane.set_document(Document(cues=(Cue(0, 60_000, "Good evening.\nThe storm made landfall."),)))
    pane.set_playhead(1000)
    pane.show_message("")
    player = Player(audio_output="dummy")
    player.embed_into(pane.video_window_handle())
    player.open(media, paused=False)
    drawing = wait_for(app, lambda: player.poll() is PlayerState.PLAYING and player.has_video_output())
    wait_for(app, lambda: player.time_ms() >= 1000)
    player.pause()
    wait_for(app, lambda: False, timeout=0.5)  # let the last frame reach the window
    children = x11_children(pane.video_window_handle())
    surface = app.primaryScreen().grabWindow(pane.video_window_handle()).toImage()
    app.primaryScreen().grabWindow(pane.winId()).save(str(screenshot))
    report = {"has_vout": drawing, "vlc_children": len(children), "lit_share": lit_share(surface),
              **after_a_dialog(app, pane)}
    print(json.dumps({**report, "caption": pane.caption_text()}))
    player.release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
