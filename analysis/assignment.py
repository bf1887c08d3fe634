"""Automatic assignment of statements to the clusters of their part.

Each cluster is described by a *profile* (its titles in every locale, description and
keywords) and by *examples*: statements placed in it before (the 2022 anthology's quotes in the
default codebook, and the work group's decisions in this consultation). Signals, per statement
and cluster:

- *words*: similarity to the profile and to the cluster's nearest examples in words and
  concepts (``analysis.vectors``; concepts make this work across languages);
- *meaning* (when sentence vectors are on, ``analysis.sentence_vectors``): similarity of the
  statement's vector to the cluster's title vectors, to its nearest examples' vectors and to
  its keywords' vectors (the mean of the best three: a keyword is a short text in the same
  space, so "RODO" or "dane osobowe" reaches "gegevens delen" in any language);
- *size*: how many examples the cluster has.

Each signal is standardised over the clusters of the part and the signals are summed with the
weights in ``assignment.yaml`` (fitted on development folds of the 2022 quotes, never on the
frozen split). The three best clusters, a 0..1 score, and whether the best one fits at all
("fits nothing": the best cluster neither comes close in words nor stands out among
the part's clusters; thresholds in ``assignment.yaml``), make an ``Assignment``.

Offline, deterministic (no randomness; ties broken by codebook order; a statement's result does
not depend on the others assigned with it) and fast: features are cached per word, and
statements are scored in blocks, a few array operations per block.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from analysis.codebook import Codebook, CodebookCluster
from analysis.languages import SUPPORTED, guess_language
from analysis.sentence_vectors import VectorCache
from analysis.vectors import Features, Featurizer, VectorIndex

SETTINGS = Path(__file__).resolve().parent / "assignment.yaml"

TOP = 3
SURFACE_WEIGHT = 2.0  # weight of the words themselves next to the concepts
PROFILE_WEIGHT = 0.5  # weight of a cluster's profile next to its nearest examples
NEAREST = 2  # examples per cluster that count
KEYWORDS = 3  # keywords per cluster whose sentence vectors count (the best ones)
CORRECTION_WEIGHT = 1.5  # a facilitator's correction counts more than a shipped example
CORRECTION_ALIKE = 0.5  # this similar to a correction: follow the facilitator's decision
PRIOR_WEIGHT = 0.04  # weight of a cluster's size (its number of examples)
BLOCK = 256  # statements scored together


@lru_cache(maxsize=1)
def settings() -> dict:
    """Weights of the signals and the "fits nothing" thresholds (``assignment.yaml``)."""
    return yaml.safe_load(SETTINGS.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Assignment:
    clusters: list[str]  # up to three cluster numbers, best first
    scores: list[float]  # their scores, 0..1, rounded
    fits: bool  # False: no cluster fits well; propose a new one instead


@dataclass
class _Part:
    numbers: list[str]
    index: VectorIndex
    weight: np.ndarray  # per document: how much it counts (corrections count more)
    profiles: np.ndarray  # per cluster: the document that is its profile
    examples: np.ndarray  # per cluster: its example documents, padded with -1 (none)
    has_examples: np.ndarray  # per cluster: whether it has any example
    prior: np.ndarray  # per cluster: 0..1, how many examples it has (log scale)
    corrected: np.ndarray  # per document (+ the -1 pad): is it a facilitator's correction
    title_vectors: list[np.ndarray] | None = None  # per cluster: its titles' sentence vectors
    example_vectors: list[np.ndarray] | None = None  # per cluster: its examples' vectors
    keyword_vectors: list[np.ndarray] | None = None  # per cluster: its keywords' vectors


class Assigner:
    """Assigns statements of questions 1-4 to the clusters of ``codebook``.

    ``examples`` are ``(statement, cluster number)`` pairs from the work group (its decisions);
    they count more than the codebook's own examples. Unknown cluster numbers are ignored.
    ``vectors``: a ``VectorCache`` with an encoder turns on the meaning signal (None: words
    and concepts only).
    """

    def __init__(
        self,
        codebook: Codebook,
        examples: Iterable[tuple[str, str]] = (),
        featurizer: Featurizer | None = None,
        vectors: VectorCache | None = None,
    ) -> None:
        self.codebook = codebook
        self.featurizer = featurizer or Featurizer()
        self.vectors = vectors if vectors is not None and vectors.on else None
        corrections: dict[str, list[str]] = {}
        for text, number in examples:
            corrections.setdefault(number, []).append(text)
        self._parts = {
            part.chapter: self._build(part.clusters, corrections) for part in codebook.parts
        }

    def assign(self, text: str, chapter: str, lang: str | None = None) -> Assignment:
        return self.assign_many([(text, chapter, lang)])[0]

    def assign_many(self, items: Iterable, vectors: np.ndarray | None = None) -> list[Assignment]:
        """Assign ``(text, chapter)`` or ``(text, chapter, lang)`` tuples, or mappings with
        ``text``, ``chapter`` and optionally ``lang``, in order. ``vectors``: the statements'
        kept sentence vectors (rows in the same order); missing ones are computed."""
        statements = [_statement(item) for item in items]
        if self.vectors is not None and vectors is None:
            vectors = self.vectors.vectors([text for text, _, _ in statements])
        by_part: dict[str, list[int]] = {}
        for position, (_, chapter, _) in enumerate(statements):
            if chapter not in self._parts:
                raise KeyError(f"no part {chapter!r} in the codebook")
            by_part.setdefault(chapter, []).append(position)
        results: list[Assignment | None] = [None] * len(statements)
        for chapter, positions in by_part.items():
            part = self._parts[chapter]
            for start in range(0, len(positions), BLOCK):
                block = positions[start : start + BLOCK]
                meaning = vectors[block] if self.vectors is not None else None
                found = self._assign_block(part, [statements[p] for p in block], meaning)
                for position, assignment in zip(block, found, strict=True):
                    results[position] = assignment
        return [r for r in results if r is not None]

    # building ------------------------------------------------------------------------------

    def _build(self, clusters: Sequence[CodebookCluster], corrections) -> _Part:
        documents: list[Features] = []
        weight: list[float] = []
        corrected: list[bool] = []
        profiles: list[int] = []
        examples: list[list[int]] = []
        for cluster in clusters:
            profiles.append(len(documents))
            documents.append(self._profile(cluster))
            weight.append(1.0)
            corrected.append(False)
            own: list[int] = []
            extra = corrections.get(cluster.number, ())
            for text, factor in [(t, 1.0) for t in cluster.examples] + [
                (t, CORRECTION_WEIGHT) for t in extra
            ]:
                own.append(len(documents))
                documents.append(self.featurizer.features(text, guess_language(text)))
                weight.append(factor)
                corrected.append(factor == CORRECTION_WEIGHT)
            examples.append(own)
        title_vectors = example_vectors = keyword_vectors = None
        if self.vectors is not None:
            title_vectors = [self.vectors.vectors(list(c.titles.values())) for c in clusters]
            keyword_vectors = [self.vectors.vectors(list(c.keywords)) for c in clusters]
            example_vectors = [
                self.vectors.vectors(list(c.examples) + list(corrections.get(c.number, ())))
                for c in clusters
            ]
        width = max([NEAREST] + [len(e) for e in examples])
        padded = np.full((len(clusters), width), -1, dtype=np.int64)
        for row, own in enumerate(examples):
            padded[row, : len(own)] = own
        return _Part(
            numbers=[c.number for c in clusters],
            index=VectorIndex(documents),
            weight=np.array(weight + [0.0], dtype=np.float32),
            profiles=np.array(profiles, dtype=np.int64),
            examples=padded,
            has_examples=np.array([bool(e) for e in examples], dtype=bool),
            prior=np.log1p([len(e) for e in examples]) / np.log1p(max(1, width)),
            corrected=np.array(corrected + [False], dtype=bool),
            title_vectors=title_vectors,
            example_vectors=example_vectors,
            keyword_vectors=keyword_vectors,
        )

    def _profile(self, cluster: CodebookCluster) -> Features:
        texts = [(title, locale) for locale, title in cluster.titles.items()]
        texts.append((cluster.description, guess_language(cluster.description)))
        texts.extend((keyword, guess_language(keyword)) for keyword in cluster.keywords)
        found = [
            self.featurizer.features(text, lang if lang in SUPPORTED else "nl")
            for text, lang in texts
            if text
        ]
        return Features.merged(found)

    # scoring -------------------------------------------------------------------------------

    def _assign_block(self, part: _Part, statements, meaning: np.ndarray | None):
        if not part.numbers:
            return [Assignment([], [], False) for _ in statements]
        if len(part.numbers) == 1:  # one general cluster: nothing to choose, nothing fits well
            return [Assignment(list(part.numbers), [0.0], False) for _ in statements]
        queries = [self.featurizer.features(text, lang) for text, _, lang in statements]
        words = self._scores(part, queries)
        signals = {"words": words, "size": np.broadcast_to(part.prior, words.shape)}
        if meaning is not None and part.title_vectors is not None:
            signals.update(_meaning(part, meaning))
        combined = _combine(signals)
        fits = _fits(signals, combined)
        order = np.argsort(-combined, axis=1, kind="stable")[:, :TOP]
        chances = np.exp(combined - combined.max(axis=1, keepdims=True))
        chances /= chances.sum(axis=1, keepdims=True)
        found = []
        for row, best, fit in zip(chances, order.tolist(), fits.tolist(), strict=True):
            rounded = [round(float(row[i]), 4) for i in best]
            found.append(Assignment([part.numbers[i] for i in best], rounded, bool(fit)))
        return found

    def _scores(self, part: _Part, queries: Sequence[Features]) -> np.ndarray:
        """Statements (rows) x clusters (columns)."""
        similarity = part.index.similarities(queries, SURFACE_WEIGHT)
        similarity = np.pad(similarity, ((0, 0), (0, 1))) * part.weight  # column -1: none
        profiles = similarity[:, part.profiles]
        examples = similarity[:, part.examples]  # statements x clusters x examples
        nearest = -np.partition(-examples, NEAREST - 1, axis=2)[:, :, :NEAREST]
        blended = PROFILE_WEIGHT * profiles + (1 - PROFILE_WEIGHT) * nearest.mean(axis=2)
        scores = np.where(part.has_examples, blended, profiles) + PRIOR_WEIGHT * part.prior
        # a statement much like one the facilitator placed follows that decision
        raw = examples / CORRECTION_WEIGHT
        alike = part.corrected[part.examples] & (raw >= CORRECTION_ALIKE)
        return np.maximum(scores, np.where(alike, raw, 0.0).max(axis=2))


def _meaning(part: _Part, meaning: np.ndarray) -> dict[str, np.ndarray]:
    """Per statement (rows) and cluster (columns): the best cosine to the cluster's titles,
    the mean of the best two to its examples, the best one (-1: no examples) and the mean of
    the best three to its keywords."""
    titles, title_owner = _stacked(part.title_vectors)
    examples, example_slots = _stacked(part.example_vectors, padded=True)
    to_titles = meaning @ titles.T
    title = np.full((len(meaning), len(part.numbers)), -1.0, dtype=np.float32)
    np.maximum.at(title.T, title_owner, to_titles.T)
    to_examples = np.pad(meaning @ examples.T, ((0, 0), (0, 1)), constant_values=-1.0)
    per_cluster = to_examples[:, example_slots]  # statements x clusters x examples (-1: none)
    width = min(NEAREST, per_cluster.shape[2])
    top = -np.partition(-per_cluster, width - 1, axis=2)[:, :, :width]
    best = top.max(axis=2)
    has = example_slots[:, 0] < len(examples)
    real = top > -1.0  # a cluster with one example: its mean is that one
    mean = np.where(real, top, 0.0).sum(axis=2) / np.maximum(1, real.sum(axis=2))
    nearest = np.where(has, mean, np.nan)
    if has.any():
        floor = np.nanmin(nearest, axis=1, keepdims=True)
        nearest = np.where(has, nearest, floor)
    else:
        nearest = np.zeros_like(best)
    return {
        "title": title,
        "nearest": nearest,
        "closest": best,
        "keywords": _keywords(part, meaning),
    }


def _keywords(part: _Part, meaning: np.ndarray) -> np.ndarray:
    """Per statement and cluster: the mean cosine of the ``KEYWORDS`` best of the cluster's
    keywords; a cluster without keywords (one the work group added) gets the lowest value
    of the row, so that it neither gains nor loses much; all zeros when none has any."""
    counts = np.array([len(v) for v in part.keyword_vectors or ()], dtype=np.int64)
    if not counts.any():
        return np.zeros((len(meaning), len(part.numbers)), dtype=np.float32)
    keywords, slots = _stacked(part.keyword_vectors, padded=True)
    cosines = np.pad(meaning @ keywords.T, ((0, 0), (0, 1)), constant_values=-np.inf)
    per_cluster = cosines[:, slots]  # statements x clusters x keywords (-inf: none)
    width = min(KEYWORDS, per_cluster.shape[2])
    top = -np.partition(-per_cluster, width - 1, axis=2)[:, :, :width]
    found = np.where(np.isfinite(top), top, 0.0).sum(axis=2) / np.maximum(
        1, np.minimum(counts, width)
    )
    has = counts > 0
    floor = np.where(has, found, np.inf).min(axis=1, keepdims=True)
    return np.where(has, found, floor)


def _stacked(vectors: list[np.ndarray], padded: bool = False):
    """All clusters' vectors as one matrix, and per row its cluster (or, ``padded``, per
    cluster the rows it owns, padded with the index one past the last row)."""
    rows = [v for v in vectors if len(v)]
    matrix = np.vstack(rows) if rows else np.zeros((0, 384), dtype=np.float32)
    counts = [len(v) for v in vectors]
    if not padded:
        return matrix, np.repeat(np.arange(len(vectors)), counts)
    slots = np.full((len(vectors), max([1] + counts)), len(matrix), dtype=np.int64)
    start = 0
    for column, count in enumerate(counts):
        slots[column, :count] = np.arange(start, start + count)
        start += count
    return matrix, slots


def _combine(signals: dict[str, np.ndarray]) -> np.ndarray:
    """The weighted sum of the signals, each standardised over the part's clusters."""
    weights = settings()["weights"]["meaning" if "title" in signals else "words"]
    total = np.zeros(signals["words"].shape, dtype=np.float64)
    for name, weight in weights.items():
        values = np.asarray(signals[name], dtype=np.float64)
        spread = values.std(axis=1, keepdims=True)
        total += (
            weight
            * (values - values.mean(axis=1, keepdims=True))
            / np.where(spread > 0, spread, 1.0)
        )
    return total


def _fits(signals: dict[str, np.ndarray], combined: np.ndarray) -> np.ndarray:
    """Whether the best cluster comes close enough: its similarity in words plus how far it
    stands out among the part's clusters (``combined``, in standard units). Both are relative
    to the statement's own language's level: the raw cosine of sentence vectors is not (a
    translation sits lower than Dutch against Dutch examples), so it is no part of the test."""
    limits = settings()["fits"]["meaning" if "closest" in signals else "words"]
    score = signals["words"].max(axis=1) + limits["combined"] * combined.max(axis=1)
    return score >= limits["below"]


def _statement(item) -> tuple[str, str, str]:
    """``(text, chapter, language)`` of one item given to ``assign_many``."""
    if isinstance(item, Mapping):
        text, chapter, lang = item["text"], item["chapter"], item.get("lang")
    else:
        text, chapter, lang = (tuple(item) + (None,))[:3]
    return text, str(chapter), lang if lang in SUPPORTED else guess_language(text)
