"""Facilitator commands of the command line: consultations, questions, invites, progress,
export, erasure. Each calls the consultation action the chat calls too."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.app import check_database, keyring_for, load_deidentifier
from bot.errors import UsageError
from bot.settings import Settings
from bot.telegram import DELETE_WINDOW_DAYS, TelegramLinks
from consultation import audit, consultations, erasure, export, invitations, progress
from consultation.audit import COMMAND_LINE
from consultation.core import Core
from consultation.questions import (
    ROLES,
    QuestionSetError,
    default_text,
    read_question_set,
)
from locales.texts import Texts
from storage.atomic_file import write_bytes_atomically, write_text_atomically
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
    """The consultation core on the configured database (see ``check_database``)."""
    check_database(settings)
    store = Store.open(settings.db_path)
    return Core(
        store,
        keyring_for(store, settings),
        _LazyDeidentifier(),
        settings.retention_days,
        settings.reminder_hours,
    )


def links_for(core: Core, settings: Settings, bot: str | None) -> TelegramLinks:
    """Invite links for this bot: its name as given, as the running bot stored it, or as the
    Bot API says with the token (so this works before the bot has ever run). The name is
    looked for only once everything else about the invite is right."""
    return _AskingLinks(core, settings, bot)


class _AskingLinks(TelegramLinks):
    def __init__(self, core: Core, settings: Settings, bot: str | None) -> None:
        super().__init__(core.store, bot)
        self._core, self._settings, self._given = core, settings, bot

    def check(self) -> None:
        store = self._core.store
        if not self._given and not store.get_meta("bot_username"):
            if not self._settings.token:
                raise UsageError(
                    "the bot's username is not known yet: pass --bot NAME (the username "
                    "@BotFather gave, without @), or set TELEGRAM_BOT_TOKEN so it can be asked"
                )
            from bot.operations import ask_username

            with store.transaction():
                store.set_meta("bot_username", ask_username(self._settings))
        super().check()


def create(args: argparse.Namespace, settings: Settings) -> int:
    if args.questions and args.copy_questions_from:
        raise UsageError("give --questions or --copy-questions-from, not both")
    questions = None
    if args.questions:
        try:
            questions = read_question_set(args.questions)
        except QuestionSetError as error:
            raise UsageError(str(error)) from error
    core = core_of(settings)
    if args.copy_questions_from:
        questions = consultations.copy_questions(core, args.copy_questions_from)
    consultation = consultations.create(
        core,
        args.title,
        args.date,
        args.programme,
        questions,
        closes_on=args.closes,
        actor=COMMAND_LINE,
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
    consultations.close(core_of(settings), args.id, COMMAND_LINE)
    print(f"closed {args.id}")
    return 0


def reopen(args: argparse.Namespace, settings: Settings) -> int:
    consultations.reopen(core_of(settings), args.id, COMMAND_LINE)
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
    qr = _png_target(args.qr)
    core = core_of(settings)
    invitation = invitations.invite(
        core,
        args.consultation,
        args.role,
        links_for(core, settings, args.bot),
        args.uses,
        args.expires,
        args.session,
        actor=COMMAND_LINE,
    )
    print(invitation.link)
    if qr is not None:
        from renderers.qr_image import qr_png

        write_bytes_atomically(qr, qr_png(invitation.link))
        print(qr)
    return 0


def _png_target(value: str | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if path.suffix.lower() != ".png":
        raise UsageError(f"{value}: the picture is a PNG, so its name must end in .png")
    if not path.parent.is_dir():
        raise UsageError(f"the folder {path.parent} does not exist")
    return path


def status(args: argparse.Namespace, settings: Settings) -> int:
    chart = _png_target(args.chart)
    core = core_of(settings)
    report = progress.report(core, args.consultation)
    audit.record(core, COMMAND_LINE, "status", report.consultation.id)
    if args.json:
        print(json.dumps(progress.as_data(report), ensure_ascii=False, indent=2))
    else:
        print_status(report)
    if chart is not None:
        write_bytes_atomically(chart, chart_png(report))
        print(chart, file=sys.stderr if args.json else sys.stdout)
    return 0


def chart_png(report: progress.Report) -> bytes:
    texts = Texts()
    return progress.chart(report, lambda key, **values: texts.get("en", key, **values))


def print_status(report: progress.Report) -> None:
    c = report.consultation
    closing = f", closes after {c.closes_on}" if c.closes_on else ""
    print(f"{c.title} ({c.id}, {c.date}, {c.status}{closing}; sessions: {report.sessions})")
    print(f"{'':14}{'link places':>12}{'started':>9}{'submitted':>11}")
    for role in ROLES:
        r = report.roles[role]
        print(f"{role:14}{r.invited:>12}{r.started:>9}{r.submitted:>11}")
    print("(link places: how many people the invite links admit, not people invited)")
    print("answered per question (submitted / in progress):")
    for q in report.questions:
        print(f"  question {q.number}: {q.submitted} / {q.in_progress}")


def export_files(args: argparse.Namespace, settings: Settings) -> int:
    result = export.export(
        core_of(settings), args.consultation, args.format, args.out, COMMAND_LINE
    )
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
    from consultation.coverage import coverage, meaning

    print(f"{'code':6}{'name':14}{'interface':>11}{'de-identification':>19}{'clustering':>12}")
    for c in coverage():
        marks = ["yes" if ok else "fallback" for ok in (c.deidentification, c.clustering)]
        interface = "yes" if c.interface else "-"
        print(f"{c.code:6}{c.name:14}{interface:>11}{marks[0]:>19}{marks[1]:>12}")
    print(
        "fallback: de-identification removes contact details, numbers and addresses but finds"
        " names less well; clustering reads words without knowing which are alike"
    )
    print(meaning())
    return 0


def forget(args: argparse.Namespace, settings: Settings) -> int:
    count = erasure.withdraw(core_of(settings), args.code)
    print(f"erased {count} answers")
    return 0


def purge(args: argparse.Namespace, settings: Settings) -> int:
    report = erasure.purge(core_of(settings), args.days, DELETE_WINDOW_DAYS)
    print(f"purged {report.participants} unsubmitted participants, {report.sessions} sessions")
    return 0
