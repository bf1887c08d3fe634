"""Facilitator commands: consultations, invite links, progress, exports, erasure."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime, time, timedelta

from bot.consultations import default_questions
from bot.errors import UsageError
from bot.settings import Settings
from storage.progress import progress
from storage.store import Store

QUESTIONS = range(1, 6)
MAX_INVITE_DAYS = 366
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")  # Telegram's rule for usernames


def _store(settings: Settings) -> Store:
    return Store.open(settings.db_path)


def consultation_in(store: Store, consultation_id: str):
    consultation = store.consultations.get(consultation_id)
    if consultation is None:
        raise UsageError(f"no consultation with id {consultation_id!r} (see `consultation list`)")
    return consultation


def _date(value: str | None) -> str:
    if value is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise UsageError(f"--date must be YYYY-MM-DD, not {value!r}") from error


def create(args: argparse.Namespace, settings: Settings) -> int:
    if not args.title.strip():
        raise UsageError("--title must not be empty")
    store = _store(settings)
    consultation = store.consultations.create(
        args.title.strip(), args.programme, _date(args.date), default_questions()
    )
    print(consultation.id)
    return 0


def listing(args: argparse.Namespace, settings: Settings) -> int:
    consultations = _store(settings).consultations.all()
    if not consultations:
        print("no consultations yet: rondetafel consultation create --title ...")
    for c in consultations:
        print(f"{c.id}\t{c.date}\t{c.status}\t{c.title}")
    return 0


def close(args: argparse.Namespace, settings: Settings) -> int:
    store = _store(settings)
    consultation_in(store, args.id)
    store.consultations.set_status(args.id, "closed")
    print(f"closed {args.id}")
    return 0


def _expiry(value: str | None, now: datetime) -> datetime | None:
    if value is None:
        return None
    if match := re.fullmatch(r"(\d+)d", value.strip()):
        days = int(match.group(1))
        if not 1 <= days <= MAX_INVITE_DAYS:
            raise UsageError(f"--expires takes 1 to {MAX_INVITE_DAYS} days, not {days}")
        return now + timedelta(days=days)
    try:
        day = date.fromisoformat(value)
    except ValueError as error:
        raise UsageError(
            f"--expires must be YYYY-MM-DD or a number of days like 14d, not {value!r}"
        ) from error
    moment = datetime.combine(day, time(23, 59, 59), tzinfo=UTC)
    if moment <= now:
        raise UsageError(f"--expires {value} is in the past")
    return moment


def invite(args: argparse.Namespace, settings: Settings) -> int:
    if args.uses is not None and args.uses < 1:
        raise UsageError("--uses must be 1 or more")
    store = _store(settings)
    consultation = consultation_in(store, args.consultation)
    if consultation.status != "open":
        raise UsageError(f"consultation {consultation.id} is closed")
    username = (args.bot or store.get_meta("bot_username") or "").lstrip("@")
    if not username:
        raise UsageError(
            "the bot's username is not known yet: pass --bot NAME, or `run` the bot once"
        )
    if not USERNAME.fullmatch(username):
        raise UsageError(
            f"--bot takes the bot's username (letters, digits, _; like rondetafel_bot), "
            f"not {username!r}"
        )
    token = store.invites.create(
        consultation.id, args.role, args.uses, _expiry(args.expires, store.now())
    )
    print(f"https://t.me/{username}?start={token}")
    return 0


def status(args: argparse.Namespace, settings: Settings) -> int:
    store = _store(settings)
    print_status(store, consultation_in(store, args.consultation))
    return 0


def print_status(store: Store, consultation) -> None:
    report = progress(store.db, consultation.id)
    print(f"{consultation.title} ({consultation.id}, {consultation.date}, {consultation.status})")
    print(f"{'':14}{'invited':>9}{'started':>9}{'submitted':>11}")
    for role in ("stakeholder", "expert"):
        r = report[role]
        print(f"{role:14}{r['invited']:>9}{r['started']:>9}{r['submitted']:>11}")
    print("answered per question (submitted / in progress):")
    for number in QUESTIONS:
        q = report["questions"][number]
        print(f"  question {number}: {q['submitted']} / {q['in_progress']}")


def export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.exporting import export_consultation

    store = _store(settings)
    consultation = consultation_in(store, args.consultation)
    for path in export_consultation(store, consultation, args.format, args.out):
        print(path)
    return 0


def forget(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import keyring_for

    store = _store(settings)
    keyring = keyring_for(store, settings)
    respondent = store.answers.respondent_by_withdraw(keyring.withdrawal(args.code))
    if respondent is None:
        raise UsageError("no answers belong to that withdrawal code")
    count = store.answers.erase_respondent(respondent)
    print(f"erased {count} answers")
    return 0


def purge(args: argparse.Namespace, settings: Settings) -> int:
    from privacy.retention import purge as purge_store

    days = args.days if args.days is not None else settings.retention_days
    if days < 1:
        raise UsageError("--days must be 1 or more")
    report = purge_store(_store(settings), days)
    print(f"purged {report.participants} unsubmitted participants, {report.sessions} sessions")
    return 0
