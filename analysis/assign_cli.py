"""``rondetafel assign``: assign statements read as JSON lines to clusters of a codebook.

Input, one JSON object per line: ``{"id": ..., "text": "...", "chapter": "1".."4"}``
(optionally ``"lang"``; otherwise the language is recognised). Output, one line each, in the
same order: ``{"id": ..., "clusters": [top 3 cluster numbers], "scores": [...]}``.
The whole input is checked before anything is written; a bad line stops with its line number.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from analysis.assignment import Assigner
from analysis.codebook import Codebook, CodebookError
from analysis.codebook_formats import load_default_codebook, read_codebook


class InputError(ValueError):
    pass


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    parser = argparse.ArgumentParser(
        prog="rondetafel assign",
        description="Assign statements (JSON lines on standard input: id, text, chapter) to the "
        "clusters of a codebook; writes id, clusters (top 3) and scores per line.",
    )
    parser.add_argument(
        "--codebook", metavar="FILE", help="codebook (.yaml or .csv); default: the 2022 anthology's"
    )
    parser.add_argument(
        "--examples",
        metavar="FILE",
        help="JSON lines {text, cluster}: earlier corrections that steer assignment",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        codebook = read_codebook(args.codebook) if args.codebook else load_default_codebook()
        corrections = _read_examples(args.examples, codebook) if args.examples else []
        items = _read_items(stdin, codebook)
    except (CodebookError, InputError, OSError) as exc:
        print(f"rondetafel assign: {exc}", file=stderr)
        return 2
    assigner = Assigner(codebook, corrections)
    results = assigner.assign_many(
        (item["text"], item["chapter"], item.get("lang")) for item in items
    )
    for item, result in zip(items, results, strict=True):
        line = {"id": item["id"], "clusters": result.clusters, "scores": result.scores}
        stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


def _read_items(stream: TextIO, codebook: Codebook) -> list[dict]:
    chapters = {part.chapter for part in codebook.parts}
    items = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        item = _object(line, number)
        for field in ("id", "text", "chapter"):
            if field not in item:
                raise InputError(f"line {number}: missing {field!r}")
        if not isinstance(item["text"], str):
            raise InputError(f"line {number}: 'text' must be a string")
        chapter = str(item["chapter"])
        if chapter not in chapters:
            known = ", ".join(sorted(chapters))
            raise InputError(f"line {number}: chapter {chapter!r} is not a part ({known})")
        lang = item.get("lang")
        items.append(
            {
                "id": item["id"],
                "text": item["text"],
                "chapter": chapter,
                "lang": lang if isinstance(lang, str) else None,
            }
        )
    return items


def _read_examples(path: str, codebook: Codebook) -> list[tuple[str, str]]:
    examples = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            item = _object(line, number, path)
            text, cluster = item.get("text"), item.get("cluster")
            if not isinstance(text, str) or not isinstance(cluster, str):
                raise InputError(f"{path}, line {number}: needs 'text' and 'cluster' strings")
            try:
                codebook.cluster(cluster)
            except KeyError:
                raise InputError(f"{path}, line {number}: no cluster {cluster!r}") from None
            examples.append((text, cluster))
    return examples


def _object(line: str, number: int, source: str = "input") -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        where = "" if source == "input" else f"{source}, "
        message = f"{where}line {number}, column {exc.colno}: not JSON ({exc.msg})"
        raise InputError(message) from None
    if not isinstance(item, dict):
        raise InputError(f"line {number}: expected a JSON object")
    return item


if __name__ == "__main__":
    raise SystemExit(main())
