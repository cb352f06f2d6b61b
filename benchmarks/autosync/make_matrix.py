"""Builds the auto-sync fixture matrix: the seed spoken by many voices, then edited like real programmes.

Run with the fixture tool's private venv (numpy + scipy), from make_fixtures.sh:

    benchmarks/fixtures/.venv-fixture/bin/python benchmarks/autosync/make_matrix.py TOOL_DIR SEED OUT_DIR [NAME ...]
    ... make_matrix.py TOOL_DIR SEED OUT_DIR --matrix MY_MATRIX.json    # a tune set of one's own, into OUT_DIR

Each base recording is made once by the fixture tool (make_fixture.py: voice, seed, swapped words, pauses);
each variant edits a base here: untranscribed speech or music put in at the start, the end and inside (right
after a sentence with a `--` run, right before one), a 30 s silence, a passage the transcript has cut out of
the audio; then it adds noise (10-20 dB SNR, coloured as the tool colours it) and sets the loudness (-30 to
-10 LUFS). The truth file keeps every sentence's time and lists what was put in (`foreign`: start, end,
kind) and which sentences the audio lacks (`missing`). Variants are split by seed into a tune half and a
report half (matrix.json beside this file), so figures on the report half come from audio nothing was
tuned on.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
TOOL = Path(sys.argv[1])
sys.path.insert(0, str(TOOL))
from common import read_wav, write_wav  # noqa: E402  (the fixture tool's helpers, run in place)
from make_fixture import Espeak, flite_synth, trim  # noqa: E402

RATE = 16_000
EXTRA_SPEECH = [
    "We will be right back after these messages. Stay with us for the weather and the traffic report.",
    "Coming up next, the best places to eat on a budget this summer, and a chef who grows his own lettuce.",
    "This programme is brought to you by our sponsors. Thank you for watching, and have a good evening.",
    "And now a look at the sports scores. The home team won again last night in the final minutes.",
    "Doctors say a walk after dinner is good for your heart. Our health reporter has the details tonight.",
    # 2-3 s each: a presenter's aside or a second voice's few words, as short as the inserts that put sentences early
    "Stay with us, more after the break.",
    "That was our reporter in the capital.",
    "Back to you in the studio, Tom.",
    "Here is what we know so far tonight.",
    "Thanks, Sarah, a busy night for everyone.",
]


def run_tool(name: str, base: dict, seed_path: Path, out: Path) -> Path:
    """The base recording, made once by the fixture tool with its voice, seed, swapped words and pauses."""
    prefix = out / f"base-{name}"
    if not prefix.with_suffix(".truth.json").exists():
        args = [sys.executable, str(TOOL / "make_fixture.py"), "--transcript", str(seed_path), "--out", str(prefix)]
        for key, value in base.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        subprocess.run(args, check=True)
    return prefix


def music(seconds: float, rng: np.random.Generator) -> np.ndarray:
    """Chords with a beat: music-like sound that is not speech."""
    t = np.arange(int(seconds * RATE)) / RATE
    out = np.zeros_like(t)
    roots = rng.choice([196, 220, 247, 262, 294, 330], size=max(1, int(seconds)))
    for k, root in enumerate(roots):
        part = (t >= k) & (t < k + 1)
        for ratio in (1.0, 1.25, 1.5, 2.0):
            out[part] += 0.06 * np.sin(2 * np.pi * root * ratio * t[part])
    beat = (np.sin(2 * np.pi * 2 * t) > 0.95) * rng.standard_normal(len(t)) * 0.2
    return (out + beat).astype(np.float32)


def speech(text: str, voice: str) -> np.ndarray:
    """Untranscribed speech in another voice, trimmed, at the level the tool normalises to."""
    if voice.startswith("espeak:"):
        engine = Espeak(voice.split(":", 1)[1])
        clip, _ = engine.synth(text, 170)
        from scipy.signal import resample_poly
        clip = resample_poly(clip, RATE, engine.sr).astype(np.float32)
    else:
        clip = flite_synth(text, voice.split(":", 1)[1], 1.0)
    start, end = trim(clip)
    clip = clip[start:end]
    return (clip * 0.5 / (np.percentile(np.abs(clip[np.abs(clip) > 1e-4]), 99) + 1e-9)).astype(np.float32)


class Programme:
    """Audio and truth being edited: inserts shift every later time."""

    def __init__(self, audio: np.ndarray, truth: dict, rng: np.random.Generator) -> None:
        self.audio, self.truth, self.rng = audio, truth, rng
        self.truth["foreign"], self.truth["missing"] = [], []
        self.speech_power = float(np.mean(audio[np.abs(audio) > 1e-4] ** 2))

    @property
    def sentences(self) -> list[dict]:
        return self.truth["sentences"]

    def add_noise(self, snr_db: float) -> None:
        """Reddish noise over the whole programme at this SNR to the speech, as the fixture tool makes it."""
        from scipy.signal import lfilter
        noise = lfilter([1.0], [1.0, -0.95], self.rng.standard_normal(len(self.audio)))
        noise *= np.sqrt(self.speech_power / (np.mean(noise**2) * 10 ** (snr_db / 10)))
        self.audio = (self.audio + noise).astype(np.float32)

    def insert(self, at_s: float, clip: np.ndarray, kind: str) -> None:
        """Put `clip` (with a short pause after it) in at `at_s`; later times move."""
        pause = np.zeros(int(0.4 * RATE), np.float32)
        piece = np.concatenate([clip, pause]) if kind != "silence" else clip
        cut = round(at_s * RATE)
        self.audio = np.concatenate([self.audio[:cut], piece, self.audio[cut:]])
        shift = len(piece) / RATE
        self._shift(at_s, shift)
        self.truth["foreign"].append([round(at_s, 4), round(at_s + len(clip) / RATE, 4), kind])

    def remove_sentences(self, first: int, count: int) -> None:
        """The audio of sentences first..first+count-1 cut out (an edited programme); the transcript keeps them."""
        start_s, end_s = self.sentences[first]["start"], self.sentences[first + count]["start"]
        self.audio = np.concatenate([self.audio[: int(start_s * RATE)], self.audio[int(end_s * RATE):]])
        self._shift(end_s - 1e-6, start_s - end_s)
        for index in range(first, first + count):
            self.sentences[index]["start"] = self.sentences[index]["end"] = round(start_s, 4)
            self.truth["missing"].append(index)

    def _shift(self, after_s: float, by_s: float) -> None:
        for sentence in self.sentences:
            if sentence["start"] >= after_s:
                sentence["start"] = round(sentence["start"] + by_s, 4)
                sentence["end"] = round(sentence["end"] + by_s, 4)
                for word in sentence.get("words", []):
                    word["start"] = round(word["start"] + by_s, 4)
        for foreign in self.truth["foreign"]:
            if foreign[0] >= after_s:
                foreign[0], foreign[1] = round(foreign[0] + by_s, 4), round(foreign[1] + by_s, 4)


def sentence_with_gap(sentences: list[dict], near: float, opening: bool = False) -> int:
    """Index of the sentence with a `--` run nearest to `near` (a share of the programme)."""
    pattern = r"^\s*--" if opening else r"--"
    found = [k for k, s in enumerate(sentences) if re.search(pattern, s["text"]) and 0 < k < len(sentences) - 1]
    target = near * len(sentences)
    return min(found, key=lambda k: (abs(k - target), k))


def short_sentence(sentences: list[dict], near: float) -> int:
    """Index of the sentence of at most SHORT_WORDS words nearest to `near` (a share of the programme)."""
    found = [k for k, s in enumerate(sentences) if len(s["text"].split()) <= SHORT_WORDS and 0 < k < len(sentences) - 1]
    target = near * len(sentences)
    return min(found, key=lambda k: (abs(k - target), k))


SHORT_WORDS = 2


def apply_edit(programme: Programme, edit: list) -> None:
    """One edit: [what, where, how long or which text, voice]."""
    what, where = edit[0], edit[1]
    sentences = programme.sentences
    if what == "remove":
        programme.remove_sentences(int(where * len(sentences)), edit[2])
        return
    if where == "start":
        at = 0.0
    elif where == "end":
        at = len(programme.audio) / RATE
    elif where.startswith("after--"):
        at = sentences[sentence_with_gap(sentences, float(where[7:]))]["end"] + 0.2
    elif where.startswith("before-short-"):
        at = sentences[short_sentence(sentences, float(where[13:]))]["start"] - 0.15
    elif where.startswith("before--"):
        at = sentences[sentence_with_gap(sentences, float(where[8:]), opening=True)]["start"] - 0.15
    else:
        at = sentences[int(float(where) * len(sentences))]["start"] - 0.15
    if what == "music":
        programme.insert(at, music(float(edit[2]), programme.rng), "music")
    elif what == "silence":
        programme.insert(at, np.zeros(int(float(edit[2]) * RATE), np.float32), "silence")
    else:
        programme.insert(at, speech(EXTRA_SPEECH[int(edit[2])], edit[3]), "speech")


def loudness_lufs(path: Path) -> float:
    """Integrated loudness (EBU R128) as ffmpeg measures it."""
    result = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128", "-f", "null",
                             "-"], capture_output=True, text=True, check=True)
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", result.stderr)[-1])


def make_variant(spec: dict, base: Path, out: Path) -> None:
    """One variant's WAV and truth: its base recording edited, with noise, at its loudness."""
    prefix = out / spec["name"]
    audio, _ = read_wav(str(base) + ".wav")
    truth = json.loads(base.with_suffix(".truth.json").read_text())
    programme = Programme(audio, truth, np.random.default_rng(truth["seed"]))
    for edit in spec.get("edits", []):
        apply_edit(programme, edit)
    programme.add_noise(spec["snr"])
    wav = prefix.with_suffix(".wav")
    write_wav(str(wav), programme.audio, RATE)
    gain = 10 ** ((spec["lufs"] - loudness_lufs(wav)) / 20)
    write_wav(str(wav), programme.audio * gain, RATE)
    truth.update({"duration": len(programme.audio) / RATE, "lufs": loudness_lufs(wav), "half": spec["half"],
                  "snr": spec["snr"]})
    prefix.with_suffix(".truth.json").write_text(json.dumps(truth, indent=1))
    print(f"{spec['name']}: {truth['duration']:.1f} s, {truth['lufs']:.1f} LUFS", file=sys.stderr)


def main() -> None:
    seed_path, out, rest = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
    matrix_path = HERE / "matrix.json"
    if rest[:1] == ["--matrix"]:
        matrix_path, rest = Path(rest[1]), rest[2:]
    only = set(rest)
    matrix = json.loads(matrix_path.read_text())
    for spec in matrix["variants"]:
        if (not only or spec["name"] in only) and not (out / f"{spec['name']}.truth.json").exists():
            base = run_tool(spec["base"], matrix["bases"][spec["base"]], seed_path, out)
            make_variant(spec, base, out)


if __name__ == "__main__":
    main()
