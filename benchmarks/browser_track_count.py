"""Count the cues headless Chromium's <track> element loads from each .vtt, beside our own reader's count.

    .venv/bin/python benchmarks/browser_track_count.py FILE.vtt [FILE.srt ...]

A .vtt is served on 127.0.0.1 to a page whose <track> reports `track.cues.length` (a browser drops a broken
cue silently, so equal counts show the file is valid); a .srt is counted with our reader for comparison.
Needs Debian's chromium (`apt-get install -y chromium`).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.formats.registry import read_file

PAGE = """<!doctype html><meta charset="utf-8"><video muted><track id="t" kind="subtitles" src="{name}"></video>
<pre id="out">pending</pre><script>
const element = document.getElementById("t"), out = document.getElementById("out");
element.addEventListener("load", () => out.textContent = "cues=" + element.track.cues.length);
element.addEventListener("error", () => out.textContent = "error");
element.track.mode = "hidden";
</script>"""
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=10000", "--dump-dom",
]


def browser_cue_count(vtt: Path) -> str:
    """The number of cues Chromium's <track> loads from vtt, or "error" if it refuses the file."""
    with tempfile.TemporaryDirectory(prefix="track-") as folder:
        served = Path(folder)
        shutil.copy(vtt, served / "track.vtt")
        (served / "index.html").write_text(PAGE.format(name="track.vtt"), encoding="utf-8")
        handler = functools.partial(_QuietHandler, directory=str(served))
        with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
            dom = _run_chromium(url, served / "profile")
            server.shutdown()
    found = re.search(r'<pre id="out">([^<]*)</pre>', dom)
    return found.group(1).removeprefix("cues=") if found else "no answer"


def _run_chromium(url: str, profile: Path) -> str:
    command = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".vtt": "text/vtt",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def main(paths: list[str]) -> int:
    if not shutil.which("chromium"):
        print("chromium is not installed: apt-get install -y chromium", file=sys.stderr)
        return 2
    for name in paths:
        path = Path(name)
        ours = len(read_file(path).document.cues)
        browser = browser_cue_count(path) if path.suffix.lower() == ".vtt" else "-"
        print(f"{path}: cueline reads {ours} cues; chromium <track> loads {browser}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
