"""New clusters proposed for statements that fit no cluster of the codebook well.

Only statements that assignment says fit nothing well come here. They are grouped when they
are close in meaning, in any language:

- *meaning*: where both statements have a sentence vector (``analysis.sentence_vectors``, kept
  per statement), the cosine of their vectors after taking away what statements on the subject
  share (the mean of the shipped codebook's vectors: without that every two statements about
  trafficking look alike, and two of one language more so);
- *concepts*: the cosine of their concepts and pairs of concepts (``analysis.concepts``), the
  same in every language. Words themselves never count: an English and a Dutch statement that
  share only the word "half" share no meaning.

Where both are known the two are averaged, else concepts alone decide. A group is formed by
complete linkage: every two of its statements are at least ``CLOSE`` alike, so one statement
never chains two unrelated ones together. A group of fewer than ``MIN_SIZE`` statements is no
proposal (the caller returns them to their best existing cluster). A proposal is named in
Dutch by its characteristic concepts (shared by most of its statements, rare among the others
given as context), through ``lexicon/concept_names.nl.txt``, or where the lexicon does not know
the subject by the Dutch words most of its Dutch statements share; a group without two such
names is no proposal either. Deterministic: input order breaks ties.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.concepts import dutch_names
from analysis.languages import SUPPORTED, guess_language
from analysis.sentence_vectors import shipped_centre
from analysis.vectors import Bag, Features, Featurizer, VectorIndex

CLOSE = 0.40  # every two statements of a proposal are at least this alike
MIN_SIZE = 3  # fewer statements alike are no theme
NAME_CONCEPTS = 3  # at most this many words in a name
NAME_MIN_CONCEPTS = 2  # a name needs at least this many characteristic concepts
MIN_CENTRE = 10  # vectors needed to know what all statements share
CONTEXT_SAMPLE = 2000  # statements of the part's context read for how spread a concept is
MEANING_WEIGHT = 0.5  # weight of meaning next to concepts where both are known
_NO_BAG = Bag.of([])


@dataclass(frozen=True)
class ProposedCluster:
    title: str  # Dutch words for its characteristic concepts, e.g. "Webcams, chantage, geld"
    keywords: tuple[str, ...]  # the same words, for the codebook if the facilitator keeps it
    members: tuple[int, ...]  # positions of its statements in the input


def propose_clusters(
    texts: Sequence[str],
    langs: Sequence[str | None] | None = None,
    vectors: Sequence[np.ndarray | None] | None = None,
    context: Sequence[str] = (),
    featurizer: Featurizer | None = None,
    centre: np.ndarray | None = None,
    context_langs: Sequence[str | None] | None = None,
) -> list[ProposedCluster]:
    """Proposed clusters of at least ``MIN_SIZE`` of ``texts`` (statements that fit no
    cluster), largest first; statements in none of them are left out.

    ``vectors``: each statement's kept sentence vector or None. ``centre``: what statements
    on the subject share (by default the mean of the shipped codebook's vectors, which does not
    change with the statements at hand; without those, the mean of ``vectors`` when there are
    enough). ``context``: other statements of the part, against which a concept counts as
    characteristic; ``context_langs`` their languages when known. A large part's context is
    a fixed, evenly spread sample of ``CONTEXT_SAMPLE`` statements: how widely a concept is
    spread is a share, and a sample tells it as well as all of them.
    """
    if len(texts) < MIN_SIZE:
        return []
    featurizer = featurizer or Featurizer()
    languages = [
        lang if lang in SUPPORTED else guess_language(text)
        for text, lang in zip(texts, langs or [None] * len(texts), strict=True)
    ]
    features = [featurizer.features(t, lang) for t, lang in zip(texts, languages, strict=True)]
    alike = _similarity(features, vectors, centre)
    groups = _complete_linkage(alike, CLOSE)
    concepts = [_concepts(f, featurizer) for f in features]
    context_langs = context_langs or [None] * len(context)
    step = max(1, -(-len(context) // CONTEXT_SAMPLE))
    background = [
        _concepts(
            featurizer.features(t, lang if lang in SUPPORTED else guess_language(t)), featurizer
        )
        for t, lang in list(zip(context, context_langs, strict=True))[::step]
    ]
    spread = Counter(c for found in concepts + background for c in found)
    total = len(concepts) + len(background)
    dutch_words = [
        _dutch_words(t, lang, featurizer) for t, lang in zip(texts, languages, strict=True)
    ]
    proposals = []
    for members in groups:
        if len(members) < MIN_SIZE:
            continue
        keywords = _name(members, concepts, spread, total, dutch_words)
        if len(keywords) < NAME_MIN_CONCEPTS:
            continue
        title = ", ".join(keywords)
        proposals.append(
            ProposedCluster(title[:1].upper() + title[1:], keywords, tuple(sorted(members)))
        )
    proposals.sort(key=lambda p: (-len(p.members), p.members[0]))
    return proposals


def similarity(
    texts: Sequence[str],
    langs: Sequence[str | None] | None = None,
    vectors: Sequence[np.ndarray | None] | None = None,
    centre: np.ndarray | None = None,
) -> np.ndarray:
    """How alike each two of ``texts`` are, as grouping sees it (for tests and benchmarks)."""
    featurizer = Featurizer()
    languages = [
        lang if lang in SUPPORTED else guess_language(text)
        for text, lang in zip(texts, langs or [None] * len(texts), strict=True)
    ]
    features = [featurizer.features(t, lang) for t, lang in zip(texts, languages, strict=True)]
    return _similarity(features, vectors, centre)


def _similarity(features, vectors, centre) -> np.ndarray:
    """Concepts (and pairs of concepts), averaged with centred meaning where both statements
    have a vector; meaning alone where both have a vector and one has no concept at all (a
    subject the concept lexicon does not know)."""
    meaningful = [Features(f.concepts, _NO_BAG, f.pairs) for f in features]
    index = VectorIndex(meaningful)
    by_concept = index.similarities(meaningful, surface_weight=0.0).astype(np.float64)
    by_concept = (by_concept + by_concept.T) / 2
    found = _centred(vectors, centre, len(features))
    if found is None:
        return by_concept
    matrix, known = found
    by_meaning = matrix @ matrix.T
    both = known[:, None] & known[None, :]
    has_concepts = np.array([len(f.concepts.ids) > 0 for f in features], dtype=bool)
    concepts_known = has_concepts[:, None] & has_concepts[None, :]
    blended = MEANING_WEIGHT * by_meaning + (1 - MEANING_WEIGHT) * by_concept
    return np.where(both, np.where(concepts_known, blended, by_meaning), by_concept)


def _centred(vectors, centre, count: int):
    """Unit vectors minus what all share (rows of zeros where a statement has none), and which
    statements have one; None when too few vectors are known to tell what all share."""
    if vectors is None:
        return None
    known = np.array([v is not None and len(v) > 0 for v in vectors], dtype=bool)
    if not known.any():
        return None
    width = len(next(v for v in vectors if v is not None and len(v) > 0))
    matrix = np.zeros((count, width), dtype=np.float64)
    for row, vector in enumerate(vectors):
        if known[row]:
            matrix[row] = vector
    if centre is None:
        centre = shipped_centre()
        if centre is None and known.sum() >= MIN_CENTRE:
            centre = matrix[known].mean(axis=0)
    if centre is None or len(centre) != width:
        return None
    matrix = np.where(known[:, None], matrix - np.asarray(centre, dtype=np.float64), 0.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0), known


def _complete_linkage(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups in which every two members are at least ``threshold`` alike: repeatedly join the
    two groups whose least alike members are most alike."""
    groups = [[i] for i in range(len(similarity))]
    link = similarity.astype(np.float64).copy()
    np.fill_diagonal(link, -np.inf)
    alive = np.ones(len(groups), dtype=bool)
    while True:
        masked = np.where(alive[:, None] & alive[None, :], link, -np.inf)
        best = int(np.argmax(masked))
        first, second = divmod(best, len(groups))
        if masked[first, second] < threshold:
            break
        first, second = min(first, second), max(first, second)
        groups[first] += groups[second]
        groups[second] = []
        alive[second] = False
        joined = np.minimum(link[first], link[second])
        link[first], link[:, first] = joined, joined
        link[first, first] = -np.inf
    return [sorted(g) for g in groups if g]


def _concepts(features: Features, featurizer: Featurizer) -> frozenset[str]:
    names = featurizer.names
    return frozenset(names[i][2:] for i in features.concepts.ids.tolist())


def _name(members, concepts, spread, total, dutch_words) -> tuple[str, ...]:
    """Dutch names of the concepts most of the group shares and the rest seldom has; where
    fewer than two concepts are shared (a subject the lexicon does not know), the Dutch words
    most of the group's Dutch statements share, as they wrote them."""
    counts = Counter(c for m in members for c in concepts[m])
    needed = max(2, math.ceil(len(members) / 2))
    names = dutch_names()

    def weight(concept: str) -> tuple[float, str]:
        rarity = math.log((total + 1) / (spread[concept] + 0.5))
        return (-counts[concept] * rarity, concept)

    shared = [c for c in counts if counts[c] >= needed and names.get(c)]
    chosen = [names[c] for c in sorted(shared, key=weight)[:NAME_CONCEPTS]]
    if len(chosen) < NAME_MIN_CONCEPTS:
        written = Counter(w for m in members for w in dict.fromkeys(dutch_words[m]))
        chosen += [w for w, n in written.most_common() if n >= needed]
    return tuple(dict.fromkeys(chosen))[:NAME_CONCEPTS]


def _dutch_words(text: str, lang: str, featurizer: Featurizer) -> list[str]:
    """Words of a Dutch statement that carry meaning and no known concept, as written (no
    function words, none shorter than three letters)."""
    if lang != "nl":
        return []
    found = []
    for raw in text.split():
        word = raw.strip(".,;:!?()[]\"'“”‘’«»…-–—/")
        folded = featurizer.words(word, "nl")
        if len(word) >= 3 and folded and not featurizer.lexicon.of_word(folded[0], "nl"):
            found.append(word.lower())
    return found
