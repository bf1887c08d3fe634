"""``rondetafel scrub``: de-identify JSON lines from standard input.

Input, one object per line: {"id": ..., "text": "..."}. Output, one per line:
{"id": ..., "text": "<anonymised>", "spans": [{"start", "end", "label",
"original_start", "original_end"}, ...]}: ``start``/``end`` are offsets of the
placeholder in the anonymised text, ``original_start``/``original_end`` of what it
replaced in the input text (for scoring with standard evaluation tools).

A line that cannot be processed (not UTF-8, not JSON, no "id" or "text", a text that is
not valid Unicode such as a lone surrogate ``\\ud800``) gets a one-line reason on
standard error naming its line number (never its content); every other line is
processed as usual. The exit status is 1 when any line was bad, else 0.

    python -m privacy.scrub [--profile stakeholder|expert] [--lang xx] < in.jsonl > out.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
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
        "every full date and are held to stricter rules for places and employers",
    )
    parser.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default=None,
        help="language of every text (default: detected per text)",
    )
    return parser


def _lines(stdin: TextIO) -> Iterator[str | UnicodeDecodeError]:
    """Lines as text; undecodable bytes give the error instead of ending the input."""
    binary = getattr(stdin, "buffer", None)
    if binary is None:
        yield from stdin
        return
    for raw in binary:
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield error


def _surrogate(value: str) -> str | None:
    return next((ch for ch in value if "\ud800" <= ch <= "\udfff"), None)


def parse_line(number: int, line: str | UnicodeDecodeError) -> tuple[object, str] | None:
    """(id, text) of one line, None for a blank line; raises InputError naming the line."""
    if isinstance(line, UnicodeDecodeError):
        raise InputError(f"line {number}: not valid UTF-8 (byte {line.start + 1})")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise InputError(f"line {number}: not valid JSON") from None
    if not isinstance(record, dict) or "id" not in record or "text" not in record:
        raise InputError(f'line {number}: expected an object with "id" and "text"')
    text, ident = record["text"], record["id"]
    if not isinstance(text, str):
        raise InputError(f'line {number}: "text" must be a string')
    if isinstance(ident, (dict, list, bool)) or ident is None:
        raise InputError(f'line {number}: "id" must be a string or a number')
    for field, value in (("text", text), ("id", ident)):
        bad = _surrogate(value) if isinstance(value, str) else None
        if bad is not None:
            raise InputError(
                f'line {number}: "{field}" holds a lone surrogate (U+{ord(bad):04X}), '
                "which is not valid Unicode"
            )
    return ident, text


def main(
    argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    try:
        args = _parser().parse_args(argv)
    except InputError as error:
        print(f"rondetafel scrub: error: {error}", file=sys.stderr)
        return 2
    except SystemExit as done:  # --help
        return int(done.code or 0)

    deidentifier = None
    bad = 0
    for number, line in enumerate(_lines(stdin), start=1):
        try:
            parsed = parse_line(number, line)
        except InputError as error:
            print(f"rondetafel scrub: error: {error}", file=sys.stderr)
            bad += 1
            continue
        if parsed is None:
            continue
        ident, text = parsed
        deidentifier = deidentifier or get_deidentifier()
        try:
            result = deidentifier.deidentify(text, args.lang, args.profile)
        except Exception as error:  # one line lost, never the batch; no content reported
            print(
                f"rondetafel scrub: error: line {number}: could not be processed "
                f"({type(error).__name__})",
                file=sys.stderr,
            )
            bad += 1
            continue
        spans = [
            {
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "original_start": s.original_start,
                "original_end": s.original_end,
            }
            for s in result.spans
        ]
        out = {"id": ident, "text": result.text, "spans": spans}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], sys.stdin, sys.stdout))
