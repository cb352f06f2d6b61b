"""Waveform peaks: time and peak memory for a 12:45 news clip and a 3-hour programme (targets: 3 s; 40 s, 300 MB).

Run: .venv/bin/python benchmarks/bench_waveform.py [--media-dir DIR]
The media are generated once with ffmpeg (H.264 + stereo 48 kHz AAC, tone plus pink noise; the 3-hour file
loops the clip's audio without re-encoding) and reused from DIR. Each measurement runs in a fresh Python
process so its peak memory (max RSS) is its own: interpreter, numpy, PyAV and the peaks together.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIP_SECONDS = 765
PROGRAMME_SECONDS = 3 * 3600

_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from editor.media.waveform import compute_peaks, load_peaks, save_peaks
media, cache = Path(sys.argv[1]), Path(sys.argv[2])
wall, cpu = time.perf_counter(), time.process_time()
peaks = compute_peaks(media)
figures = {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}
figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
figures["peaks_mb"] = sum(level.mins.nbytes + level.maxs.nbytes for level in peaks.levels) / 1e6
save_peaks(peaks, cache, media)
wall = time.perf_counter()
cached = load_peaks(cache, media)
cached.minmax(0, peaks.duration_ms, 1500)
figures["cached_seconds"] = time.perf_counter() - wall
repaints = []
for span_ms in (2_000, 30_000, 600_000, peaks.duration_ms):
    wall = time.perf_counter()
    cached.minmax(peaks.duration_ms // 3, peaks.duration_ms // 3 + span_ms, 1500)
    repaints.append(time.perf_counter() - wall)
figures["repaint_ms"] = max(repaints) * 1000
figures["duration_s"] = peaks.duration_ms / 1000
print(json.dumps(figures))
"""

# The GUI thread ticks every 10 ms while the worker computes the peaks: the longest gap is the worst freeze.
_MEASURE_GUI = """
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from editor.app.waveform_worker import WaveformWorker
app = QCoreApplication([])
worker, gaps, last = WaveformWorker(), [], [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer(interval=10, timeout=tick)
timer.start()
worker.ready.connect(lambda peaks: app.quit())
worker.start(Path(sys.argv[1]))
app.exec()
worker.shutdown()
print(json.dumps({"max_gap_ms": max(gaps) * 1000, "ticks": len(gaps)}))
"""


def make_clip(path: Path) -> None:
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y",
         "-f", "lavfi", "-i", "smptebars=size=320x240:rate=25",
         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
         "-f", "lavfi", "-i", "anoisesrc=color=pink:sample_rate=48000:amplitude=0.3",
         "-filter_complex", "[1:a][2:a]amerge=inputs=2[a]", "-map", "0:v", "-map", "[a]",
         "-t", str(CLIP_SECONDS), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "128k", "-ac", "2", str(path)],
        check=True,
    )  # fmt: skip


def make_programme(clip: Path, path: Path) -> None:
    loops = PROGRAMME_SECONDS // CLIP_SECONDS + 1
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-stream_loop", str(loops), "-i", str(clip), "-map", "0:a",
         "-c", "copy", "-t", str(PROGRAMME_SECONDS), str(path)],
        check=True,
    )  # fmt: skip


def gui_freeze_ms(media: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE_GUI, str(media)], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return float(json.loads(result.stdout)["max_gap_ms"])


def measure(media: Path, work_dir: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(media), str(work_dir / (media.stem + ".peaks.npz"))],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--media-dir", type=Path, default=Path(tempfile.gettempdir()) / "cueline-bench")
    media_dir: Path = parser.parse_args().media_dir
    media_dir.mkdir(parents=True, exist_ok=True)
    clip, programme = media_dir / "news-12m45.mp4", media_dir / "programme-3h.m4a"
    if not clip.exists():
        make_clip(clip)
    if not programme.exists():
        make_programme(clip, programme)
    targets = {clip: (3.0, None), programme: (40.0, 300.0)}
    for media, (max_seconds, max_mb) in targets.items():
        figures = measure(media, media_dir)
        memory_target = f" (target <= {max_mb:.0f} MB)" if max_mb else ""
        print(
            f"{media.name}: {figures['duration_s']:.0f} s of audio -> peaks in {figures['seconds']:.2f} s "
            f"(target <= {max_seconds:.0f} s; CPU {figures['cpu_seconds']:.2f} s), "
            f"max RSS {figures['max_rss_mb']:.0f} MB{memory_target}, peaks {figures['peaks_mb']:.1f} MB, "
            f"from cache {figures['cached_seconds'] * 1000:.0f} ms, "
            f"one 1500 px repaint (minmax) <= {figures['repaint_ms']:.1f} ms"
        )
    print(f"GUI thread while {clip.name}'s peaks are computed in the background: longest stall "
          f"{gui_freeze_ms(clip):.0f} ms (target < 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
