"""Benchmark of automatic cluster assignment: agreement with the work group, speed, memory.

    .venv/bin/python bench/assign.py [--folds 5] [--quotes ../shared/data/dev-quotes.jsonl]

Agreement is cross-validated: the dev quotes are split into folds (every k-th quote, so each
fold spans all clusters); each fold is assigned by a codebook whose examples are the other
folds' quotes only. The translated samples (bench/data/assign-*.jsonl: dev quotes translated
by us; en and pl share one sample of 64 quotes, ro and uk another) are assigned in the same
folds, so neither a quote nor its Dutch original is ever an example for itself. Prints top-1
and top-3 per part, the same for the Dutch originals of each sample (the gap is what is lost in
translation), how many of the concepts of a Dutch original its translation has too (a check
of the concept lexicons), the time to assign 10,000 statements and the peak memory.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.assignment import Assigner  # noqa: E402
from analysis.codebook import Codebook  # noqa: E402
from analysis.codebook_formats import load_default_codebook  # noqa: E402
from analysis.concepts import default_lexicon  # noqa: E402
from analysis.vectors import Featurizer  # noqa: E402

DEFAULT_QUOTES = ROOT / "bench" / "data" / "quotes-2022.jsonl"
SAMPLES = sorted((ROOT / "bench" / "data").glob("assign-*.jsonl"))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def cross_validate(quotes, samples, folds, codebook):
    """Per language and part: [count, top-1 hits, top-3 hits, judged to fit]."""
    tally = defaultdict(lambda: [0, 0, 0, 0])
    misses = []
    translated = defaultdict(list)
    for sample in samples:
        translated[sample["id"]].append(sample["lang"])
    ordered = sorted(quotes, key=lambda q: q["id"])
    for fold in range(folds):
        held = {q["id"] for i, q in enumerate(ordered) if i % folds == fold}
        examples = defaultdict(list)
        for q in ordered:
            if q["id"] not in held:
                examples[q["cluster"]].append(q["text"])
        assigner = Assigner(codebook.with_examples(examples))
        tests = [dict(q, lang="nl") for q in ordered if q["id"] in held]
        tests += [s for s in samples if s["id"] in held]
        found = assigner.assign_many([(t["text"], t["chapter"], t["lang"]) for t in tests])
        for test, got in zip(tests, found, strict=True):
            keys = [(test["lang"], test["chapter"])]
            if test["lang"] == "nl":  # the Dutch original of translated samples
                keys += [(f"nl@{lang}", test["chapter"]) for lang in translated.get(test["id"], ())]
            for key in keys:
                row = tally[key]
                row[0] += 1
                row[1] += got.clusters[:1] == [test["cluster"]]
                row[2] += test["cluster"] in got.clusters
                row[3] += got.fits
            if test["cluster"] not in got.clusters:
                misses.append((test, got))
    return tally, misses


def print_agreement(tally) -> None:
    print(f"{'lang':<7}{'part':<6}{'n':>5}{'top-1':>8}{'top-3':>8}{'fits':>8}")
    languages = {k[0] for k in tally if "@" not in k[0]}
    for lang in sorted(languages, key=lambda x: (x != "nl", x)):
        total = [0, 0, 0, 0]
        for part in sorted({k[1] for k in tally if k[0] == lang}):
            row = tally[(lang, part)]
            total = [a + b for a, b in zip(total, row, strict=True)]
            print(_line(lang, part, row))
        print(_line(lang, "all", total))
        original = _total(tally, f"nl@{lang}")
        if original[0]:
            print(_line("  nl", "same", original) + "   (the Dutch originals of these quotes)")


def _total(tally, lang) -> list[int]:
    rows = [row for key, row in tally.items() if key[0] == lang]
    return [sum(column) for column in zip(*rows, strict=True)] if rows else [0, 0, 0, 0]


def _line(lang, part, row) -> str:
    n, one, three, fits = row
    return f"{lang:<7}{part:<6}{n:>5}{one / n:>8.2f}{three / n:>8.2f}{fits / n:>8.2f}"


def concept_agreement(quotes, samples) -> dict[str, float]:
    """Per language: concepts shared by a translation and its Dutch original, as a share of
    the concepts either of them has (1.0: the lexicons map them to the same meanings)."""
    featurizer, lexicon = Featurizer(), default_lexicon()
    original = {q["id"]: q["text"] for q in quotes}

    def concepts(text: str, lang: str) -> set[str]:
        return {c for w in featurizer.words(text, lang) for c in lexicon.of_word(w, lang)}

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sample in samples:
        dutch = concepts(original[sample["id"]], "nl")
        own = concepts(sample["text"], sample["lang"])
        counts[sample["lang"]][0] += len(dutch & own)
        counts[sample["lang"]][1] += len(dutch | own)
    return {lang: shared / (total or 1) for lang, (shared, total) in sorted(counts.items())}


def without_descriptions(codebook):
    """The codebook with titles only: no descriptions or keywords written by us."""
    parts = tuple(
        replace(p, clusters=tuple(replace(c, description="", keywords=()) for c in p.clusters))
        for p in codebook.parts
    )
    return Codebook(parts, codebook.name)


def time_many(codebook, quotes, samples, count=10_000) -> None:
    pool = [(q["text"], q["chapter"]) for q in quotes] + [
        (s["text"], s["chapter"]) for s in samples
    ]
    items = [
        (pool[i % len(pool)][0] + ("" if i < len(pool) else f" ({i})"), pool[i % len(pool)][1])
        for i in range(count)
    ]
    started = time.perf_counter()
    assigner = Assigner(codebook)
    built = time.perf_counter()
    assigner.assign_many(items)
    done = time.perf_counter()
    print(
        f"assigner built in {built - started:.2f} s; "
        f"{count} statements assigned in {done - built:.2f} s (language detected)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--quotes", type=Path, default=DEFAULT_QUOTES)
    parser.add_argument("--misses", action="store_true", help="list quotes missed in the top 3")
    args = parser.parse_args()
    if not args.quotes.exists():
        print(f"no dev quotes at {args.quotes}", file=sys.stderr)
        return 1
    quotes = read_jsonl(args.quotes)
    samples = [s for path in SAMPLES for s in read_jsonl(path)]
    codebook = load_default_codebook()
    tally, misses = cross_validate(quotes, samples, args.folds, codebook)
    print(f"cross-validated agreement ({args.folds} folds) with the work group's clusters")
    print_agreement(tally)
    if args.misses:
        for test, got in misses:
            print(f"  {test['lang']} {test['cluster']} -> {got.clusters} {test['text'][:90]}")
    tally, _ = cross_validate(quotes, samples, args.folds, without_descriptions(codebook))
    print("the same with cluster titles and examples only (descriptions and keywords left out;")
    print("we wrote those after reading the dev quotes, so the figures above flatter a little):")
    print_agreement(tally)
    agreement = concept_agreement(quotes, samples)
    print(
        "concepts shared by a translation and its Dutch original: "
        + ", ".join(f"{lang} {share:.2f}" for lang, share in agreement.items())
    )
    time_many(codebook, quotes, samples)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
