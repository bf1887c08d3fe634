"""Throughput of the de-identification pipeline against another checkout, in the same run.

    .venv/bin/python bench/privacy_speed.py --reference /tmp/old-checkout [--rounds 3]

Loads the pipeline of the reference checkout and of this one into one process and times
them in turns over the development set (as ``bench/privacy.py`` does: every development
statement, language detected, profile as labelled): round 1 old, round 1 new, round 2
old, ... so that a busy machine slows both alike. Prints statements/s per round, the best
of each and the ratio new/old. The shared machine is noisy: compare ratios, not figures
from different runs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_records() -> list[dict]:
    """The development set, read by bench/privacy.py (loaded by path: the name "privacy"
    is the package's)."""
    spec = importlib.util.spec_from_file_location("privacy_bench", ROOT / "bench" / "privacy.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench.load_records(("development",))


def load_pipeline(root: Path):
    """``get_deidentifier()`` of the checkout at ``root``, imported on its own."""
    for name in [n for n in sys.modules if n == "privacy" or n.startswith("privacy.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module("privacy.pipeline")
        if Path(module.__file__).resolve().parents[1] != root.resolve():
            raise SystemExit(f"privacy imported from {module.__file__}, not from {root}")
        return module.get_deidentifier()
    finally:
        sys.path.remove(str(root))


def one_pass(d, records: list[dict]) -> float:
    start = time.perf_counter()
    for r in records:
        d.deidentify(r["text"], None, r["profile"])
    return len(records) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, required=True, help="checkout of old code")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    records = load_records()
    systems = {"old": load_pipeline(args.reference), "new": load_pipeline(ROOT)}
    for d in systems.values():
        one_pass(d, records[:300])  # warm up (caches, first use of lazy parts)
    speeds: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(args.rounds):
        for name, d in systems.items():
            speeds[name].append(one_pass(d, records))
    print(f"{len(records)} development statements, language detected, {args.rounds} rounds")
    for name, values in speeds.items():
        rounds = " ".join(f"{v:6.0f}" for v in values)
        print(f"  {name}: {rounds}  statements/s (best {max(values):.0f})")
    print(f"  ratio new/old (best of each): {max(speeds['new']) / max(speeds['old']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
