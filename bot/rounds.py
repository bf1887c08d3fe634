"""Command-line commands for running a round: sessions, reminders, facilitators and the
audit log. Each calls the consultation action the chat calls too, and is audited as the
command line's."""

from __future__ import annotations

import argparse
import json

from bot.facilitation import core_of, links_for
from bot.settings import Settings
from consultation import audit, facilitators, meetings, reminders
from consultation.audit import COMMAND_LINE
from consultation.consultations import find


def add_parsers(sub) -> None:
    session = sub.add_parser("session", help="a consultation's sessions (catch-up rounds)")
    ssub = session.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = ssub.add_parser(
        "add", help="start a catch-up session; invites made after it are for it (prints its number)"
    )
    add.add_argument("--consultation", required=True, help="consultation id")
    add.add_argument("--date", help="its date, YYYY-MM-DD (default today)")
    add.set_defaults(handler=add_session)
    listing = ssub.add_parser("list", help="the sessions so far")
    listing.add_argument("--consultation", required=True, help="consultation id")
    listing.set_defaults(handler=list_sessions)

    remind = sub.add_parser(
        "remind", help="the one reminder a paused participant gets: show or set its delay"
    )
    remind.add_argument("--consultation", required=True, help="consultation id")
    remind.add_argument(
        "--after", metavar="HOURS", help="hours of pause before the reminder; 0 turns them off"
    )
    remind.set_defaults(handler=remind_settings)

    fac = sub.add_parser("facilitators", help="who may run one consultation from the chat")
    fsub = fac.add_subparsers(dest="action", required=True, metavar="ACTION")
    f_list = fsub.add_parser("list", help="the facilitators, by the name the audit log uses")
    f_list.add_argument("--consultation", required=True, help="consultation id")
    f_list.set_defaults(handler=list_facilitators)
    f_add = fsub.add_parser(
        "add", help="add a facilitator: by account id, or print a one-time link to send them"
    )
    f_add.add_argument("--consultation", required=True, help="consultation id")
    f_add.add_argument("--user", type=int, help="their numeric account id, if you know it")
    f_add.add_argument("--bot", help="the bot's username, for the link (default: as known)")
    f_add.set_defaults(handler=add_facilitator)
    f_remove = fsub.add_parser("remove", help="remove a facilitator (name from `list`)")
    f_remove.add_argument("--consultation", required=True, help="consultation id")
    f_remove.add_argument("name", help="as listed, e.g. f-3a9c1e07")
    f_remove.set_defaults(handler=remove_facilitator)

    log = sub.add_parser(
        "audit", help="what facilitators did, when, and who (a keyed name); never answers"
    )
    log.add_argument("--consultation", help="only this consultation")
    log.add_argument("--json", action="store_true", help="JSON lines, for scripts")
    log.set_defaults(handler=show_audit)


def add_session(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    meeting = meetings.add(core, args.consultation, args.date)
    audit.record(core, COMMAND_LINE, "session.add", meeting.consultation_id, session=meeting.number)
    print(meeting.number)
    return 0


def list_sessions(args: argparse.Namespace, settings: Settings) -> int:
    for meeting in meetings.listing(core_of(settings), args.consultation):
        print(f"{meeting.number}\t{meeting.date}")
    return 0


def remind_settings(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    consultation = find(core, args.consultation)
    if args.after is not None:
        consultation = reminders.set_after(core, consultation.id, args.after, COMMAND_LINE)
    hours = reminders.after_hours(core, consultation)
    waiting, sent = reminders.counts(core, consultation.id)
    print(f"reminder after: {f'{hours} hours' if hours else 'off'}")
    print(f"may still get one: {waiting}\nreminded: {sent}")
    return 0


def list_facilitators(args: argparse.Namespace, settings: Settings) -> int:
    found = facilitators.listing(core_of(settings), args.consultation)
    if not found:
        print("no facilitators besides the administrators (RONDETAFEL_ADMINS)")
    for facilitator in found:
        print(facilitator.label)
    return 0


def add_facilitator(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    if args.user is not None:
        added = facilitators.add(
            core, args.consultation, core.keyring.user_key(args.user), COMMAND_LINE
        )
        print(added.label)
        return 0
    link = facilitators.link(
        core, args.consultation, links_for(core, settings, args.bot), COMMAND_LINE
    )
    print(link)
    print(f"(works once, for {facilitators.LINK_DAYS} days)")
    return 0


def remove_facilitator(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    facilitators.remove(core, args.consultation, args.name, COMMAND_LINE)
    print(f"removed {args.name}")
    return 0


def show_audit(args: argparse.Namespace, settings: Settings) -> int:
    core = core_of(settings)
    if args.consultation:
        find(core, args.consultation)
    entries = audit.entries(core, args.consultation)
    if args.json:
        for e in entries:
            print(
                json.dumps(
                    {
                        "at": e.at,
                        "who": e.who,
                        "consultation": e.consultation_id,
                        "action": e.action,
                        "detail": e.detail,
                    }
                )
            )
        return 0
    if not entries:
        print("nothing recorded yet")
    for e in entries:
        print(f"{e.at}  {e.who:13} {e.consultation_id or '-':8} {e.action:20} {e.detail}")
    return 0
