"""Automatic assignment of statements to the clusters of their part.

Each cluster is described by a *profile* (its titles in every locale, description and
keywords) and by *examples*: statements placed in it before (the 2022 anthology's quotes in the
default codebook, and the facilitator's corrections in this consultation). A statement scores
against a cluster by its similarity to the profile and to the cluster's nearest examples
(``analysis.vectors``; concepts make this work across languages). The three best clusters,
their scores, and whether the best one fits at all, make an ``Assignment``.

Offline, deterministic (no randomness; ties broken by codebook order; a statement's result does
not depend on the others assigned with it) and fast: features are cached per word, and
statements are scored in blocks, a few array operations per block.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from analysis.codebook import Codebook, CodebookCluster
from analysis.languages import SUPPORTED, guess_language
from analysis.vectors import Features, Featurizer, VectorIndex

TOP = 3
SURFACE_WEIGHT = 2.0  # weight of the words themselves next to the concepts
PROFILE_WEIGHT = 0.5  # weight of a cluster's profile next to its nearest examples
NEAREST = 2  # examples per cluster that count
CORRECTION_WEIGHT = 1.5  # a facilitator's correction counts more than a shipped example
CORRECTION_ALIKE = 0.5  # this similar to a correction: follow the facilitator's decision
PRIOR_WEIGHT = 0.04  # weight of a cluster's size (its number of examples)
FIT_THRESHOLD = 0.12  # best score below this: no cluster fits well
BLOCK = 256  # statements scored together


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


class Assigner:
    """Assigns statements of questions 1-4 to the clusters of ``codebook``.

    ``examples`` are ``(statement, cluster number)`` pairs from the facilitator (corrections);
    they count more than the codebook's own examples. Unknown cluster numbers are ignored.
    """

    def __init__(
        self,
        codebook: Codebook,
        examples: Iterable[tuple[str, str]] = (),
        featurizer: Featurizer | None = None,
    ) -> None:
        self.codebook = codebook
        self.featurizer = featurizer or Featurizer()
        corrections: dict[str, list[str]] = {}
        for text, number in examples:
            corrections.setdefault(number, []).append(text)
        self._parts = {
            part.chapter: self._build(part.clusters, corrections) for part in codebook.parts
        }

    def assign(self, text: str, chapter: str, lang: str | None = None) -> Assignment:
        return self.assign_many([(text, chapter, lang)])[0]

    def assign_many(self, items: Iterable) -> list[Assignment]:
        """Assign ``(text, chapter)`` or ``(text, chapter, lang)`` tuples, or mappings with
        ``text``, ``chapter`` and optionally ``lang``, in order."""
        statements = [_statement(item) for item in items]
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
                found = self._assign_block(part, [statements[p] for p in block])
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

    def _assign_block(self, part: _Part, statements: list[tuple[str, str, str]]):
        if not part.numbers:
            return [Assignment([], [], False) for _ in statements]
        if len(part.numbers) == 1:  # one general cluster: nothing to choose, nothing fits well
            return [Assignment(list(part.numbers), [0.0], False) for _ in statements]
        queries = [self.featurizer.features(text, lang) for text, _, lang in statements]
        scores = self._scores(part, queries)
        order = np.argsort(-scores, axis=1, kind="stable")[:, :TOP]
        found = []
        for row, best in zip(scores, order.tolist(), strict=True):
            rounded = [round(float(row[i]), 4) for i in best]
            found.append(
                Assignment([part.numbers[i] for i in best], rounded, rounded[0] >= FIT_THRESHOLD)
            )
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


def _statement(item) -> tuple[str, str, str]:
    """``(text, chapter, language)`` of one item given to ``assign_many``."""
    if isinstance(item, Mapping):
        text, chapter, lang = item["text"], item["chapter"], item.get("lang")
    else:
        text, chapter, lang = (tuple(item) + (None,))[:3]
    return text, str(chapter), lang if lang in SUPPORTED else guess_language(text)
