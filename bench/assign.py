"""Benchmark of automatic cluster assignment: agreement with the work group, "fits nothing",
speed, memory.

    .venv/bin/python bench/assign.py [--folds 5] [--no-vectors]

Three settings, side by side (top-1 / top-3 per language and part):

- development: the 2022 quotes minus the frozen split, in folds (every k-th quote, so each fold
  spans all clusters); each fold is assigned with the other folds' quotes as examples; the
  translated development samples (``bench/data/assign-*.jsonl``, minus frozen ids) in the same
  folds, so neither a quote nor its Dutch original is ever an example for itself;
- frozen Dutch: ``bench/data/frozen/assign-nl.jsonl`` assigned with all development quotes
  as examples (the frozen quotes are never examples);
- frozen translations: ``bench/data/frozen/assign-{en,pl,ro,uk}.jsonl``, the same way.

For the frozen split only aggregate figures are printed, never a case.

"Fits nothing" is measured by leaving clusters out: in each of a few rounds every k-th
cluster (and its examples) is removed from the codebook; the frozen statements of a removed
cluster have nothing that fits. Precision: of the statements the assigner says fit nothing,
the share that indeed lost their cluster; recall: of those that lost it, the share flagged.
Also the rate at which statements whose cluster is there are flagged.

Then the time to assign 10,000 stored statements (vectors computed beforehand, as stored),
the one-time cost of computing vectors, and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import assignment  # noqa: E402
from analysis.assignment import Assigner  # noqa: E402
from analysis.codebook import Codebook  # noqa: E402
from analysis.codebook_formats import load_default_codebook  # noqa: E402
from analysis.sentence_vectors import VectorCache, encoder  # noqa: E402

DATA = ROOT / "bench" / "data"
QUOTES = DATA / "quotes-2022.jsonl"
FROZEN = DATA / "frozen"
TRANSLATIONS = ("en", "pl", "ro", "uk")
LEAVE_OUT_ROUNDS = 4


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


class Data:
    """The development quotes and samples, and the frozen split (never printed case by case)."""

    def __init__(self) -> None:
        frozen_nl = read_jsonl(FROZEN / "assign-nl.jsonl")
        self.frozen_ids = {q["id"] for q in frozen_nl}
        self.dev = [q for q in read_jsonl(QUOTES) if q["id"] not in self.frozen_ids]
        self.dev_samples = [
            s
            for lang in TRANSLATIONS
            for s in read_jsonl(DATA / f"assign-{lang}.jsonl")
            if s["id"] not in self.frozen_ids
        ]
        self.frozen = [dict(q, lang="nl") for q in frozen_nl] + [
            s for lang in TRANSLATIONS for s in read_jsonl(FROZEN / f"assign-{lang}.jsonl")
        ]


def examples_of(quotes) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for q in quotes:
        found[q["cluster"]].append(q["text"])
    return found


def tally_into(tally, tests, found) -> None:
    for test, got in zip(tests, found, strict=True):
        for part in (test["chapter"], "all"):
            row = tally[(test["lang"], part)]
            row[0] += 1
            row[1] += got.clusters[:1] == [test["cluster"]]
            row[2] += test["cluster"] in got.clusters
            row[3] += not got.fits
            row[4] += (not got.fits) and got.clusters[:1] != [test["cluster"]]


def development(data: Data, codebook: Codebook, build, folds: int):
    tally = defaultdict(lambda: [0, 0, 0, 0, 0])
    ordered = sorted(data.dev, key=lambda q: q["id"])
    for fold in range(folds):
        held = {q["id"] for i, q in enumerate(ordered) if i % folds == fold}
        assigner = build(codebook, examples_of(q for q in ordered if q["id"] not in held))
        tests = [dict(q, lang="nl") for q in ordered if q["id"] in held]
        tests += [s for s in data.dev_samples if s["id"] in held]
        tally_into(tally, tests, assigner.assign_many(_items(tests)))
    return tally


def frozen(data: Data, codebook: Codebook, build):
    tally = defaultdict(lambda: [0, 0, 0, 0, 0])
    assigner = build(codebook, examples_of(data.dev))
    tally_into(tally, data.frozen, assigner.assign_many(_items(data.frozen)))
    return tally


def _items(tests) -> list[tuple[str, str, str]]:
    return [(t["text"], t["chapter"], t["lang"]) for t in tests]


def leave_clusters_out(tests, examples, codebook: Codebook, build) -> dict[str, list[int]]:
    """Per language (and "all"): [flagged, flagged that lost their cluster, lost their cluster,
    kept, kept but flagged] over ``tests``, in rounds that each remove every k-th cluster of
    each part."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for round_ in range(LEAVE_OUT_ROUNDS):
        removed = set()
        for part in codebook.parts:
            numbers = [c.number for c in part.clusters]
            removed |= {n for i, n in enumerate(numbers) if i % LEAVE_OUT_ROUNDS == round_}
        smaller = codebook
        for number in sorted(removed):
            smaller = smaller.removed(number)
        assigner = build(smaller, examples_of(q for q in examples if q["cluster"] not in removed))
        found = assigner.assign_many(_items(tests))
        for test, got in zip(tests, found, strict=True):
            gone = test["cluster"] in removed
            for key in (test["lang"], "all"):
                row = tally[key]
                row[0] += not got.fits
                row[1] += (not got.fits) and gone
                row[2] += gone
                row[3] += not gone
                row[4] += (not got.fits) and not gone
    return tally


def leave_clusters_out_folds(data: Data, codebook: Codebook, build, folds: int):
    """``leave_clusters_out`` on the development folds: each fold's quotes and their
    translations, with the other folds' quotes as examples."""
    ordered = sorted(data.dev, key=lambda q: q["id"])
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for fold in range(folds):
        held = {q["id"] for i, q in enumerate(ordered) if i % folds == fold}
        tests = [dict(q, lang="nl") for q in ordered if q["id"] in held]
        tests += [s for s in data.dev_samples if s["id"] in held]
        found = leave_clusters_out(
            tests, [q for q in ordered if q["id"] not in held], codebook, build
        )
        for key, row in found.items():
            tally[key] = [a + b for a, b in zip(tally[key], row, strict=True)]
    return tally


def print_unfit(columns: dict[str, dict[str, list[int]]]) -> None:
    """Precision and recall of "fits nothing", and the rate of flagging a statement whose
    cluster is there, per language, side by side."""
    names = list(columns)
    print(f'"fits nothing" with clusters left out ({LEAVE_OUT_ROUNDS} rounds)')
    print(f"{'lang':<6}" + "".join(f"{n:>30}" for n in names))
    print(" " * 6 + "".join(f"{'flagged  prec  recall  there':>30}" for _ in names))
    keys = sorted(
        {k for t in columns.values() for k in t}, key=lambda k: (k == "all", k != "nl", k)
    )
    for key in keys:
        cells = []
        for name in names:
            row = columns[name].get(key)
            if not row:
                cells.append(f"{'-':>30}")
                continue
            flagged, right, lost, kept, kept_flagged = row
            cells.append(
                f"{flagged:>10}{right / max(1, flagged):>6.2f}{right / max(1, lost):>8.2f}"
                f"{kept_flagged / max(1, kept):>6.2f}"
            )
        print(f"{key:<6}" + "".join(cells))


def print_side_by_side(columns: dict[str, dict]) -> None:
    names = list(columns)
    print(f"{'lang':<6}{'part':<6}" + "".join(f"{n:>26}" for n in names))
    print(" " * 12 + "".join(f"{'n  top-1 top-3 unfit':>26}" for _ in names))
    keys = sorted(
        {k for tally in columns.values() for k in tally},
        key=lambda k: (k[0] != "nl", k[0], k[1] == "all", k[1]),
    )
    for key in keys:
        cells = []
        for name in names:
            row = columns[name].get(key)
            cells.append(_cell(row) if row else f"{'-':>26}")
        print(f"{key[0]:<6}{key[1]:<6}" + "".join(cells))
    for name in names:
        rows = [r for k, r in columns[name].items() if k[0] != "nl" and k[1] == "all"]
        if rows:
            total = [sum(c) for c in zip(*rows, strict=True)]
            print(f"{name}: all translations together {_cell(total).strip()}")


def _cell(row) -> str:
    n, one, three, unfit = row[:4]
    return f"{n:>8}{one / n:>6.2f}{three / n:>6.2f}{unfit / n:>6.2f}"


def timing(data: Data, codebook: Codebook, build, cache, count: int = 10_000) -> None:
    pool = [(q["text"], q["chapter"], "nl") for q in data.dev] + [
        (s["text"], s["chapter"], s["lang"]) for s in data.dev_samples
    ]
    items = [pool[i % len(pool)] for i in range(count)]
    stored = None
    if cache is not None:
        fresh = VectorCache(cache.encoder, shipped=False)
        started = time.perf_counter()
        unique = fresh.vectors([text for text, _, _ in pool])
        spent = time.perf_counter() - started
        print(
            f"vectors computed once: {len(pool)} statements in {spent:.1f} s "
            f"({1000 * spent / len(pool):.0f} ms each; 10,000 statements: about "
            f"{spent / len(pool) * count / 60:.1f} min, once, as answers come in)"
        )
        stored = np.vstack([unique[i % len(pool)] for i in range(count)])
    started = time.perf_counter()
    assigner = build(codebook, examples_of(data.dev))
    built = time.perf_counter()
    assigner.assign_many(items, vectors=stored)
    done = time.perf_counter()
    print(
        f"assigner built in {built - started:.2f} s; {count} statements assigned in "
        f"{done - built:.2f} s ({'with stored vectors' if stored is not None else 'no vectors'};"
        " goal <= 5 s)"
    )


def calibrate(data: Data, codebook: Codebook, build, folds: int) -> None:
    """Precision and recall of "fits nothing" on development folds with clusters left out,
    for a grid of thresholds (what ``assignment.yaml`` is set from)."""
    ordered = sorted(data.dev, key=lambda q: q["id"])
    tests = [dict(q, lang="nl") for q in ordered] + data.dev_samples
    limits = assignment.settings()["fits"]["meaning" if build.vectors else "words"]
    for below in (0.25, 0.28, 0.30, 0.33, 0.35, 0.37, 0.40):
        limits["below"] = below
        totals = [0, 0, 0, 0, 0]
        for fold in range(folds):
            held = {q["id"] for i, q in enumerate(ordered) if i % folds == fold}
            found = leave_clusters_out(
                [t for t in tests if t["id"] in held],
                [q for q in ordered if q["id"] not in held],
                codebook,
                build,
            )
            totals = [a + b for a, b in zip(totals, found["all"], strict=True)]
        flagged, right, lost, kept, kept_flagged = totals
        print(
            f"below {below:.2f} (combined {limits['combined']}): precision "
            f"{right / max(1, flagged):.2f} recall {right / max(1, lost):.2f} "
            f"flagged with cluster there {kept_flagged / max(1, kept):.2f}"
        )
    assignment.settings.cache_clear()


def builder(cache):
    def build(codebook: Codebook, examples) -> Assigner:
        return Assigner(codebook.with_examples(examples), vectors=cache)

    build.vectors = cache is not None
    return build


def titles_only(codebook: Codebook) -> Codebook:
    parts = tuple(
        replace(p, clusters=tuple(replace(c, description="", keywords=()) for c in p.clusters))
        for p in codebook.parts
    )
    return Codebook(parts, codebook.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--titles-only", action="store_true", help="drop cluster descriptions and keywords"
    )
    parser.add_argument("--no-vectors", action="store_true", help="words and concepts only")
    parser.add_argument("--calibrate", action="store_true", help="thresholds of fits nothing")
    parser.add_argument(
        "--sets",
        default="development,frozen",
        help="which sets to score (leave frozen out while tuning)",
    )
    parser.add_argument(
        "--keep-vectors",
        type=Path,
        help="a file (.npz) to keep computed vectors in between "
        "runs (development speed only; the timing still computes its own)",
    )
    args = parser.parse_args()
    sets = set(args.sets.split(","))
    data = Data()
    codebook = load_default_codebook()
    if args.titles_only:
        codebook = titles_only(codebook)
    cache = None if args.no_vectors or encoder() is None else VectorCache(encoder(), shipped=False)
    if cache is not None and args.keep_vectors and args.keep_vectors.exists():
        with np.load(args.keep_vectors) as kept:
            cache._vectors.update(zip(kept["keys"].tolist(), kept["vectors"], strict=True))
    build = builder(cache)
    print("sentence vectors:", "on" if cache is not None else "off")
    if args.calibrate:
        calibrate(data, codebook, build, args.folds)
        return 0
    print(
        f"development: {len(data.dev)} Dutch quotes, {len(data.dev_samples)} translations; "
        f"frozen: {len(data.frozen_ids)} Dutch quotes and their translations"
    )
    columns, unfit = {}, {}
    if "development" in sets:
        columns[f"development ({args.folds} folds)"] = development(
            data, codebook, build, args.folds
        )
    if "frozen" in sets:
        columns["frozen"] = frozen(data, codebook, build)
    print_side_by_side(columns)
    if "development" in sets:
        unfit["development"] = leave_clusters_out_folds(data, codebook, build, args.folds)
    if "frozen" in sets:
        unfit["frozen"] = leave_clusters_out(data.frozen, data.dev, codebook, build)
    print_unfit(unfit)
    if cache is not None and args.keep_vectors:
        keys = list(cache._vectors)
        np.savez(
            args.keep_vectors,
            keys=np.array(keys),
            vectors=np.vstack([cache._vectors[k] for k in keys]),
        )
    if "timing" in sets or sets >= {"development", "frozen"}:
        timing(data, codebook, build, cache)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
