"""Issue 9, sixth round: per-language centring of the sentence vectors, scored on the development
folds with the signals' weights refit inside each fold on the other folds (nested), as in
``bench/assign_nested.py``. Development data only: the frozen split is never read (only its ids,
to leave those quotes and their translations out, as ``bench/assign.py`` does).

    .venv/bin/python bench/assign_round6.py [--folds 5] [--keep-vectors FILE]

Round 5 found that sentence vectors pull a statement towards text in its own language. Here the
vectors are moved before the cosine, with the mean vector of the statement's language taken from:

- T (transductive): the fold's test statements of that language (all parts), i.e. the
  statements being assigned in the same consultation;
- S (shipped sample): development data outside the held-out fold only: its Dutch quotes for
  Dutch, the translations of its quotes for en, pl, ro, uk;
- P (parallel offset): the same translations minus their own Dutch originals (the language's
  direction with the subject cancelled), so s - (mean of L - mean of Dutch);
- C (codebook offset): the default codebook's titles, which are parallel in all nine locales:
  s - (mean of the titles in L - mean of the Dutch titles); needs no data at all.

and applied as:

- shift: the statement only, moved to Dutch: s - mu_L + mu_nl (Dutch statements unchanged);
- stmt: the statement only, centred: s - mu_L (Dutch statements centred too);
- both: s - mu_L and the codebook's side centred on its own language's mean (Dutch examples on
  mu_nl, titles on their locale's title mean, keywords on the keywords' mean);
- both, examples only: s - mu_L and the examples on mu_nl, titles and keywords as they are.

Every vector is made unit length again after the move. Each variant's four sentence-vector
signals (title, nearest, closest, keywords) replace today's, or stand beside them; the weights are
refit nested either way. Then round 5's multilingual examples (the development translations of the
other folds' quotes as examples, in the sentence-vector signals only) with the examples moved by
their own language's mean too. Also, to see whether centring does what it is meant to: how often
the cluster of a statement's nearest example is right, and how often a translated statement's
nearest statement of another quote in its fold is in its own language.

Prints top-1/top-3 (statements right) for Dutch and the translations together.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assign import Data, examples_of  # noqa: E402
from assign_nested import SIGNALS, experiment_setup, fold_split, nested, signal_rows  # noqa: E402

from analysis import assignment  # noqa: E402
from analysis.assignment import Assigner  # noqa: E402
from analysis.codebook_formats import load_default_codebook  # noqa: E402
from analysis.sentence_vectors import VectorCache  # noqa: E402

MEANING = ("title", "nearest", "closest", "keywords")


def unit(matrix: np.ndarray) -> np.ndarray:
    matrix = np.atleast_2d(matrix)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def codebook_means(codebook, cache) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Per locale the mean of the clusters' titles in it; the mean of all keywords."""
    by_locale: dict[str, list[str]] = {}
    keywords: list[str] = []
    for part in codebook.parts:
        for cluster in part.clusters:
            for locale, title in cluster.titles.items():
                by_locale.setdefault(locale, []).append(title)
            keywords.extend(cluster.keywords)
    titles = {loc: cache.vectors(texts).mean(axis=0) for loc, texts in by_locale.items()}
    return titles, cache.vectors(keywords).mean(axis=0)


def sources(tests, vectors, train, translations, cache, title_mean) -> dict[str, dict]:
    """Per source: {"mean": {lang: vector}} or {"offset": {lang: vector}}."""
    langs = sorted({t["lang"] for t in tests})
    transductive = {
        lang: vectors[[i for i, t in enumerate(tests) if t["lang"] == lang]].mean(axis=0)
        for lang in langs
    }
    shipped = {"nl": cache.vectors([q["text"] for q in train]).mean(axis=0)}
    parallel = {"nl": np.zeros_like(shipped["nl"])}
    originals = {q["id"]: q["text"] for q in train}
    for lang in langs:
        if lang == "nl":
            continue
        own = [s for s in translations if s["lang"] == lang]
        shipped[lang] = cache.vectors([s["text"] for s in own]).mean(axis=0)
        dutch = cache.vectors([originals[s["id"]] for s in own]).mean(axis=0)
        parallel[lang] = shipped[lang] - dutch
    by_titles = {lang: title_mean[lang] - title_mean["nl"] for lang in langs}
    return {
        "T": {"mean": transductive},
        "S": {"mean": shipped},
        "P": {"offset": parallel},
        "C": {"offset": by_titles},
    }


def moved(vectors, langs, source: dict, mode: str) -> np.ndarray:
    rows = []
    for vector, lang in zip(vectors, langs, strict=True):
        if "offset" in source:
            rows.append(vector - source["offset"][lang])
        elif mode == "shift":
            rows.append(vector - source["mean"][lang] + source["mean"]["nl"])
        else:
            rows.append(vector - source["mean"][lang])
    return unit(np.vstack(rows))


def codebook_side(part, assigner, source, mode, title_mean, keyword_mean):
    """The part with its examples (and titles and keywords) centred, for the "both" modes."""
    if mode not in ("both", "both-examples"):
        return part
    centre = source["mean"]["nl"]
    examples = [unit(v - centre) if len(v) else v for v in part.example_vectors]
    if mode == "both-examples":
        return replace(part, example_vectors=examples)
    titles = []
    for number, vectors in zip(part.numbers, part.title_vectors, strict=True):
        locales = list(assigner.codebook.cluster(number).titles)
        titles.append(
            unit(np.vstack([v - title_mean[loc] for v, loc in zip(vectors, locales, strict=True)]))
        )
    keywords = [unit(v - keyword_mean) if len(v) else v for v in part.keyword_vectors]
    return replace(part, example_vectors=examples, title_vectors=titles, keyword_vectors=keywords)


VARIANTS = [
    (src, mode) for src in ("T", "S") for mode in ("shift", "stmt", "both", "both-examples")
] + [("P", "shift"), ("C", "shift")]
# with the translations of the other folds' quotes as examples too (round 5's idea 1, which
# lost because of the pull towards the own language), in the sentence-vector signals only
WITH_TRANSLATIONS = [
    ("-", "none"),
    ("T", "shift"),
    ("S", "shift"),
    ("P", "shift"),
    ("C", "shift"),
    ("T", "both-examples"),
    ("S", "both-examples"),
]


def multilingual_side(part, assigner, source, mode, lang_of):
    """``part`` of an assigner whose examples include translations, with every example moved by
    its own language's mean (shift: towards Dutch; both-examples: centred)."""
    if mode == "none":
        return part
    examples = []
    for number, vectors in zip(part.numbers, part.example_vectors, strict=True):
        texts = list(assigner.codebook.cluster(number).examples)
        if not len(vectors):
            examples.append(vectors)
            continue
        langs = [lang_of[t] for t in texts]
        examples.append(moved(vectors, langs, source, "stmt" if mode != "shift" else "shift"))
    return replace(part, example_vectors=examples)


def dump(data: Data, codebook, folds: int, cache: VectorCache, pull: dict) -> list[dict]:
    title_mean, keyword_mean = codebook_means(codebook, cache)
    ordered = sorted(data.dev, key=lambda q: q["id"])
    rows = []
    for fold in range(folds):
        _, train, translations, tests = fold_split(data, ordered, folds, fold)
        assigner = Assigner(codebook.with_examples(examples_of(train)), vectors=cache)
        more = Assigner(codebook.with_examples(examples_of(train + translations)), vectors=cache)
        lang_of = {q["text"]: "nl" for q in train} | {s["text"]: s["lang"] for s in translations}
        vectors = cache.vectors([t["text"] for t in tests])
        langs = [t["lang"] for t in tests]
        found_sources = sources(tests, vectors, train, translations, cache, title_mean)
        variants = {
            f"{src} {mode}": (moved(vectors, langs, found_sources[src], mode), src, mode)
            for src, mode in VARIANTS
        }
        originals(tests, {"today": vectors} | {k: v[0] for k, v in variants.items()}, pull)
        for chapter in sorted({t["chapter"] for t in tests}):
            idx = [i for i, t in enumerate(tests) if t["chapter"] == chapter]
            part = assigner._parts[chapter]
            features = [assigner.featurizer.features(tests[i]["text"], langs[i]) for i in idx]
            found = {"words": assigner._scores(part, features)}
            found["size"] = np.broadcast_to(part.prior, found["words"].shape)
            found.update(assignment._meaning(part, vectors[idx]))
            for name, (mine, src, mode) in variants.items():
                side = codebook_side(
                    part, assigner, found_sources[src], mode, title_mean, keyword_mean
                )
                for signal, value in assignment._meaning(side, mine[idx]).items():
                    found[f"{signal}+{name}"] = value
            for src, mode in WITH_TRANSLATIONS:
                name = f"{src} {mode}"
                mine = vectors if src == "-" else variants[name][0]
                side = multilingual_side(
                    more._parts[chapter], more, found_sources.get(src), mode, lang_of
                )
                for signal, value in assignment._meaning(side, mine[idx]).items():
                    found[f"{signal}+{name}+tr"] = value
            rows += signal_rows(fold, chapter, tests, idx, part.numbers, found)
    return rows


def originals(tests, by_variant: dict[str, np.ndarray], pull: dict) -> None:
    """Per variant: [translated statements, whose nearest Dutch test statement of the fold is
    their own original, whose nearest test statement of another quote (any language) is in
    their own language, that language's share of those statements]."""
    dutch = [i for i, t in enumerate(tests) if t["lang"] == "nl"]
    foreign = [i for i, t in enumerate(tests) if t["lang"] != "nl"]
    for name, vectors in by_variant.items():
        row = pull.setdefault(name, [0, 0, 0, 0.0])
        for i in foreign:
            to_dutch = vectors[dutch] @ vectors[i]
            row[0] += 1
            row[1] += tests[dutch[int(np.argmax(to_dutch))]]["id"] == tests[i]["id"]
            others = [j for j in range(len(tests)) if tests[j]["id"] != tests[i]["id"]]
            nearest = others[int(np.argmax(vectors[others] @ vectors[i]))]
            row[2] += tests[nearest]["lang"] == tests[i]["lang"]
            row[3] += sum(tests[j]["lang"] == tests[i]["lang"] for j in others) / len(others)


def main() -> int:
    args, cache = experiment_setup(__doc__)
    if cache is None:
        return 1
    pull: dict = {}
    rows = dump(Data(), load_default_codebook(), args.folds, cache, pull)
    shipped = assignment.settings()["weights"]["meaning"]
    print(f"development ({args.folds} folds), top-1/top-3 (statements right)")
    nested(rows, SIGNALS, args.folds, "today, shipped weights", shipped)
    nested(rows, SIGNALS, args.folds, "today, weights refit nested")
    for src, mode in VARIANTS:
        name = f"{src} {mode}"
        names = [f"{n}+{name}" if n in MEANING else n for n in SIGNALS]
        nested(rows, names, args.folds, f"{name}: centred signals instead")
        nested(
            rows, SIGNALS + [f"{n}+{name}" for n in MEANING], args.folds, "   ... beside today's"
        )
    print("with the translations of the other folds' quotes as examples (vector signals only)")
    for src, mode in WITH_TRANSLATIONS:
        name = f"{src} {mode}"
        names = [f"{n}+{name}+tr" if n in MEANING else n for n in SIGNALS]
        nested(rows, names, args.folds, f"   {name}")
    print("cluster of the nearest example (sentence vectors) right, Dutch / translations")
    closest = ["closest"] + [f"closest+{src} {mode}" for src, mode in VARIANTS]
    closest += [f"closest+{src} {mode}+tr" for src, mode in WITH_TRANSLATIONS]
    for name in closest:
        shares = []
        for dutch in (True, False):
            chosen = [r for r in rows if (r["lang"] == "nl") == dutch]
            right = sum(int(np.argmax(r["signals"][name])) == r["gold"] for r in chosen)
            shares.append(f"{right / len(chosen):.2f}")
        print(f"   {name:<30} {' / '.join(shares)}")
    print("translated statements: nearest Dutch statement of the fold is its original / nearest")
    print("statement of another quote (any language) is in its own language (its share)")
    for name, (n, own, same, share) in pull.items():
        print(f"   {name:<20} {own / n:.2f} ({own}/{n})   {same / n:.2f} ({share / n:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
