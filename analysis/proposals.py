"""New clusters proposed for statements that fit no cluster of the codebook well.

Such statements are grouped with each other rather than forced into a cluster: each joins the
proposed group it is most similar to (concepts and words, as in assignment), or starts a new
one. A group is named by its characteristic words: frequent in the group, rare elsewhere,
in the form participants wrote them. Deterministic: input order decides ties.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.concepts import fold
from analysis.languages import SUPPORTED, guess_language
from analysis.vectors import Featurizer, VectorIndex

JOIN_THRESHOLD = 0.15  # mean similarity to a group's members needed to join it
SURFACE_WEIGHT = 2.0
NAME_WORDS = 3


@dataclass(frozen=True)
class ProposedCluster:
    title: str  # characteristic words, e.g. "Webcams, chantage, betaalverzoeken"
    keywords: tuple[str, ...]  # the same words, for the codebook if the facilitator keeps it
    members: tuple[int, ...]  # positions of its statements in the input


def propose_clusters(
    texts: Sequence[str],
    langs: Sequence[str | None] | None = None,
    featurizer: Featurizer | None = None,
    threshold: float = JOIN_THRESHOLD,
) -> list[ProposedCluster]:
    """Group ``texts`` (statements that fit no cluster) into proposed clusters, largest first."""
    if not texts:
        return []
    featurizer = featurizer or Featurizer()
    languages = [
        lang if lang in SUPPORTED else guess_language(text)
        for text, lang in zip(texts, langs or [None] * len(texts), strict=True)
    ]
    features = [featurizer.features(t, lang) for t, lang in zip(texts, languages, strict=True)]
    index = VectorIndex(features)
    similarity = np.vstack([index.similarity(f, SURFACE_WEIGHT) for f in features])
    similarity = (similarity + similarity.T) / 2
    groups: list[list[int]] = []
    for position in range(len(texts)):
        best, best_score = None, -1.0
        for number, members in enumerate(groups):
            score = float(similarity[position, members].mean())
            if score >= threshold and score > best_score:
                best, best_score = number, score
        if best is None:
            groups.append([position])
        else:
            groups[best].append(position)
    words = [featurizer.words(t, lang) for t, lang in zip(texts, languages, strict=True)]
    surface = _surface_forms(texts)
    spread = Counter(w for ws in words for w in set(ws))
    proposals = []
    for members in groups:
        keywords = _characteristic(members, words, spread, len(texts), surface)
        title = ", ".join(keywords)
        proposals.append(ProposedCluster(title[:1].upper() + title[1:], keywords, tuple(members)))
    proposals.sort(key=lambda p: (-len(p.members), p.members[0]))
    return proposals


def _characteristic(members, words, spread, total, surface) -> tuple[str, ...]:
    counts = Counter(w for m in members for w in set(words[m]))

    def weight(word: str) -> tuple[float, int, str]:
        rarity = math.log((total + 1) / (spread[word] + 0.5))
        return (-(counts[word] * rarity + 0.01 * len(word)), -counts[word], word)

    chosen = sorted(counts, key=weight)[:NAME_WORDS]
    return tuple(surface.get(w, w) for w in chosen)


def _surface_forms(texts: Sequence[str]) -> dict[str, str]:
    """Folded word -> the way it was most often written (keeps accents and capitals of names)."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for raw in text.split():
            word = raw.strip(".,;:!?()[]\"'“”‘’«»…-–—/")
            if word:
                seen.setdefault(fold(word), Counter())[word] += 1
    return {
        key: max(forms, key=lambda f: (forms[f], f.islower(), f)) for key, forms in seen.items()
    }
