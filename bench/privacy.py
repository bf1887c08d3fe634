"""Benchmark of the privacy pipeline against plain deduce: development, held-out, frozen.

    .venv/bin/python bench/privacy.py [--passes N] [--skip-deduce] [--misses]
                                      [--sets development,held-out,frozen]
                                      [--files 'privacy-clean-*']

Three sets of labelled statements (id, lang, profile, text, spans with labels):

- development: bench/data/privacy-<lang>.jsonl, which the pipeline is tuned on, with
  privacy-clean-<lang>.jsonl (texts with nothing to remove) and privacy-recall-<lang>.jsonl
  (cases per weak category), privacy-echo-<lang>.jsonl, privacy-round3-<lang>.jsonl
  and privacy-round4-<lang>.jsonl (styles not tuned on before rounds 3 and 4; a case
  with ``"group": "mixed"`` mixes languages and is reported as "mixed"); ``--files``
  scores only the files whose name matches;
- held-out: bench/data/privacy-holdout-<lang>.jsonl, written afterwards, not tuned on;
- frozen: bench/data/frozen/privacy-<group>.jsonl, written elsewhere by people who had
  not seen the rules. Only aggregate figures are printed for it, never a case; the
  group is the file (a language, or "mixed").

For our pipeline and for plain ``deduce`` side by side it prints recall of identifying
spans overall, of direct identifiers, per language and per label, the share of texts
with nothing to remove that were touched, throughput (statements/s), start-up time and
resident memory. Each system runs in its own process so that its memory is measured
alone. ``--misses`` lists what was missed or wrongly removed in the development set
only (for tuning); the other sets are never printed case by case.

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
SETS = ("development", "held-out", "frozen")
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
# Goals of issue 8 (benchmark figures, not timed tests)
RECALL_GOAL = 0.97  # overall, and per language with at least MIN_CASES statements
DIRECT_GOAL = 0.99
MIN_CASES = 10
TOUCHED_GOAL = 0.05  # texts with nothing to remove that were altered
SPEED_GOAL = 1000.0  # statements/s once started
LOAD_GOAL = 2.0  # seconds
MEMORY_GOAL = 150.0  # MB resident after start-up


def load_records(sets: tuple[str, ...] = SETS, files: str = "privacy-*") -> list[dict]:
    records = []
    sources = [(p, "development") for p in sorted(DATA.glob(f"{files}.jsonl"))]
    sources += [(p, "frozen") for p in sorted((DATA / "frozen").glob(f"{files}.jsonl"))]
    for path, part in sources:
        if path.stem.startswith("privacy-holdout-"):
            part = "held-out"
        group = path.stem.removeprefix("privacy-").removeprefix("holdout-")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    record["set"] = part
                    # a development case may name its group ("mixed": several languages)
                    record["group"] = (
                        group if part == "frozen" else record.get("group", record["lang"])
                    )
                    if part in sets:
                        records.append(record)
    return records


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# -- workers (run in a child process) ------------------------------------------------


def _speed(run, items: list[dict], passes: int) -> float:
    start = time.perf_counter()
    for _ in range(passes):
        for r in items:
            run(r)
    return (passes * len(items)) / (time.perf_counter() - start)


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
    nl = [r for r in records if r["lang"] == "nl"]
    return {
        "load_s": load,
        "rss_mb": memory,
        "removed": removed,
        "throughput": {
            "all, language detected": _speed(
                lambda r: d.deidentify(r["text"], None, r["profile"]), records, passes
            ),
            "all, language given": _speed(
                lambda r: d.deidentify(r["text"], r["lang"], r["profile"]), records, passes
            ),
            "Dutch only": _speed(lambda r: d.deidentify(r["text"], "nl", r["profile"]), nl, passes),
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
    speed = _speed(lambda r: model.deidentify(r["text"]), records, passes)
    nl = [r for r in records if r["lang"] == "nl"]
    return {
        "load_s": load,
        "rss_mb": memory,
        "removed": removed,
        "throughput": {
            "all, language detected": speed,
            "all, language given": speed,
            "Dutch only": _speed(lambda r: model.deidentify(r["text"]), nl, passes),
        },
    }


def run_worker(system: str, passes: int, sets: tuple[str, ...], files: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    try:
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                system,
                "--out",
                path,
                "--passes",
                str(passes),
                "--sets",
                ",".join(sets),
                "--files",
                files,
            ],
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
    for r, spans in zip(records, removed, strict=True):
        for g in r["spans"]:
            kind = "direct" if g["label"] in DIRECT else "quasi"
            caught = covered(r["text"], g["start"], g["end"], spans)
            for key in (
                (r["group"], "all"),
                (r["group"], kind),
                ("all", "all"),
                ("all", kind),
                ("profile", r["profile"]),
                ("label", g["label"]),
            ):
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


def ratio(pair: list[int] | None) -> float:
    return pair[0] / pair[1] if pair and pair[1] else float("nan")


def report(records: list[dict], results: dict[str, dict]) -> None:
    summaries = {}
    for part in SETS:
        chosen = [i for i, r in enumerate(records) if r["set"] == part]
        if chosen:
            subset = {
                name: dict(res, removed=[res["removed"][i] for i in chosen])
                for name, res in results.items()
            }
            print(f"\n===== {part} set =====")
            summaries[part] = report_set([records[i] for i in chosen], subset)
    names = list(results)
    print(f"\n===== speed and memory (all {len(records)} statements) =====")
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
    goals(summaries, results[names[0]])


def goals(summaries: dict[str, dict], ours: dict) -> None:
    """The goals of issue 8 for our pipeline: figure, goal, ratio figure/goal (or
    goal/figure for ceilings), met or not."""
    print("\n===== goals (privacy pipeline) =====")
    rows: list[tuple[str, float, float, bool]] = []  # title, figure, goal, ceiling
    for part in SETS:
        s = summaries.get(part)
        if not s:
            continue
        rows.append(
            (f"{part}: recall, all spans", ratio(s["hits"][("all", "all")]), RECALL_GOAL, False)
        )
        for group, count in sorted(s["groups"].items()):
            if count >= MIN_CASES:
                rows.append(
                    (
                        f"{part}: recall, {group} ({count} statements)",
                        ratio(s["hits"].get((group, "all"))),
                        RECALL_GOAL,
                        False,
                    )
                )
        rows.append(
            (
                f"{part}: recall, direct identifiers",
                ratio(s["hits"][("all", "direct")]),
                DIRECT_GOAL,
                False,
            )
        )
        rows.append((f"{part}: clean texts touched", s["wrong_clean"], TOUCHED_GOAL, True))
    speed = ours["throughput"]["all, language detected"]
    rows += [
        ("statements/s (language detected)", speed, SPEED_GOAL, False),
        ("start-up time (s)", ours["load_s"], LOAD_GOAL, True),
        ("resident memory after start-up (MB)", ours["rss_mb"], MEMORY_GOAL, True),
    ]
    print(f"{'':<48}{'figure':>10}{'goal':>10}{'ratio':>8}  met")
    for title, figure, goal, ceiling in rows:
        met = figure <= goal if ceiling else figure >= goal
        if ceiling:
            share = goal / figure if figure else float("inf")
            sign = "<="
        else:
            share = figure / goal
            sign = ">="
        print(
            f"{title:<48}{figure:>10.3f}{sign + ' ' + format(goal, 'g'):>10}{share:>8.2f}  "
            f"{'yes' if met else 'NO'}"
        )


def report_set(records: list[dict], results: dict[str, dict]) -> dict:
    scores = {name: score(records, res["removed"]) for name, res in results.items()}
    names = list(results)
    groups: dict[str, int] = defaultdict(int)
    for r in records:
        groups[r["group"]] += 1
    print(
        f"{len(records)} statements, {sum(len(r['spans']) for r in records)} labelled spans, "
        f"{scores[names[0]]['clean']} with nothing to remove"
    )
    header = "".join(f"{n:>32}" for n in names)
    print(
        f"\nRecall per language: all spans, direct identifiers, quasi-identifiers\n"
        f"{'language':<12}{'kind':<8}{header}"
    )
    langs = sorted(groups, key=lambda c: (c != "nl", c == "mixed", c)) + ["all"]
    for lang in langs:
        for kind in ("all", "direct", "quasi"):
            cells = "".join(f"{fmt(scores[n]['hits'].get((lang, kind))):>32}" for n in names)
            print(f"{lang:<12}{kind:<8}{cells}")
    print(f"\nRecall per profile\n{'profile':<20}{header}")
    for profile in ("stakeholder", "expert"):
        cells = "".join(f"{fmt(scores[n]['hits'].get(('profile', profile))):>32}" for n in names)
        print(f"{profile:<20}{cells}")
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
    return dict(scores[names[0]], groups=dict(groups))


def misses(records: list[dict], removed: list[list[tuple[int, int]]]) -> None:
    """Missed spans and wrong removals, development set only (the set we tune on)."""
    for r, spans in zip(records, removed, strict=True):
        if r["set"] != "development":
            continue
        text = r["text"]
        for g in r["spans"]:
            if not covered(text, g["start"], g["end"], spans):
                print(f"MISS {r['id']} {g['label']}: {text[g['start'] : g['end']]!r} | {text}")
        gold = [(g["start"], g["end"]) for g in r["spans"]]
        for s, e in spans:
            if not any(s < ge and gs < e for gs, ge in gold):
                print(f"WRONG {r['id']}: {text[s:e]!r} | {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5, help="passes over the set for speed")
    parser.add_argument("--skip-deduce", action="store_true", help="only our pipeline")
    parser.add_argument(
        "--misses", action="store_true", help="list misses in the development set only"
    )
    parser.add_argument(
        "--sets",
        default=",".join(SETS),
        help="which sets to score, comma-separated (default: all; leave out frozen while "
        "tuning, so that it is measured only before and after)",
    )
    parser.add_argument(
        "--files",
        default="privacy-*",
        help="score only the data files whose name (without .jsonl) matches this pattern, "
        "e.g. 'privacy-clean-*' (the clean texts) or 'privacy-recall-*'",
    )
    parser.add_argument("--worker", choices=("ours", "deduce"), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sets = tuple(part for part in args.sets.split(",") if part in SETS)
    records = load_records(sets, args.files)
    if args.worker:
        work = worker_ours if args.worker == "ours" else worker_deduce
        result = work(records, args.passes)
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(result, handle)
        return 0
    results = {"privacy pipeline": run_worker("ours", args.passes, sets, args.files)}
    if args.misses:
        misses(records, results["privacy pipeline"]["removed"])
        return 0
    if not args.skip_deduce:
        results["plain deduce"] = run_worker("deduce", args.passes, sets, args.files)
    report(records, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
