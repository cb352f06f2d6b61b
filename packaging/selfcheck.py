"""`cueline-selfcheck`: checks that an installed Cueline has everything it loads at run time.

Support staff run it when the editor does not start: it names what is missing (the bundled sample,
the speech model, the aligner's compiled kernels, PyAV's FFmpeg, VLC, worker processes, Qt's platform
plugin) instead of a traceback.
Exit code 0 when all checks pass, 1 otherwise.
"""

import math
import multiprocessing
import os
import struct
import sys
import tempfile
import wave
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SAMPLE_RATE = 16000


def check_resources() -> str:
    from editor.paths import sample_transcript_path

    return f"bundled sample at {sample_transcript_path()}"


def check_spelling_dictionary() -> str:
    from editor.checks.dictionary import is_known

    if not is_known("caption"):
        raise RuntimeError("the English word list is empty or missing")
    return "English word list loaded"


def write_tone(path: Path, seconds: float = 1.0) -> Path:
    """A 440 Hz tone as 16-bit mono WAV: real media for the decoder and the player, made with the stdlib."""
    count = int(SAMPLE_RATE * seconds)
    samples = (int(8000 * math.sin(2 * math.pi * 440 * n / SAMPLE_RATE)) for n in range(count))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(b"".join(struct.pack("<h", sample) for sample in samples))
    return path


def check_audio_decoding(tone: Path) -> str:
    """The tone read as auto-sync and listening read media: decoded by PyAV, kept as 16-bit PCM."""
    from editor.workflows.autosync import decoded

    recording, _ = decoded(tone)
    samples = len(recording.pcm)
    if abs(samples - SAMPLE_RATE) > SAMPLE_RATE // 100:
        raise RuntimeError(f"decoded {samples} samples from 1 s of audio, expected about {SAMPLE_RATE}")
    return f"PyAV decoded {tone.name} to {samples} samples at 16 kHz"


def check_speech_model(tone: Path) -> str:
    import pocketsphinx

    decoder = pocketsphinx.Decoder(loglevel="FATAL")  # loads the bundled en-US model, dictionary and LM
    with wave.open(str(tone), "rb") as audio:
        pcm = audio.readframes(audio.getnframes())
    decoder.start_utt()
    decoder.process_raw(pcm, full_utt=True)
    decoder.end_utt()
    return f"pocketsphinx model loaded from {pocketsphinx.get_model_path()}"


def check_aligner(tone: Path) -> str:
    """Our own aligner hears the tone: its compiled kernels load (an installer's, compiled at build time)."""
    from editor.timing.acoustic import jit
    from editor.timing.acoustic.listen import ListenJob
    from editor.timing.acoustic.listener import Listener

    with wave.open(str(tone), "rb") as audio:
        pcm = audio.readframes(audio.getnframes())
    Listener({"tone": ("T", "OW", "N")}).hear(ListenJob(pcm, 0, ("tone",)))
    how = "compiled ahead of time" if jit.ahead_of_time() else "compiled by numba on this machine"
    return f"aligner kernels {how}"


def check_video_player(tone: Path) -> str:
    from editor.media.player import Player

    player = Player(video_output="dummy", audio_output="dummy")
    try:
        player.open(tone)
    finally:
        player.release()
    import vlc

    return f"libvlc {vlc.libvlc_get_version().decode()} from {vlc.dll._name}"


def check_worker_process() -> str:
    """Auto-sync's workers start with "spawn": the frozen program must run as a worker and load the model there."""
    from editor.timing.recognize import load_dictionary

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        entries = len(pool.submit(load_dictionary).result(timeout=120))
    return f"a worker process read the pronouncing dictionary ({entries} words)"


def check_qt_platform() -> str:
    """Last, because Qt ends the whole process when its platform plugin cannot load."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform == "linux":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"  ... starting Qt (platform {os.environ.get('QT_QPA_PLATFORM', 'default')})", flush=True)
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    return f"Qt {app.platformName()} platform plugin started"


def run(name: str, check: Callable[[], str]) -> bool:
    try:
        print(f"ok      {name}: {check()}", flush=True)
        return True
    except Exception as error:  # a self-check reports every failure and goes on to the next check
        print(f"FAILED  {name}: {type(error).__name__}: {error}", flush=True)
        return False


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cueline-selfcheck-") as folder:
        tone = write_tone(Path(folder) / "tone.wav")
        results = [
            run("resources", check_resources),
            run("spell check", check_spelling_dictionary),
            run("audio decoding", lambda: check_audio_decoding(tone)),
            run("speech model", lambda: check_speech_model(tone)),
            run("aligner", lambda: check_aligner(tone)),
            run("video player", lambda: check_video_player(tone)),
            run("worker process", check_worker_process),
            run("Qt", check_qt_platform),
        ]
    print("all checks passed" if all(results) else f"{results.count(False)} check(s) failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
