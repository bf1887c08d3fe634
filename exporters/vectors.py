"""Statements as weighted feature vectors, in two channels, and cosine similarity between them.

- the *concept* channel: language-independent concepts (``exporters.concepts``), so a Polish
  statement and a Dutch one about the same thing are close;
- the *surface* channel: the words and character n-grams themselves, which catch what the
  concept lexicon does not know, within one language.

Features are integer ids handed out by the ``Featurizer`` and cached per word, so turning a
statement into a vector costs a few list operations. ``VectorIndex`` holds documents (examples,
cluster profiles) TF-IDF weighted and L2-normalised per channel and gives the similarity of a
statement to each of them with one small matrix product.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from exporters.concepts import ConceptLexicon, default_lexicon, tokens
from exporters.languages import stopwords

NGRAM_SIZES = (3, 4, 5)
_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Bag:
    """Distinct feature ids and how often each occurs."""

    ids: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, ids: list[int]) -> Bag:
        if not ids:
            return cls(_EMPTY, np.zeros(0, dtype=np.float32))
        counted = Counter(ids)
        unique = np.fromiter(counted.keys(), dtype=np.int64, count=len(counted))
        counts = np.fromiter(counted.values(), dtype=np.float32, count=len(counted))
        return cls(unique, counts)

    @classmethod
    def merged(cls, bags: Sequence[Bag]) -> Bag:
        parts = [np.repeat(b.ids, b.counts.astype(np.int64)) for b in bags if len(b.ids)]
        return cls.of(np.concatenate(parts).tolist() if parts else [])


@dataclass(frozen=True)
class Features:
    concepts: Bag
    surface: Bag


class Featurizer:
    """Turns text in a known language into ``Features``; caches per word, so it is fast."""

    def __init__(self, lexicon: ConceptLexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._stop = {lang: frozenset(words) for lang, words in stopwords().items()}
        self._ids: dict[str, int] = {}
        self.names: list[str] = []  # feature id -> name ("c:victim", "w:slachto", "<sl")
        self._words: dict[tuple[str, str], tuple[tuple[int, ...], tuple[int, ...]]] = {}

    @property
    def size(self) -> int:
        return len(self.names)

    def features(self, text: str, lang: str) -> Features:
        concepts: list[int] = []
        surface: list[int] = []
        for word in tokens(text):
            found = self._words.get((lang, word)) or self._word(word, lang)
            concepts.extend(found[0])
            surface.extend(found[1])
        return Features(Bag.of(concepts), Bag.of(surface))

    def words(self, text: str, lang: str) -> list[str]:
        """The words of ``text`` that carry meaning (no function words)."""
        stop = self._stop.get(lang, frozenset())
        return [w for w in tokens(text) if w not in stop and (len(w) > 1 or w.isdigit())]

    def _word(self, word: str, lang: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if word in self._stop.get(lang, ()) or (len(word) < 2 and not word.isdigit()):
            found: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
        else:
            concepts = tuple(self._id(f"c:{c}") for c in self.lexicon.of_word(word, lang))
            found = (concepts, tuple(self._id(f) for f in _surface(word)))
        if len(self._words) < 500_000:
            self._words[(lang, word)] = found
        return found

    def _id(self, name: str) -> int:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = len(self.names)
            self.names.append(name)
        return found


def _surface(word: str) -> list[str]:
    grams = [f"w:{word[:7]}"]
    padded = f"<{word}>"
    for size in NGRAM_SIZES:
        grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


class _Channel:
    """One channel of an index: idf per feature and the documents as a (rows x docs) matrix."""

    def __init__(self, documents: Sequence[Bag]) -> None:
        count = len(documents)
        frequency: dict[int, int] = {}
        for doc in documents:
            for feature in doc.ids.tolist():
                frequency[feature] = frequency.get(feature, 0) + 1
        known = sorted(frequency)
        self.unseen = len(known)  # row of every feature no document has (stays zero)
        self.row_of = np.full(max(known, default=-1) + 1, self.unseen, dtype=np.int64)
        self.row_of[known] = np.arange(len(known))
        self.unseen_idf = math.log(count + 1) + 1.0
        self.idf = np.array(
            [math.log((count + 1) / (frequency[f] + 1)) + 1.0 for f in known] + [self.unseen_idf],
            dtype=np.float32,
        )
        self.matrix = np.zeros((len(known) + 1, count), dtype=np.float32)
        for column, doc in enumerate(documents):
            rows, weights = self.weigh(doc)
            self.matrix[rows, column] = weights
        self.matrix[self.unseen] = 0.0

    def weigh(self, bag: Bag) -> tuple[np.ndarray, np.ndarray]:
        """Rows and L2-normalised TF-IDF weights of ``bag`` (unseen features: last row)."""
        ids = bag.ids
        if not len(self.row_of):
            rows = np.full(len(ids), self.unseen, dtype=np.int64)
        else:
            inside = ids < len(self.row_of)
            rows = np.where(inside, self.row_of[np.where(inside, ids, 0)], self.unseen)
        weights = (1.0 + np.log(bag.counts)) * self.idf[rows]
        norm = float(np.sqrt(weights @ weights)) if len(weights) else 0.0
        return rows, weights / norm if norm else weights

    def similarity(self, bag: Bag) -> tuple[np.ndarray, float]:
        """Cosine similarity to each document, and the share of ``bag``'s weight seen here."""
        if not len(bag.ids):
            return np.zeros(self.matrix.shape[1], dtype=np.float32), 0.0
        rows, weights = self.weigh(bag)
        seen = weights[rows != self.unseen]
        return weights @ self.matrix[rows], float(seen @ seen)


class VectorIndex:
    """Documents in both channels; ``similarity`` blends the channels per query."""

    def __init__(self, documents: Sequence[Features]) -> None:
        self.size = len(documents)
        self.concepts = _Channel([d.concepts for d in documents])
        self.surface = _Channel([d.surface for d in documents])

    def similarity(self, query: Features, surface_weight: float) -> np.ndarray:
        """Blend of concept and surface cosine, the surface part weighted by how much of the
        query's own words the documents know (little for a language they are not written in)."""
        by_concept, concept_coverage = self.concepts.similarity(query.concepts)
        by_surface, surface_coverage = self.surface.similarity(query.surface)
        weight = surface_weight * surface_coverage
        concept_weight = 1.0 if concept_coverage > 0 else 0.0
        total = concept_weight + weight
        if total == 0:
            return np.zeros(self.size, dtype=np.float32)
        return (concept_weight * by_concept + weight * by_surface) / total
