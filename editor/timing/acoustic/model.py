"""The en-us acoustic model shipped in the pocketsphinx wheel, read with numpy (BSD-style licence, Alpha Cephei).

Phonetically tied: 42 codebooks (one per CI phone) of 128 Gaussians over 3 streams of 13 features (cepstra,
deltas, double deltas), 5126 senones each mixing its codebook's Gaussians with its own weights, 3-state
left-to-right phones whose senones and transition matrix the binary model definition names per triphone.
Only the files are read here; scoring and aligning live beside this module.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pocketsphinx

VARIANCE_FLOOR = 1e-4  # pocketsphinx's default (-varfloor)
TRANSITION_FLOOR = 1e-4  # pocketsphinx's default (-tmatfloor)
MIXTURE_LOG_UNIT = 1024 * math.log(1.0001)  # one step of the 8-bit mixture weights, in nats
POSITIONS = {"internal": 0, "begin": 1, "end": 2, "single": 3}  # a phone's place in its word


@dataclass(frozen=True)
class AcousticModel:
    """Everything the scorer and the aligner need, in natural logs."""

    phones: tuple[str, ...]  # CI phone names; index = CI phone id = codebook
    means: np.ndarray  # (streams, codebooks, densities, dims)
    inverse_variances: np.ndarray  # 1 / (2 variance), same shape
    log_norms: np.ndarray  # (streams, codebooks, densities): log of each Gaussian's normalising constant
    log_weights: np.ndarray  # (streams, senones, densities)
    senone_codebook: np.ndarray  # (senones,) codebook each senone mixes
    transitions: np.ndarray  # (matrices, 3, 4) log probabilities from each state to itself, on, or beyond
    phone_senones: np.ndarray  # (phones, 3) senones of each CI or CD phone
    phone_matrix: np.ndarray  # (phones,) transition matrix of each phone
    tree: np.ndarray  # (nodes, 3): context, children, first child (or phone id at a leaf)
    silence: int

    @functools.cached_property
    def phone_index(self) -> dict[str, int]:
        return {name: number for number, name in enumerate(self.phones)}

    @functools.cached_property
    def _triphones(self) -> dict[tuple[str, str, str, str], int]:
        return {}

    def phone_id(self, base: str, left: str, right: str, position: str) -> int:
        """The triphone of `base` between `left` and `right` at a place in its word; the CI phone if the model
        has no such triphone (looked up once per process: a chunk's chain asks for thousands)."""
        key = (base, left, right, position)
        if key not in self._triphones:
            self._triphones[key] = self._look_up(*key)
        return self._triphones[key]

    def _look_up(self, base: str, left: str, right: str, position: str) -> int:
        index = self.phone_index
        wanted = [POSITIONS[position], index[base], index[left], index[right]]
        first, count = 0, len(POSITIONS)
        for level, context in enumerate(wanted):
            nodes = self.tree[first: first + count]
            found = np.flatnonzero(nodes[:, 0] == context)
            if not len(found):
                return index[base]
            node = nodes[found[0]]
            if node[1] == 0 or level == len(wanted) - 1:
                return int(node[2])
            first, count = int(node[2]), int(node[1])
        return index[base]


def model_folder() -> Path:
    return Path(pocketsphinx.get_model_path(os.path.join("en-us", "en-us")))


@functools.cache
def load_model(folder: Path | None = None) -> AcousticModel:
    """The model in `folder` (the wheel's en-us model by default), read once per process."""
    folder = folder or model_folder()
    means, variances = _read_gaussians(folder / "means"), _read_gaussians(folder / "variances")
    variances = np.maximum(variances, VARIANCE_FLOOR)
    definition = _read_definition((folder / "mdef").read_bytes())
    log_weights = _read_weights((folder / "sendump").read_bytes())
    return AcousticModel(
        phones=definition["phones"], means=means.astype(np.float32),
        inverse_variances=(0.5 / variances).astype(np.float32),
        log_norms=(-0.5 * np.log(2 * np.pi * variances).sum(axis=-1)).astype(np.float32),
        log_weights=log_weights, senone_codebook=definition["senone_codebook"],
        transitions=_read_transitions(folder / "transition_matrices"), phone_senones=definition["phone_senones"],
        phone_matrix=definition["phone_matrix"], tree=definition["tree"], silence=definition["silence"],
    )


def _s3_body(path: Path) -> tuple[np.ndarray, bool]:
    """The int32 words after a Sphinx-3 text header, and whether they were byte-swapped."""
    raw = path.read_bytes()
    start = raw.index(b"endhdr\n") + len(b"endhdr\n")
    magic = np.frombuffer(raw, "<u4", 1, start)[0]
    swapped = magic != 0x11223344
    body = raw[start + 4:]
    return np.frombuffer(body[: len(body) // 4 * 4], ">i4" if swapped else "<i4"), swapped


def _read_gaussians(path: Path) -> np.ndarray:
    """Means or variances: (streams, codebooks, densities, dims)."""
    words, swapped = _s3_body(path)
    codebooks, streams, densities = (int(value) for value in words[:3])
    lengths = [int(value) for value in words[3: 3 + streams]]
    count = int(words[3 + streams])
    values = words[4 + streams: 4 + streams + count].view(">f4" if swapped else "<f4").astype(np.float64)
    if len(set(lengths)) != 1 or count != codebooks * densities * sum(lengths):
        raise ValueError(f"{path.name}: unexpected layout")
    return values.reshape(codebooks, streams, densities, lengths[0]).transpose(1, 0, 2, 3)


def _read_transitions(path: Path) -> np.ndarray:
    """Transition matrices, normalised and floored as pocketsphinx does, in natural logs."""
    words, swapped = _s3_body(path)
    matrices, sources, targets, count = (int(value) for value in words[:4])
    values = words[4: 4 + count].view(">f4" if swapped else "<f4").astype(np.float64)
    table = values.reshape(matrices, sources, targets)
    table = table / table.sum(axis=-1, keepdims=True)
    table = np.where(table > 0, np.maximum(table, TRANSITION_FLOOR), 0.0)
    table = table / table.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(table), np.float32)


def _read_weights(raw: bytes) -> np.ndarray:
    """The senones' mixture weights from the 8-bit dump: (streams, senones, densities), natural logs."""
    offset, settings = 0, {}
    while True:
        length = int(np.frombuffer(raw, "<i4", 1, offset)[0])
        offset += 4
        if length == 0:
            break
        text = raw[offset: offset + length - 1].decode("ascii", "replace")
        offset += length
        name, _, value = text.partition(" ")
        settings[name] = value
    if int(settings.get("cluster_count", "0")) != 0:
        raise ValueError("sendump: clustered weights are not supported")
    streams = int(settings["feature_count"])
    densities, senones = (int(value) for value in np.frombuffer(raw, "<i4", 2, offset))
    offset += 8
    quantised = np.frombuffer(raw, np.uint8, streams * densities * senones, offset)
    weights = -quantised.reshape(streams, densities, senones).astype(np.float32) * MIXTURE_LOG_UNIT
    return np.ascontiguousarray(weights.transpose(0, 2, 1))


def _read_definition(raw: bytes) -> dict[str, Any]:
    """Phones, triphone tree, senone sequences and transition matrices from the binary model definition."""
    header = np.frombuffer(raw, "<i4", 3)
    offset = 12 + int(header[2])
    counts = np.frombuffer(raw, "<i4", 10, offset)
    ci_phones, phones, states, _, senones, _, sequences, _, nodes, silence = (int(value) for value in counts)
    offset += 40
    names_start = offset
    names: list[str] = []
    for _ in range(ci_phones):
        end = raw.index(b"\0", offset)
        names.append(raw[offset:end].decode("ascii"))
        offset = end + 1
    offset = names_start + ((offset - names_start + 3) & ~3)
    tree_type = np.dtype([("ctx", "<i2"), ("down_count", "<i2"), ("down", "<i4")])
    tree = np.frombuffer(raw, tree_type, nodes, offset)
    offset += nodes * tree_type.itemsize
    phone_type = np.dtype([("sequence", "<i4"), ("matrix", "<i4"), ("info", "u1", 4)])
    table = np.frombuffer(raw, phone_type, phones, offset)
    offset += phones * phone_type.itemsize + 4
    sequence = np.frombuffer(raw, "<u2", sequences * states, offset).reshape(sequences, states)
    phone_senones = sequence[table["sequence"]].astype(np.int32)
    codebook = np.zeros(senones, np.int32)
    for phone in range(phones):  # a CD phone's senones mix the codebook of its base (CI) phone
        base = phone if phone < ci_phones else int(table["info"][phone][1])
        codebook[phone_senones[phone]] = base
    return {
        "phones": tuple(names), "tree": np.stack([tree["ctx"], tree["down_count"], tree["down"]], axis=1),
        "phone_senones": phone_senones, "phone_matrix": table["matrix"].astype(np.int32),
        "senone_codebook": codebook, "silence": silence,
    }
