"""Proof that a change to the de-identification pipeline changed no finding.

    .venv/bin/python bench/privacy_same.py --reference /tmp/old-checkout
    PYTHONHASHSEED=0 .venv/bin/python bench/privacy_same.py --write old.jsonl [--root DIR]
    .venv/bin/python bench/privacy_same.py --against old.jsonl [--seed 0]

For every text in bench/data/privacy-*.jsonl (development, held-out, clean, echo and
recall files; never bench/data/frozen/) it writes one line per text and reading: the
findings (start, end, label) with the language detected and with the language given, the
detected language, and a hash of the redacted text (which also covers the numbering of
people). ``--reference`` dumps the code of another checkout (in its own process, with that
checkout first on the path) and this one, and compares them byte for byte; it prints how
many texts differ and their file and id only, never their words. Exit status 1 when any
differs.

Each dump runs with a fixed PYTHONHASHSEED (``--seed``, default 0): when two steps find
the same span with different labels, which label wins depends on the order of a set of
findings, so on the hash seed (a handful of texts; found while writing this script).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"


def texts() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(DATA.glob("privacy-*.jsonl")):  # not frozen/: never opened here
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    found.append((path.name, json.loads(line)))
    return found


def dump(root: Path, out: Path) -> None:
    sys.path.insert(0, str(root))
    import privacy
    from privacy.pipeline import get_deidentifier

    if Path(privacy.__file__).resolve().parent.parent != root.resolve():
        raise SystemExit(f"privacy imported from {privacy.__file__}, not from {root}")
    d = get_deidentifier()
    with out.open("w", encoding="utf-8") as handle:
        for name, r in texts():
            detected, code = d.find(r["text"], None, r["profile"])
            given, _ = d.find(r["text"], r["lang"], r["profile"])
            shown = d.deidentify(r["text"], None, r["profile"]).text
            line = {
                "file": name,
                "id": r.get("id"),
                "lang": code,
                "detected": [(f.start, f.end, f.label) for f in detected],
                "given": [(f.start, f.end, f.label) for f in given],
                "redacted": hashlib.sha256(shown.encode("utf-8", "surrogatepass")).hexdigest(),
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def dump_in_child(root: Path, out: Path, seed: str) -> None:
    subprocess.run(
        [sys.executable, __file__, "--write", str(out), "--root", str(root)],
        check=True,
        cwd=root,
        env=dict(os.environ, PYTHONHASHSEED=seed),
    )


def compare(old: Path, new: Path) -> int:
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"different number of texts: {len(a)} vs {len(b)}")
        return 1
    differ = [json.loads(y) for x, y in zip(a, b, strict=True) if x != y]
    findings = sum(len(json.loads(x)["detected"]) + len(json.loads(x)["given"]) for x in a)
    print(f"{len(a)} texts, {findings} findings (language detected + given) compared")
    for line in differ[:50]:
        print(f"  differs: {line['file']} id={line['id']}")
    print("identical" if not differ else f"{len(differ)} texts differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="checkout of the code to compare with")
    parser.add_argument("--write", type=Path, help="only dump the findings to this file")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to dump (--write)")
    parser.add_argument("--against", type=Path, help="compare with an earlier dump")
    parser.add_argument("--seed", default="0", help="PYTHONHASHSEED of the dumps")
    args = parser.parse_args(argv)
    if args.write:
        if os.environ.get("PYTHONHASHSEED") is None:
            parser.error("--write needs PYTHONHASHSEED set (the other modes set it)")
        dump(args.root, args.write)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        new = Path(tmp) / "new.jsonl"
        dump_in_child(ROOT, new, args.seed)
        if args.against:
            return compare(args.against, new)
        if not args.reference:
            parser.error("give --reference, --against or --write")
        old = Path(tmp) / "old.jsonl"
        dump_in_child(args.reference, old, args.seed)
        return compare(old, new)


if __name__ == "__main__":
    sys.exit(main())
