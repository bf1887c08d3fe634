"""Facilitator commands around the work group's review: coding sheet, codebook, assign, scrub."""

from __future__ import annotations

import argparse
import sys

from bot.errors import UsageError
from bot.facilitation import consultation_in
from bot.settings import Settings
from storage.store import Store


def import_coding(args: argparse.Namespace, settings: Settings) -> int:
    from bot.coding import import_sheet
    from renderers.coding_sheet import CodingSheetError

    store = Store.open(settings.db_path)
    consultation = consultation_in(store, args.consultation)
    try:
        summary = import_sheet(store, consultation, args.file)
    except (CodingSheetError, FileNotFoundError) as error:
        raise UsageError(f"{args.file}: {error}") from error
    print(summary)
    return 0


def export_codebook(args: argparse.Namespace, settings: Settings) -> int:
    from analysis.codebook import load_default_codebook
    from consultation.review import codebook_of

    if args.consultation:
        store = Store.open(settings.db_path)
        codebook = codebook_of(store, consultation_in(store, args.consultation))
    else:
        codebook = load_default_codebook()
    _write_codebook(codebook, args.out)
    print(args.out)
    return 0


def _write_codebook(codebook, out: str) -> None:
    if not out.endswith((".yaml", ".yml", ".csv")):
        raise UsageError("--out must end in .yaml, .yml or .csv")
    try:
        codebook.write(out)
    except OSError as error:
        raise UsageError(f"cannot write {out}: {error.strerror}") from error


def import_codebook(args: argparse.Namespace, settings: Settings) -> int:
    from analysis.codebook import Codebook, CodebookError
    from consultation.review import codebook_of, save_codebook

    store = Store.open(settings.db_path)
    consultation = consultation_in(store, args.consultation)
    try:
        codebook = Codebook.read(args.file)
    except CodebookError as error:
        raise UsageError(str(error)) from error  # it names the file, line and column
    except FileNotFoundError as error:
        raise UsageError(f"{args.file}: no such file") from error
    changes = codebook.changes_from(codebook_of(store, consultation))
    try:
        save_codebook(store, consultation, codebook)
    except CodebookError as error:
        raise UsageError(f"{args.file}: {error}") from error
    print(f"codebook of {consultation.id}: {len(changes)} changes")
    for change in changes:
        print(f"  {change}")
    return 0


def assign(args: argparse.Namespace, settings: Settings) -> int:
    from analysis.assign_cli import main as assign_main

    argv = ["--codebook", args.codebook] if args.codebook else []
    return assign_main(argv, sys.stdin, sys.stdout)


def scrub(args: argparse.Namespace, settings: Settings) -> int:
    from privacy.scrub import main as scrub_main

    argv = ["--profile", args.profile] + (["--lang", args.lang] if args.lang else [])
    return scrub_main(argv, sys.stdin, sys.stdout)
