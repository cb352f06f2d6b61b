"""Does a numpy front end reproduce pocketsphinx's features? The first step of an aligner of our own.

    .venv/bin/python benchmarks/autosync/front_end_match.py [VARIANT] [--chunks N]

An aligner that scores the acoustic model itself (see scoring_cost.py) needs the features pocketsphinx
computes: MFCC with the en-us model's parameters (pre-emphasis 0.97, 410-sample Hamming window every 10 ms,
512-point FFT, 25 unit-area mel filters from 130 to 6800 Hz rounded to FFT bins, orthogonal DCT-II, lifter 22).
This recognises chunks of a fixture twice with the same decoder, once from the audio and once from the
features computed here, and counts the words heard the same way: with the model's spectral noise removal on
both sides (`--noise-removal`), or off on both (it cannot be turned off from the decoder's settings, so a copy
of the model's settings is made).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pocketsphinx
import pocketsphinx.lm

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from acoustic_cost import FIXTURES, SEED  # noqa: E402
from score import read_wav  # noqa: E402

from editor.core.transcript import parse_transcript  # noqa: E402
from editor.timing import recognize  # noqa: E402
from editor.timing.acoustic.features import mel_filters  # noqa: E402
from editor.timing.align import SAMPLE_RATE, _window  # noqa: E402
from editor.timing.chunks import chunk_bounds, frame_energy  # noqa: E402
from editor.timing.script import make_script, script_pronunciations  # noqa: E402

SHIFT, SIZE, FFT_SIZE, FILTERS, CEPSTRA, LIFTER = 160, 410, 512, 25, 13, 22
PRE_EMPHASIS = 0.97
MAX_GAIN = 20.0
NEIGHBOURS = np.convolve(np.ones(FILTERS), np.ones(9), "same")  # filters within 4 of each, at the edges fewer


def cepstra(pcm: bytes, noise_removal: bool) -> np.ndarray:
    """MFCC of 16-bit audio, one row per 10 ms frame, as pocketsphinx computes them."""
    samples = np.frombuffer(pcm, "<i2").astype(np.float64)
    emphasised = np.concatenate([samples[:1], samples[1:] - PRE_EMPHASIS * samples[:-1]])
    count = 1 + (len(emphasised) - SIZE) // SHIFT
    frames = np.lib.stride_tricks.sliding_window_view(emphasised, SIZE)[::SHIFT][:count] * np.hamming(SIZE)
    mel_power = (np.abs(np.fft.rfft(frames, FFT_SIZE)) ** 2) @ mel_filters().T
    log_mel = np.log(np.maximum(without_noise(mel_power) if noise_removal else mel_power, 1e-30))
    basis = np.cos(np.pi * np.outer(np.arange(CEPSTRA), np.arange(FILTERS) + 0.5) / FILTERS)
    basis *= np.where(np.arange(CEPSTRA) == 0, np.sqrt(1 / FILTERS), np.sqrt(2 / FILTERS))[:, None]
    lifter = 1 + LIFTER / 2 * np.sin(np.arange(CEPSTRA) * np.pi / LIFTER)
    return np.asarray(log_mel @ basis.T * lifter, dtype=np.float32)


def without_noise(mel_power: np.ndarray) -> np.ndarray:
    """Mel power with the noise floor taken out as pocketsphinx's noise removal does it (after Doblinger's
    minimum tracking and Kim's power-normalised cepstra): each filter's smoothed power, less a slowly rising
    estimate of its noise, kept above a floor and after a decaying peak, becomes a gain, averaged over
    neighbouring filters. The estimate runs through the frames in order, from the first frame of the job."""
    first = mel_power[0]
    power, noise, floor, peak = first.copy(), first / MAX_GAIN, first / MAX_GAIN, np.zeros_like(first)
    cleaned = np.empty_like(mel_power)
    for index, frame in enumerate(mel_power):
        power = 0.7 * power + 0.3 * frame
        noise = lower_envelope(power, noise)
        signal = np.maximum(power - noise, 1.0)
        floor = lower_envelope(signal, floor)
        peak = peak * 0.85
        masked = np.where(signal < 0.85 * peak, peak * 0.2, signal)
        peak = np.maximum(peak, signal)
        signal = np.maximum(masked, floor)
        gain = np.clip(np.where(signal < MAX_GAIN * power, signal / power, MAX_GAIN), 1 / MAX_GAIN, None)
        cleaned[index] = frame * np.convolve(gain, np.ones(9), "same") / NEIGHBOURS
    return cleaned


def lower_envelope(values: np.ndarray, envelope: np.ndarray) -> np.ndarray:
    """An envelope that follows values up slowly and down fast."""
    return np.where(values >= envelope, 0.995 * envelope + 0.005 * values, 0.5 * envelope + 0.5 * values)


def acoustic_model(folder: Path, noise_removal: bool) -> Path:
    """The en-us model's folder, or with noise removal off a copy of its settings (beside links to its files)."""
    model = Path(pocketsphinx.get_model_path("en-us")) / "en-us"
    if noise_removal:
        return model
    folder = folder / "model"
    folder.mkdir()
    for part in model.iterdir():
        (folder / part.name).symlink_to(part)
    (folder / "feat.params").unlink()
    settings = (model / "feat.params").read_text().replace("-remove_noise yes", "-remove_noise no")
    (folder / "feat.params").write_text(settings)
    return folder


def heard(decoder: Any, feed: str, data: bytes) -> list[tuple[str, int]]:
    """Words (and their first frames) the decoder hears in raw audio or in cepstra."""
    decoder.reinit_feat()
    decoder.start_utt()
    getattr(decoder, feed)(data, full_utt=True)
    decoder.end_utt()
    return [(str(segment.word), segment.start_frame) for segment in decoder.seg()] if decoder.hyp() else []


def listen_for(decoder: Any, sentences: list[str], folder: Path) -> None:
    """Let the decoder hear only these sentences (a language model of them, as the anchor stage makes)."""
    model = pocketsphinx.lm.ArpaBoLM(text="\n".join(sentences) + "\n", add_start=True)
    model.compute()
    path = folder / "chunk.arpa"
    with path.open("w", encoding="utf-8") as handle:
        model.write(handle)
    decoder.add_lm_file("chunk", str(path))
    decoder.activate_search("chunk")


def compare(variant: str, count: int, noise_removal: bool) -> None:
    """Recognise `count` chunks of the variant from audio and from our cepstra; print how alike the words are."""
    truth = json.loads((FIXTURES / f"{variant}.truth.json").read_text())
    audio = read_wav(FIXTURES / f"{variant}.wav")
    dictionary = recognize.load_dictionary()
    script = make_script(parse_transcript(SEED.read_text(encoding="utf-8"), round(truth["duration"] * 1000)).words,
                         dictionary)
    duration_ms = len(audio) * 1000 // SAMPLE_RATE
    bounds = chunk_bounds(frame_energy(audio, SAMPLE_RATE), duration_ms)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "words.dict").write_text(recognize.dictionary_text(script_pronunciations(script, dictionary)))
        decoder = pocketsphinx.Decoder(hmm=str(acoustic_model(folder, noise_removal)), lm=None,
                                       dict=str(folder / "words.dict"), loglevel="FATAL", fwdflat=False,
                                       bestpath=False, cmn="batch")
        spent, seconds = 0.0, 0.0
        for start, end in bounds[:: max(1, len(bounds) // count)][:count]:
            listen_for(decoder, script.sentences_between(*_window(script, start, end, duration_ms)), folder)
            pcm = recognize.pcm_bytes(audio[start * SAMPLE_RATE // 1000: end * SAMPLE_RATE // 1000])
            began = time.process_time()
            ours = cepstra(pcm, noise_removal)
            spent, seconds = spent + time.process_time() - began, seconds + (end - start) / 1000
            from_audio, from_ours = heard(decoder, "process_raw", pcm), heard(decoder, "process_cep", ours.tobytes())
            same = difflib.SequenceMatcher(None, from_audio, from_ours, autojunk=False).ratio()
            print(f"| {start / 1000:.1f} s | {len(from_audio)} | {len(from_ours)} | {same:.3f} |", flush=True)
    print(f"numpy front end: {spent / seconds:.4f} s of CPU per second of audio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variant", nargs="?", default="t-espeak-18dB")
    parser.add_argument("--chunks", type=int, default=3)
    parser.add_argument("--noise-removal", action="store_true", help="the model's noise removal on, both sides")
    args = parser.parse_args()
    print(f"{args.variant}: chunk start | words (and first frames) heard from the audio | from our cepstra | "
          "share alike (1.000: the same words at the same frames)\n|---|---|---|---|")
    compare(args.variant, args.chunks, args.noise_removal)


if __name__ == "__main__":
    main()
