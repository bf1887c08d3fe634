"""Facilitator commands of the command line: consultations, questions, invites, progress,
export, erasure. Each calls the consultation action the chat calls too."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.app import keyring_for, load_deidentifier
from bot.errors import UsageError
from bot.settings import Settings
from bot.telegram import DELETE_WINDOW_DAYS, TelegramLinks
from consultation import consultations, erasure, export, invitations, progress
from consultation.core import Core
from consultation.questions import (
    ROLES,
    QuestionSetError,
    default_text,
    read_question_set,
)
from storage.atomic_file import write_text_atomically
from storage.store import Store


class _LazyDeidentifier:
    """The de-identifier is loaded only by commands that de-identify."""

    def __init__(self) -> None:
        self._loaded = None

    def deidentify(self, *args, **kwargs):
        if self._loaded is None:
            self._loaded = load_deidentifier()
        return self._loaded.deidentify(*args, **kwargs)


def core_of(settings: Settings) -> Core:
    store = Store.open(settings.db_path)
    return Core(store, keyring_for(store, settings), _LazyDeidentifier(), settings.retention_days)


def create(args: argparse.Namespace, settings: Settings) -> int:
    questions = None
    if args.questions:
        try:
            questions = read_question_set(args.questions)
        except QuestionSetError as error:
            raise UsageError(str(error)) from error
    consultation = consultations.create(
        core_of(settings), args.title, args.date, args.programme, questions
    )
    print(consultation.id)
    return 0


def listing(args: argparse.Namespace, settings: Settings) -> int:
    found = consultations.listing(core_of(settings))
    if not found:
        print("no consultations yet: rondetafel consultation create --title ...")
    for c in found:
        print(f"{c.id}\t{c.date}\t{c.status}\t{c.title}")
    return 0


def close(args: argparse.Namespace, settings: Settings) -> int:
    consultations.close(core_of(settings), args.id)
    print(f"closed {args.id}")
    return 0


def reopen(args: argparse.Namespace, settings: Settings) -> int:
    consultations.reopen(core_of(settings), args.id)
    print(f"reopened {args.id}")
    return 0


def export_questions(args: argparse.Namespace, settings: Settings) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError("--out must end in .yaml or .yml")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist")
    write_text_atomically(out, default_text())
    print(out)
    return 0


def invite(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    links = TelegramLinks(core.store, args.bot)
    invitation = invitations.invite(
        core, args.consultation, args.role, links, args.uses, args.expires
    )
    print(invitation.link)
    return 0


def status(args: argparse.Namespace, settings: Settings) -> int:
    print_status(progress.report(core_of(settings), args.consultation))
    return 0


def print_status(report: progress.Report) -> None:
    c = report.consultation
    print(f"{c.title} ({c.id}, {c.date}, {c.status})")
    print(f"{'':14}{'invited':>9}{'started':>9}{'submitted':>11}")
    for role in ROLES:
        r = report.roles[role]
        print(f"{role:14}{r.invited:>9}{r.started:>9}{r.submitted:>11}")
    print("answered per question (submitted / in progress):")
    for q in report.questions:
        print(f"  question {q.number}: {q.submitted} / {q.in_progress}")


def export_files(args: argparse.Namespace, settings: Settings) -> int:
    result = export.export(core_of(settings), args.consultation, args.format, args.out)
    if result.empty:
        print(
            f"rondetafel: note: consultation {args.consultation} has no submitted answers yet",
            file=sys.stderr,
        )
    for gap in result.fallbacks:
        steps = [
            s
            for s, ok in (
                ("de-identification", gap.deidentification),
                ("clustering", gap.clustering),
            )
            if not ok
        ]
        print(
            f"rondetafel: note: answers in {gap.name} ({gap.code}): {' and '.join(steps)}"
            " fall back to what works in any language (see `rondetafel languages`)",
            file=sys.stderr,
        )
    for path in result.files:
        print(path)
    return 0


def languages(args: argparse.Namespace, settings: Settings) -> int:
    from consultation.coverage import coverage

    print(f"{'code':6}{'name':14}{'interface':>11}{'de-identification':>19}{'clustering':>12}")
    for c in coverage():
        marks = ["yes" if ok else "fallback" for ok in (c.deidentification, c.clustering)]
        interface = "yes" if c.interface else "-"
        print(f"{c.code:6}{c.name:14}{interface:>11}{marks[0]:>19}{marks[1]:>12}")
    print(
        "fallback: de-identification removes contact details, numbers and addresses but finds"
        " names less well; clustering reads words without knowing which are alike"
    )
    return 0


def forget(args: argparse.Namespace, settings: Settings) -> int:
    count = erasure.withdraw(core_of(settings), args.code)
    print(f"erased {count} answers")
    return 0


def purge(args: argparse.Namespace, settings: Settings) -> int:
    report = erasure.purge(core_of(settings), args.days, DELETE_WINDOW_DAYS)
    print(f"purged {report.participants} unsubmitted participants, {report.sessions} sessions")
    return 0
