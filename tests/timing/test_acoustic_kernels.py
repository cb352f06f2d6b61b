"""How the aligner's kernels are obtained (editor/timing/acoustic/jit.py): compiled ahead of time by
packaging/compile_kernels.py as the installer carries them (without numba), or by numba's JIT elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spoken import Speech, speak, write_wav

REPO = Path(__file__).resolve().parents[2]
SAID = "nobody expected the president to agree so quickly", "the parliament convened on the first of july"
WORDS = " ".join(SAID).split()

# Run in a fresh interpreter over a copy of the sources: with the kernels compiled ahead of time numba and
# llvmlite cannot be imported (as in the installed program); prints which kernels served, the words heard, and
# what a float64 `gap` gets.
HEAR = """
import importlib.abc, json, sys, wave
import numpy as np

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in ("numba", "llvmlite"):
            raise ImportError(name + " is not installed")

if sys.argv[3] == "ahead_of_time":
    sys.meta_path.insert(0, NotInstalled())
from editor.timing.acoustic import jit, viterbi
from editor.timing.acoustic.listen import ListenJob
from editor.timing.acoustic.listener import Listener
from editor.timing.recognize import load_dictionary

words = sys.argv[2].split()
dictionary = load_dictionary()
with wave.open(sys.argv[1], "rb") as audio:
    pcm = audio.readframes(audio.getnframes())
heard = Listener({word: dictionary[word] for word in words}).hear(ListenJob(pcm, 0, tuple(words)))
refused = ""
try:
    if jit.ahead_of_time() is not None:  # numba's JIT would compile for these types, and fail typing them
        viterbi._search(*[np.zeros(1)] * 14)
except TypeError as error:
    refused = str(error)
print(json.dumps({"ahead_of_time": jit.ahead_of_time() is not None, "heard": heard, "refused": refused}))
"""


@pytest.fixture(scope="module")
def speech(speech_folder: Path) -> Speech:
    return speak([0.5, SAID[0], 0.4, SAID[1], 0.5], speech_folder)


@pytest.fixture(scope="module")
def jit_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of editor/ without kernels compiled ahead of time (./dev.sh builds them into a source checkout)."""
    root = tmp_path_factory.mktemp("sources")
    shutil.copytree(REPO / "editor", root / "editor", ignore=shutil.ignore_patterns("__pycache__", "_aot_*"))
    return root


@pytest.fixture(scope="module")
def compiled_sources(jit_sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of editor/ with the kernels compiled ahead of time, as the installer's build makes it."""
    root = tmp_path_factory.mktemp("compiled")
    shutil.copytree(jit_sources, root, dirs_exist_ok=True)
    subprocess.run([sys.executable, str(REPO / "packaging" / "compile_kernels.py"), str(root)], check=True,
                   capture_output=True)
    return root


def hear_in(sources: Path, speech: Speech, folder: Path, kernels: str = "ahead_of_time") -> dict[str, object]:
    """What a fresh interpreter over `sources` hears; with kernels ahead of time, numba cannot be imported."""
    wav = write_wav(speech.samples, folder / "speech.wav")
    environment = {**os.environ, "PYTHONPATH": str(sources)}
    done = subprocess.run([sys.executable, "-c", HEAR, str(wav), " ".join(WORDS), kernels], cwd=sources,
                          env=environment, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def test_kernels_compiled_ahead_of_time_hear_what_numbas_jit_hears(jit_sources: Path, compiled_sources: Path,
                                                                   speech: Speech, tmp_path: Path) -> None:
    by_jit = hear_in(jit_sources, speech, tmp_path, kernels="jit")
    result = hear_in(compiled_sources, speech, tmp_path)
    assert result["ahead_of_time"] and not by_jit["ahead_of_time"]
    assert result["heard"] == by_jit["heard"]
    heard = by_jit["heard"]
    assert isinstance(heard, list) and len(heard) >= len(WORDS) // 2  # the words fitting as well as the chunk's median


def test_a_compiled_kernel_refuses_arguments_of_other_types(compiled_sources: Path, speech: Speech,
                                                            tmp_path: Path) -> None:
    result = hear_in(compiled_sources, speech, tmp_path)
    assert "viterbi__search was built for ('tuple', (('array', 'int64', 1, 'C')" in str(result["refused"])


def test_kernels_compiled_from_other_sources_are_not_used(compiled_sources: Path, tmp_path: Path) -> None:
    changed = tmp_path / "changed"
    shutil.copytree(compiled_sources, changed)
    viterbi = changed / "editor" / "timing" / "acoustic" / "viterbi.py"
    viterbi.write_text(viterbi.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    script = "from editor.timing.acoustic import jit; print(jit.ahead_of_time() is None)"
    for sources, stale in ((compiled_sources, "False"), (changed, "True")):
        environment = {**os.environ, "PYTHONPATH": str(sources)}
        done = subprocess.run([sys.executable, "-c", script], cwd=sources, env=environment, capture_output=True,
                              text=True, check=True)
        assert done.stdout.strip() == stale, sources


def test_an_unwritable_cache_folder_compiles_without_caching(jit_sources: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    environment = {**os.environ, "XDG_CACHE_HOME": str(not_a_folder / "cache"), "PYTHONPATH": str(jit_sources)}
    environment.pop("NUMBA_CACHE_DIR", None)
    script = ("import numpy as np; from editor.timing.acoustic.features import features; "
              "noise = np.random.default_rng(1).normal(0, 0.1, 16000).astype(np.float32); "
              "print(features(noise).shape)")
    done = subprocess.run([sys.executable, "-c", script], cwd=jit_sources, env=environment, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "(98, 3, 13)"  # 10 ms frames of 1 s, 3 streams of 13
    assert "Cannot keep compiled code in" in done.stderr
