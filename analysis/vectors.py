"""Statements as weighted feature vectors, in three channels, and cosine similarity between them.

- the *concept* channel: language-independent concepts (``analysis.concepts``), so a Polish
  statement and a Dutch one about the same thing are close;
- the *pair* channel: pairs of concepts within a word or of nearby words ("labour" with
  "exploitation": arbeidsuitbuiting, labour exploitation, wyzysk pracy), which tell a statement
  about labour exploitation from one that mentions work and exploitation apart, in any language;
- the *surface* channel: the words and character n-grams themselves, which catch what the
  concept lexicon does not know, within one language.

Features are integer ids handed out by the ``Featurizer`` and cached per word, so turning a
statement into a vector costs a few list operations. ``VectorIndex`` holds documents (examples,
cluster profiles) TF-IDF weighted (sublinear term frequency) and L2-normalised per channel, and
gives the similarity of many statements to each of them at once: the statements' weights are
computed together and their products with the documents summed per statement, so the cost per
statement is a few array operations, not a few dozen.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.concepts import ConceptLexicon, default_lexicon, fold, tokens
from analysis.languages import stopwords

NGRAM_SIZES = (3, 4, 5)
PAIR_WINDOW = 2  # concepts of a word pair with those of the next two words that carry meaning
PAIR_WEIGHT = 1.0  # weight of the pairs of concepts next to the concepts themselves
BLOCK = 20_000  # at most this many (statement feature, document) rows multiplied at once
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
    pairs: Bag = Bag(_EMPTY, np.zeros(0, dtype=np.float32))

    @classmethod
    def merged(cls, found: Sequence[Features]) -> Features:
        return cls(
            Bag.merged([f.concepts for f in found]),
            Bag.merged([f.surface for f in found]),
            Bag.merged([f.pairs for f in found]),
        )


class Featurizer:
    """Turns text in a known language into ``Features``; caches per word, so it is fast."""

    def __init__(self, lexicon: ConceptLexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._stop = {
            lang: frozenset(fold(w) for w in words) for lang, words in stopwords().items()
        }
        self._ids: dict[str, int] = {}
        self.names: list[str] = []  # feature id -> name ("c:victim", "p:3|8", "w:slachto", "<sl")
        self._words: dict[tuple[str, str], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._pair_ids: dict[tuple[int, int], int] = {}

    @property
    def size(self) -> int:
        return len(self.names)

    def features(self, text: str, lang: str) -> Features:
        concepts: list[int] = []
        surface: list[int] = []
        meanings: list[tuple[int, ...]] = []  # the concepts of each word that is no stop word
        for word in tokens(text):
            found = self._words.get((lang, word)) or self._word(word, lang)
            concepts.extend(found[0])
            surface.extend(found[1])
            if found[1]:
                meanings.append(found[0])
        return Features(Bag.of(concepts), Bag.of(surface), Bag.of(self._pairs(meanings)))

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

    def _pairs(self, meanings: list[tuple[int, ...]]) -> list[int]:
        """Pairs of different concepts within a word (a compound) or of nearby words."""
        pairs = []
        for position, own in enumerate(meanings):
            if not own:
                continue
            inside = [(a, b) for i, a in enumerate(own) for b in own[i + 1 :]]
            near = meanings[position + 1 : position + 1 + PAIR_WINDOW]
            for first, second in inside + [(a, b) for other in near for a in own for b in other]:
                if first != second:
                    key = (first, second) if first < second else (second, first)
                    found = self._pair_ids.get(key)
                    if found is None:
                        found = self._pair_ids[key] = self._id(f"p:{key[0]}|{key[1]}")
                    pairs.append(found)
        return pairs

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
        self.idf = np.array(
            [math.log((count + 1) / (frequency[f] + 1)) + 1.0 for f in known]
            + [math.log(count + 1) + 1.0],
            dtype=np.float32,
        )
        self.matrix = np.zeros((len(known) + 1, count), dtype=np.float32)
        for column, doc in enumerate(documents):
            rows, weights = self.weigh([doc])[:2]
            self.matrix[rows, column] = weights
        self.matrix[self.unseen] = 0.0

    def weigh(self, bags: Sequence[Bag]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, weights and owners (position in ``bags``) of all the bags' features; the
        weights are TF-IDF, L2-normalised per bag (features no document has: last row)."""
        if not bags:
            return _EMPTY, np.zeros(0, dtype=np.float32), _EMPTY
        ids = np.concatenate([b.ids for b in bags])
        counts = np.concatenate([b.counts for b in bags])
        owners = np.repeat(np.arange(len(bags)), [len(b.ids) for b in bags])
        inside = ids < len(self.row_of)
        rows = np.where(inside, self.row_of[np.where(inside, ids, 0)], self.unseen)
        weights = (1.0 + np.log(counts)) * self.idf[rows]
        norms = np.sqrt(np.bincount(owners, weights * weights, minlength=len(bags)))
        weights = weights / np.where(norms > 0, norms, 1.0)[owners]
        return rows, weights.astype(np.float32), owners

    def similarities(self, bags: Sequence[Bag]) -> tuple[np.ndarray, np.ndarray]:
        """Cosine similarity of each bag to each document (bags x docs), and per bag the share
        of its weight that the documents know (0 for a language none of them is written in)."""
        rows, weights, owners = self.weigh(bags)
        seen = rows != self.unseen
        rows, weights, owners = rows[seen], weights[seen], owners[seen]
        coverage = np.bincount(owners, weights * weights, minlength=len(bags))
        result = np.zeros((len(bags), self.matrix.shape[1]), dtype=np.float32)
        if not len(rows):
            return result, coverage
        step = max(1, BLOCK // max(1, self.matrix.shape[1]))
        start = 0
        while start < len(rows):
            stop = min(len(rows), start + step)
            stop = int(np.searchsorted(owners, owners[stop - 1], side="right"))
            part = owners[start:stop]
            firsts = np.flatnonzero(np.r_[True, part[1:] != part[:-1]])
            products = self.matrix[rows[start:stop]] * weights[start:stop, None]
            result[part[firsts]] = np.add.reduceat(products, firsts, axis=0)
            start = stop
        return result, coverage


class VectorIndex:
    """Documents in both channels; ``similarities`` blends the channels per query."""

    def __init__(self, documents: Sequence[Features]) -> None:
        self.size = len(documents)
        self.concepts = _Channel([d.concepts for d in documents])
        self.pairs = _Channel([d.pairs for d in documents])
        self.surface = _Channel([d.surface for d in documents])

    def similarities(
        self, queries: Sequence[Features], surface_weight: float, pair_weight: float = PAIR_WEIGHT
    ) -> np.ndarray:
        """Per query (rows) and document (columns): a blend of the channels' cosines. Concepts
        count fully, pairs when the documents know any of the query's pairs, the surface by how
        much of the query's own words the documents know (little for a language they are not
        written in)."""
        by_concept, concept_coverage = self.concepts.similarities([q.concepts for q in queries])
        by_pair, pair_coverage = self.pairs.similarities([q.pairs for q in queries])
        by_surface, surface_coverage = self.surface.similarities([q.surface for q in queries])
        concept_weight = (concept_coverage > 0).astype(np.float32)[:, None]
        pair = (pair_weight * (pair_coverage > 0)).astype(np.float32)[:, None]
        surface = (surface_weight * surface_coverage).astype(np.float32)[:, None]
        total = concept_weight + pair + surface
        blended = concept_weight * by_concept + pair * by_pair + surface * by_surface
        return blended / np.where(total > 0, total, 1.0)

    def similarity(self, query: Features, surface_weight: float) -> np.ndarray:
        """``similarities`` of one query."""
        return self.similarities([query], surface_weight)[0]
