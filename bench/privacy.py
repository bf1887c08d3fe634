"""Benchmark of the privacy pipeline against plain deduce on the development set.

    .venv/bin/python bench/privacy.py [--passes N] [--skip-deduce]

Reads bench/data/privacy-*.jsonl (id, lang, profile, text, spans with labels): the
development set (privacy-<lang>.jsonl, which the pipeline was tuned on) and a held-out
set (privacy-holdout-<lang>.jsonl, written afterwards and not tuned on). It prints,
for our pipeline and for plain ``deduce`` side by side: recall of identifying spans per
language and per label, the rate of texts wrongly altered, throughput (statements/s),
and start-up time and resident memory of the loaded pipeline. Each system runs in its
own process so that its memory is measured alone.

A gold span counts as caught when every non-blank character of it is removed. A text
is wrongly altered when something was removed that overlaps no gold span.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
DIRECT = (
    "name",
    "phone",
    "email",
    "handle",
    "bank",
    "national_id",
    "document",
    "address",
    "postcode",
    "plate",
    "date",
)
QUASI = ("age", "place", "street", "organisation")
GOALS = (
    "goals: direct recall >= 0.99 nl, >= 0.97 other; quasi >= 0.90; wrongly altered <= 5%;"
    " >= 1000 statements/s; load <= 5 s and <= 400 MB"
)


def load_records() -> list[dict]:
    records = []
    for path in sorted(DATA.glob("privacy-*.jsonl")):
        part = "held-out" if path.stem.startswith("privacy-holdout-") else "development"
        with path.open(encoding="utf-8") as handle:
            records += [dict(json.loads(line), set=part) for line in handle if line.strip()]
    return records


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# -- workers (run in a child process) ------------------------------------------------


def worker_ours(records: list[dict], passes: int) -> dict:
    sys.path.insert(0, str(ROOT))
    start = time.perf_counter()
    from privacy.pipeline import get_deidentifier

    d = get_deidentifier()
    load = time.perf_counter() - start
    memory = rss_mb()
    removed = []
    for r in records:
        findings, _ = d.find(r["text"], None, r["profile"])
        removed.append([(f.start, f.end) for f in findings])
    start = time.perf_counter()
    for _ in range(passes):
        for r in records:
            d.deidentify(r["text"], None, r["profile"])
    detected = (passes * len(records)) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(passes):
        for r in records:
            d.deidentify(r["text"], r["lang"], r["profile"])
    given = (passes * len(records)) / (time.perf_counter() - start)
    nl = [r for r in records if r["lang"] == "nl"]
    start = time.perf_counter()
    for _ in range(passes):
        for r in nl:
            d.deidentify(r["text"], "nl", r["profile"])
    dutch = (passes * len(nl)) / (time.perf_counter() - start)
    return {
        "load_s": load,
        "rss_mb": memory,
        "removed": removed,
        "throughput": {
            "all, language detected": detected,
            "all, language given": given,
            "Dutch only": dutch,
        },
    }


def worker_deduce(records: list[dict], passes: int) -> dict:
    import logging

    start = time.perf_counter()
    import deduce

    logging.disable(logging.CRITICAL)  # deduce configures DEBUG logging on import
    model = deduce.Deduce()
    load = time.perf_counter() - start
    memory = rss_mb()
    removed = []
    for r in records:
        doc = model.deidentify(r["text"])
        removed.append([(int(a.start_char), int(a.end_char)) for a in doc.annotations])
    start = time.perf_counter()
    for _ in range(passes):
        for r in records:
            model.deidentify(r["text"])
    speed = (passes * len(records)) / (time.perf_counter() - start)
    nl = [r for r in records if r["lang"] == "nl"]
    start = time.perf_counter()
    for _ in range(passes):
        for r in nl:
            model.deidentify(r["text"])
    dutch = (passes * len(nl)) / (time.perf_counter() - start)
    return {
        "load_s": load,
        "rss_mb": memory,
        "removed": removed,
        "throughput": {
            "all, language detected": speed,
            "all, language given": speed,
            "Dutch only": dutch,
        },
    }


def run_worker(system: str, passes: int) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    try:
        subprocess.run(
            [sys.executable, __file__, "--worker", system, "--out", path, "--passes", str(passes)],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    finally:
        os.unlink(path)


# -- scoring -------------------------------------------------------------------------


def covered(text: str, start: int, end: int, removed: list[tuple[int, int]]) -> bool:
    return all(text[i].isspace() or any(s <= i < e for s, e in removed) for i in range(start, end))


def score(records: list[dict], removed: list[list[tuple[int, int]]]) -> dict:
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    wrong = wrong_clean = clean = 0
    for r, spans in zip(records, removed, strict=False):
        for g in r["spans"]:
            kind = "direct" if g["label"] in DIRECT else "quasi"
            caught = covered(r["text"], g["start"], g["end"], spans)
            for key in ((r["lang"], kind), ("all", kind), ("label", g["label"])):
                hits[key][0] += caught
                hits[key][1] += 1
        gold = [(g["start"], g["end"]) for g in r["spans"]]
        extra = any(not any(s < ge and gs < e for gs, ge in gold) for s, e in spans)
        wrong += extra
        if not gold:
            clean += 1
            wrong_clean += bool(spans)
    return {
        "hits": hits,
        "wrong": wrong / len(records),
        "wrong_clean": wrong_clean / max(clean, 1),
        "clean": clean,
    }


def fmt(pair: list[int] | None) -> str:
    if not pair or not pair[1]:
        return "      -      "
    return f"{pair[0] / pair[1]:5.3f} ({pair[0]:>3}/{pair[1]:<3})"


def report(records: list[dict], results: dict[str, dict]) -> None:
    for part in ("development", "held-out"):
        chosen = [i for i, r in enumerate(records) if r["set"] == part]
        if chosen:
            subset = {
                name: dict(res, removed=[res["removed"][i] for i in chosen])
                for name, res in results.items()
            }
            print(f"\n===== {part} set =====")
            report_set([records[i] for i in chosen], subset)
    print(f"\n===== speed and memory (all {len(records)} statements) =====")
    names = list(results)
    print(f"{'':<34}" + "".join(f"{n:>32}" for n in names))
    rows = [
        ("start-up time (s)", lambda n: f"{results[n]['load_s']:.2f}"),
        ("resident memory after load (MB)", lambda n: f"{results[n]['rss_mb']:.0f}"),
    ]
    for kind in ("all, language detected", "all, language given", "Dutch only"):
        rows.append(
            (f"statements/s, {kind}", lambda n, k=kind: f"{results[n]['throughput'][k]:.0f}")
        )
    for title, cell in rows:
        print(f"{title:<34}" + "".join(f"{cell(n):>32}" for n in names))
    print(GOALS)


def report_set(records: list[dict], results: dict[str, dict]) -> None:
    scores = {name: score(records, res["removed"]) for name, res in results.items()}
    names = list(results)
    print(
        f"{len(records)} statements, {sum(len(r['spans']) for r in records)} labelled spans, "
        f"{scores[names[0]]['clean']} with nothing to remove"
    )
    header = "".join(f"{n:>32}" for n in names)
    print(
        f"\nRecall of direct identifiers (direct) and expert quasi-identifiers (quasi)\n"
        f"{'language':<12}{'kind':<8}{header}"
    )
    langs = sorted({r["lang"] for r in records}, key=lambda c: (c != "nl", c)) + ["all"]
    for lang in langs:
        for kind in ("direct", "quasi"):
            cells = "".join(f"{fmt(scores[n]['hits'].get((lang, kind))):>32}" for n in names)
            print(f"{lang:<12}{kind:<8}{cells}")
    print(f"\nRecall per label\n{'label':<20}{header}")
    for label in DIRECT + QUASI:
        cells = "".join(f"{fmt(scores[n]['hits'].get(('label', label))):>32}" for n in names)
        print(f"{label:<20}{cells}")
    print(f"\n{'':<34}" + header)
    rows = [
        ("texts wrongly altered (all)", lambda n: f"{scores[n]['wrong']:.1%}"),
        ("  of texts with nothing to remove", lambda n: f"{scores[n]['wrong_clean']:.1%}"),
    ]
    for title, cell in rows:
        print(f"{title:<34}" + "".join(f"{cell(n):>32}" for n in names))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="passes over the set for speed")
    parser.add_argument("--skip-deduce", action="store_true", help="only our pipeline")
    parser.add_argument("--worker", choices=("ours", "deduce"), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    records = load_records()
    if args.worker:
        work = worker_ours if args.worker == "ours" else worker_deduce
        result = work(records, args.passes)
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(result, handle)
        return 0
    results = {"privacy pipeline": run_worker("ours", args.passes)}
    if not args.skip_deduce:
        results["plain deduce"] = run_worker("deduce", args.passes)
    report(records, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
