"""Issue 9, fifth round: three ideas scored on the development folds with the signals' weights
(and any threshold) fitted inside each fold on the other folds (nested), as in
``bench/assign_nested.py``. Development data only: the frozen split is never read (only its ids,
to leave those quotes and their translations out, as ``bench/assign.py`` does).

    .venv/bin/python bench/assign_round5.py [--folds 5] [--keep-vectors FILE]

1. multilingual examples: the development translations (``data/assign-{en,pl,ro,uk}.jsonl``) of
   the quotes outside the held-out fold as extra examples of their clusters, beside the Dutch
   ones (a statement's own translations are in its fold, so never its examples): in every
   signal, in the sentence-vector signals only, or in the words signal only;
2. a per-cluster prior from the part's distribution (the share of the part's training quotes
   the work group put in each cluster, smoothed, linear or log) as an extra signal;
3. a tie-breaker: when the best two clusters' combined scores differ by less than a margin, the
   one whose nearest example (sentence vectors) is closer goes first; the margin is chosen on
   the other folds (grid), and the same for places 3 and 4 (top-3).

Prints top-1/top-3 (statements right) for Dutch and the translations together.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assign import Data, examples_of  # noqa: E402
from assign_nested import (  # noqa: E402
    SIGNALS,
    experiment_setup,
    fit,
    fold_split,
    nested,
    report,
    signal_rows,
    standardised,
)

from analysis import assignment  # noqa: E402
from analysis.assignment import Assigner  # noqa: E402
from analysis.codebook_formats import load_default_codebook  # noqa: E402
from analysis.sentence_vectors import VectorCache  # noqa: E402

MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0)


def signals_of(assigner: Assigner, chapter: str, tests, vectors) -> dict[str, np.ndarray]:
    part = assigner._parts[chapter]
    features = [assigner.featurizer.features(t["text"], t["lang"]) for t in tests]
    found = {"words": assigner._scores(part, features)}
    found["size"] = np.broadcast_to(part.prior, found["words"].shape)
    found.update(assignment._meaning(part, vectors))
    return found


def dump(data: Data, codebook, folds: int, cache: VectorCache) -> list[dict]:
    ordered = sorted(data.dev, key=lambda q: q["id"])
    rows = []
    for fold in range(folds):
        held, train, translations, tests = fold_split(data, ordered, folds, fold)
        assert not held & {s["id"] for s in translations}
        today = Assigner(codebook.with_examples(examples_of(train)), vectors=cache)
        more = Assigner(codebook.with_examples(examples_of(train + translations)), vectors=cache)
        groups = {}  # (cluster, text) -> the id of the quote it is (a version of)
        for q in train + translations:
            groups[(q["cluster"], q["text"])] = q["id"]
        vectors = cache.vectors([t["text"] for t in tests])
        for chapter in sorted({t["chapter"] for t in tests}):
            idx = [i for i, t in enumerate(tests) if t["chapter"] == chapter]
            mine = [tests[i] for i in idx]
            found = signals_of(today, chapter, mine, vectors[idx])
            for name, value in signals_of(more, chapter, mine, vectors[idx]).items():
                found[name + "+tr"] = value
            found.update(grouped(today, more, chapter, mine, vectors[idx], cache, groups))
            numbers = today._parts[chapter].numbers
            counts = np.array([sum(q["cluster"] == n for q in train) for n in numbers], float)
            share = (counts + 0.5) / (counts.sum() + 0.5 * len(counts))
            found["share"] = np.broadcast_to(share, found["words"].shape)
            found["logshare"] = np.broadcast_to(np.log(share), found["words"].shape)
            rows += signal_rows(fold, chapter, tests, idx, numbers, found)
    return rows


def grouped(today, more, chapter, tests, vectors, cache, groups) -> dict[str, np.ndarray]:
    """The words, nearest and closest signals with each quote and its translations as one
    example (its similarity: the best of its versions), so that one quote in five languages
    does not fill a cluster's nearest two."""
    part, wide = today._parts[chapter], more._parts[chapter]
    clusters = [more.codebook.cluster(n) for n in wide.numbers]
    features = [more.featurizer.features(t["text"], t["lang"]) for t in tests]
    similarity = wide.index.similarities(features, assignment.SURFACE_WEIGHT)
    words = np.zeros((len(tests), len(clusters)))
    nearest = np.full((len(tests), len(clusters)), np.nan)
    closest = np.full((len(tests), len(clusters)), -1.0)
    for column, cluster in enumerate(clusters):
        profile = similarity[:, wide.profiles[column]]
        if not cluster.examples:
            words[:, column] = profile
            continue
        ids = [groups[(cluster.number, t)] for t in cluster.examples]
        distinct = sorted(set(ids))
        docs = wide.examples[column, : len(ids)]
        by_words = _group_max(similarity[:, docs], ids, distinct)
        by_meaning = _group_max(vectors @ cache.vectors(list(cluster.examples)).T, ids, distinct)
        words[:, column] = 0.5 * profile + 0.5 * _top_mean(by_words)
        nearest[:, column] = _top_mean(by_meaning)
        closest[:, column] = by_meaning.max(axis=1)
    words += assignment.PRIOR_WEIGHT * part.prior
    floor = np.nanmin(nearest, axis=1, keepdims=True)
    nearest = np.where(np.isnan(nearest), floor, nearest)
    return {"words+grp": words, "nearest+grp": nearest, "closest+grp": closest}


def _group_max(matrix, ids, distinct) -> np.ndarray:
    return np.stack(
        [matrix[:, [k for k, i in enumerate(ids) if i == g]].max(axis=1) for g in distinct], 1
    )


def _top_mean(matrix) -> np.ndarray:
    width = min(assignment.NEAREST, matrix.shape[1])
    return -np.sort(-matrix, axis=1)[:, :width].mean(axis=1)


def swapped(order: list[int], combined, breaker, first: int, margin: float) -> list[int]:
    """``order`` with places ``first`` and ``first + 1`` swapped when their combined scores
    differ by less than ``margin`` and the second one's tie-breaker is higher."""
    order = list(order)
    a, b = order[first], order[first + 1]
    if combined[a] - combined[b] < margin and breaker[b] > breaker[a]:
        order[first], order[first + 1] = b, a
    return order


def reranked(combined, breaker, margins) -> list[int]:
    """The best four of ``combined`` with places 1/2, then 3/4, broken by ``breaker`` within
    ``margins``."""
    order = np.argsort(-combined, kind="stable")[:4].tolist()
    order = swapped(order, combined, breaker, 0, margins[0])
    if len(order) > 3:
        order = swapped(order, combined, breaker, 2, margins[1])
    return order[:3]


def tie_break(rows, folds: int, label: str, breaker_name: str = "closest") -> None:
    """Weights refit nested; then the margins for places 1/2 and 3/4 chosen on the other folds."""
    matrices, gold = standardised(rows, SIGNALS), [r["gold"] for r in rows]
    breaker = [r["signals"][breaker_name] for r in rows]
    predicted: list = [None] * len(rows)
    chosen = []
    for fold in range(folds):
        train = [i for i, r in enumerate(rows) if r["fold"] != fold]
        weights = fit([matrices[i] for i in train], [gold[i] for i in train])
        combined = [weights @ m for m in matrices]

        def right(margins, combined=combined, train=train) -> int:
            found = [reranked(combined[i], breaker[i], margins) for i in train]
            return sum(
                (o[0] == gold[i]) + (gold[i] in o) for o, i in zip(found, train, strict=True)
            )

        best = max(
            ((m1, m3) for m1 in MARGINS for m3 in MARGINS),
            key=lambda m: (right(m), -m[0] - m[1]),
        )
        chosen.append(best)
        for i, row in enumerate(rows):
            if row["fold"] == fold:
                predicted[i] = reranked(combined[i], breaker[i], best)
    margins = ", ".join(f"{a:g}/{b:g}" for a, b in chosen)
    report(label, rows, predicted)
    print(f"      margins chosen per fold (places 1/2, 3/4): {margins}")


def language_pull(data: Data, folds: int, cache: VectorCache) -> None:
    """Why translations as examples hurt: how often a statement's nearest example of its part
    (sentence vectors) is in its own language, against that language's share of the examples,
    and how often that nearest example is of the right cluster: with translations, with those
    in the statement's own language left out, and with Dutch examples only."""
    ordered = sorted(data.dev, key=lambda q: q["id"])
    stats: dict[str, list[float]] = {}
    for fold in range(folds):
        _, train, translations, tests = fold_split(data, ordered, folds, fold)
        dutch = [dict(q, lang="nl") for q in train]
        pool = dutch + translations
        for test in tests:
            vector = cache.vectors([test["text"]])[0]
            both = [e for e in pool if e["chapter"] == test["chapter"]]
            alone = [e for e in dutch if e["chapter"] == test["chapter"]]
            near = both[int(np.argmax(cache.vectors([e["text"] for e in both]) @ vector))]
            other = [e for e in both if e["lang"] != test["lang"] or e["lang"] == "nl"]
            near_other = other[int(np.argmax(cache.vectors([e["text"] for e in other]) @ vector))]
            near_nl = alone[int(np.argmax(cache.vectors([e["text"] for e in alone]) @ vector))]
            row = stats.setdefault("Dutch" if test["lang"] == "nl" else "translations", [0] * 6)
            row[0] += 1
            row[1] += near["lang"] == test["lang"]
            row[2] += sum(e["lang"] == test["lang"] for e in both) / len(both)
            row[3] += near["cluster"] == test["cluster"]
            row[4] += near_other["cluster"] == test["cluster"]
            row[5] += near_nl["cluster"] == test["cluster"]
    for group, (n, same, share, right, right_other, right_nl) in stats.items():
        print(
            f"   {group}: nearest example in the own language {same / n:.2f} (share of the "
            f"examples {share / n:.2f}); of the right cluster {right / n:.2f} with translations, "
            f"{right_other / n:.2f} without those in its own language (Dutch: all), "
            f"{right_nl / n:.2f} with Dutch examples only"
        )


def main() -> int:
    args, cache = experiment_setup(__doc__)
    if cache is None:
        return 1
    data = Data()
    rows = dump(data, load_default_codebook(), args.folds, cache)
    shipped = assignment.settings()["weights"]["meaning"]
    print(f"development ({args.folds} folds), top-1/top-3 (statements right)")
    nested(rows, SIGNALS, args.folds, "today, shipped weights", shipped)
    nested(rows, SIGNALS, args.folds, "today, weights refit nested")
    print("1. multilingual examples")
    meaning = ("title", "nearest", "closest", "keywords")
    both = [n if n == "size" else n + "+tr" for n in SIGNALS]
    nested(rows, both, args.folds, "   translations as examples, every signal")
    nested(rows, [n + "+tr" for n in SIGNALS], args.folds, "   ... size counting them too")
    only_vectors = [n + "+tr" if n in meaning else n for n in SIGNALS]
    nested(rows, only_vectors, args.folds, "   ... sentence-vector signals only")
    only_words = [n + "+tr" if n == "words" else n for n in SIGNALS]
    nested(rows, only_words, args.folds, "   ... words signal only")
    nested(rows, SIGNALS + ["closest+tr"], args.folds, "   ... their closest as extra signal")
    grp = [n + "+grp" if n in ("words", "nearest", "closest") else n for n in SIGNALS]
    nested(rows, grp, args.folds, "   a quote and its translations as one example")
    grp_v = [n + "+grp" if n in ("nearest", "closest") else n for n in SIGNALS]
    nested(rows, grp_v, args.folds, "   ... sentence-vector signals only")
    check = [n + "+grp" if n == "words" else n for n in SIGNALS]
    nested(rows, check, args.folds, "   ... words signal only")
    language_pull(data, args.folds, cache)
    print("2. prior from the part's distribution")
    nested(rows, SIGNALS + ["share"], args.folds, "   share as extra signal")
    nested(rows, SIGNALS + ["logshare"], args.folds, "   log share as extra signal")
    replaced = ["logshare" if n == "size" else n for n in SIGNALS]
    nested(rows, replaced, args.folds, "   log share instead of size")
    print("3. tie-breaker on the nearest example")
    tie_break(rows, args.folds, "   closest example")
    tie_break(rows, args.folds, "   nearest two examples", "nearest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
