"""``rondetafel scrub``: de-identify JSON lines from standard input.

Input, one object per line: {"id": ..., "text": "..."}. Output, one per line:
{"id": ..., "text": "<anonymised>", "spans": [{"start", "end", "label"}, ...]}.
All input is checked before anything is written: a bad line stops the run with a
one-line reason naming the line number (never its content) and exit status 1.

    python -m privacy.scrub [--profile stakeholder|expert] [--lang xx] < in.jsonl > out.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from privacy.pipeline import PROFILES, SUPPORTED_LANGUAGES, get_deidentifier


class InputError(ValueError):
    """A line of input that cannot be processed."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        raise InputError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rondetafel scrub",
        description="Replace names, contact details, identity numbers and other identifying "
        'details in JSON lines {"id", "text"} read from standard input by readable '
        'placeholders; write {"id", "text", "spans"} lines to standard output.',
    )
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="stakeholder",
        help="stakeholder (default) or expert: experience experts also lose "
        "small places, exact ages, streets and named employers",
    )
    parser.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default=None,
        help="language of every text (default: detected per text)",
    )
    return parser


def read_statements(stdin: TextIO) -> list[tuple[object, str]]:
    """(id, text) per non-blank line; raises InputError naming the first bad line."""
    statements = []
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"line {number}: not valid JSON") from None
        if not isinstance(record, dict) or "id" not in record or "text" not in record:
            raise InputError(f'line {number}: expected an object with "id" and "text"')
        if not isinstance(record["text"], str):
            raise InputError(f'line {number}: "text" must be a string')
        if isinstance(record["id"], (dict, list)) or record["id"] is None:
            raise InputError(f'line {number}: "id" must be a string or a number')
        statements.append((record["id"], record["text"]))
    return statements


def main(
    argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    try:
        args = _parser().parse_args(argv)
        statements = read_statements(stdin)
    except InputError as error:
        print(f"rondetafel scrub: error: {error}", file=sys.stderr)
        return 1 if str(error).startswith("line ") else 2
    except SystemExit as done:  # --help
        return int(done.code or 0)

    deidentifier = get_deidentifier()
    lines = []
    for ident, text in statements:
        result = deidentifier.deidentify(text, args.lang, args.profile)
        spans = [{"start": s.start, "end": s.end, "label": s.label} for s in result.spans]
        lines.append(
            json.dumps({"id": ident, "text": result.text, "spans": spans}, ensure_ascii=False)
        )
    stdout.write("".join(line + "\n" for line in lines))
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], sys.stdin, sys.stdout))
