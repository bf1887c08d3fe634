"""Command-line tools around the work group's review: coding sheet, codebook, assign, scrub."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.codebook import CodebookError
from analysis.codebook_formats import write_codebook
from bot.errors import UsageError
from bot.facilitation import core_of
from bot.settings import Settings
from consultation import codebook_files, review
from consultation.agreement import agreement as agreement_of
from consultation.coding_import import import_sheet
from consultation.consultations import find
from renderers.coding_sheet import CodingSheetError


def import_coding(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    consultation = find(core, args.consultation)
    try:
        summary = import_sheet(core, consultation, args.file, args.only_untouched)
    except (CodingSheetError, FileNotFoundError) as error:
        raise UsageError(str(error)) from error  # it names the file
    print(summary)
    return 0


def export_codebook(args: argparse.Namespace, settings: Settings) -> int:
    if not args.out.endswith((".yaml", ".yml", ".csv")):
        raise UsageError("--out must end in .yaml, .yml or .csv")
    try:
        if args.consultation:
            codebook_files.export_codebook(core_of(settings), args.consultation, Path(args.out))
        else:
            write_codebook(review.codebook_for(None, None), Path(args.out))
    except OSError as error:
        raise UsageError(f"cannot write {args.out}: {error.strerror}") from error
    print(args.out)
    return 0


def import_codebook(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    try:
        changes = codebook_files.import_codebook(core, args.consultation, args.file)
    except CodebookError as error:
        raise UsageError(str(error)) from error  # it names the file, line and column
    except FileNotFoundError as error:
        raise UsageError(f"{args.file}: no such file") from error
    print(f"codebook of {args.consultation}: {len(changes)} changes")
    for change in changes:
        print(f"  {change}")
    return 0


def agreement(args: argparse.Namespace, settings: Settings) -> int:
    sheets = [Path(sheet) for sheet in args.sheets]
    final = Path(args.final) if args.final else None
    try:
        found = agreement_of(sheets, final)
    except (CodingSheetError, FileNotFoundError) as error:
        raise UsageError(str(error)) from error
    print(f"coders: {', '.join(found.coders)} ({found.statements} statements coded by two or more)")
    print(f"Krippendorff's alpha (nominal): {_figure(found.alpha)}")
    for part, value in found.alpha_per_part.items():
        print(f"  part {part}: {_figure(value)}")
    print(f"the machine against {found.final} (first suggestion; among its three):")
    for part in found.machine:
        print(
            f"  part {part.part}: {part.statements} statements, top-1 {part.top1:.2f}, "
            f"top-3 {part.top3:.2f}, alpha {_figure(part.alpha)}"
        )
    if found.disagreements:
        print(f"{len(found.disagreements)} statements the coders placed differently:")
    for item in found.disagreements:
        text = " ".join(item.text.split())
        text = text if len(text) <= 90 else text[:87] + "..."
        codes = "; ".join(f"{coder}: {code}" for coder, code in item.codes.items())
        print(f"  {item.statement_id} (part {item.part}) {text}\n    {codes}")
    return 0


def _figure(value: float | None) -> str:
    return "n/a (nothing to compare)" if value is None else f"{value:.3f}"


def assign(args: argparse.Namespace, settings: Settings) -> int:
    from analysis.assign_cli import main as assign_main

    argv = ["--codebook", args.codebook] if args.codebook else []
    return assign_main(argv, sys.stdin, sys.stdout)


def scrub(args: argparse.Namespace, settings: Settings) -> int:
    from privacy.scrub import main as scrub_main

    argv = ["--profile", args.profile] + (["--lang", args.lang] if args.lang else [])
    return scrub_main(argv, sys.stdin, sys.stdout)
