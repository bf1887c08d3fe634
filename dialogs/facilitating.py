"""Facilitator commands in the chat: /consultations, /status, /invite, /close, /reopen,
/remind, /facilitators (and /new in ``creating``, /export in ``exporting``).

For the administrators the installation names and the facilitators they add per
consultation; for anyone else these commands do not exist (the engine routes them as
unknown). Each takes the consultation's id, or offers buttons to choose one when there is
more than one; each calls the same consultation action as the command line, and every one
of them is written to the audit log.
"""

from __future__ import annotations

from dataclasses import replace

from consultation import (
    audit,
    consultations,
    facilitators,
    invitations,
    meetings,
    progress,
    reminders,
)
from consultation.errors import Refused
from consultation.questions import ROLES
from dialogs import exporting
from dialogs.choosing import chosen, words_after_id
from dialogs.events import SendFile
from dialogs.turn import Turn
from renderers.qr_image import qr_png
from storage.records import Consultation

REMIND_CHOICES = (24, 48, 72, 0)


def pick(turn: Turn) -> None:
    """A consultation chosen with a button: run the command as if its id had been typed."""
    command, _, consultation_id = turn.arg.partition(" ")
    handler = COMMANDS.get(command)
    if handler is None or not consultation_id:
        return
    turn.event = replace(turn.event, text=consultation_id)
    handler(turn)


# the commands -----------------------------------------------------------------------------


def list_consultations(turn: Turn) -> None:
    rows = [
        f"{c.id} · {c.date} · {turn.t('admin.' + c.status)} · {c.title}"
        for c in facilitators.visible(turn.core, turn.event.user_key, turn.admins)
    ]
    turn.say_text("\n".join(rows) if rows else turn.t("admin.none"))


def status(turn: Turn) -> None:
    consultation = chosen(turn, "status")
    if consultation is None:
        return
    report = progress.report(turn.core, consultation.id)
    n = turn.number
    lines = [f"{consultation.title} ({consultation.id}) · {turn.t('admin.' + consultation.status)}"]
    for role in ROLES:
        r = report.roles[role]
        lines.append(
            turn.t(
                f"admin.status.{role}",
                invited=n(r.invited),
                started=n(r.started),
                submitted=n(r.submitted),
            )
        )
    for q in report.questions:
        lines.append(
            turn.t(
                "admin.status.question",
                number=n(q.number),
                submitted=n(q.submitted),
                in_progress=n(q.in_progress),
            )
        )
    lines.append(turn.t("admin.status.sessions", count=n(report.sessions)))
    if consultation.closes_on:
        lines.append(turn.t("admin.status.closes", day=consultation.closes_on))
    turn.say_text("\n".join(lines))
    turn.actions.append(
        SendFile(f"status-{consultation.id}.png", progress.chart(report, turn.t), photo=True)
    )
    audit.record(turn.core, turn.actor, "status", consultation.id)


def invite(turn: Turn) -> None:
    """``/invite [ID [ROLE [USES]]]``: a link per role (or the one asked), each with a QR code."""
    consultation = chosen(turn, "invite", "open")
    if consultation is None:
        return
    rest = words_after_id(turn)
    if len(rest) > 2:
        turn.say("admin.invite.usage")
        return
    roles = [rest[0]] if rest else list(ROLES)
    _send_invites(turn, consultation, roles, rest[1] if len(rest) == 2 else None)


def _send_invites(turn: Turn, consultation: Consultation, roles: list[str], uses=None) -> None:
    if turn.links is None:  # no channel to make links for
        turn.say("error.invite.no_bot_name")
        return
    try:
        made = [
            invitations.invite(turn.core, consultation.id, role, turn.links, uses, actor=turn.actor)
            for role in roles
        ]
    except Refused as refusal:
        turn.refuse(refusal)
        return
    if len(made) == 1:
        turn.say_text(made[0].link)
    else:
        lines = [
            turn.t(
                "admin.invite.links",
                title=consultation.title,
                session=turn.number(made[0].meeting),
            )
        ]
        lines += [f"{turn.t('chart.' + i.role)}: {i.link}" for i in made]
        turn.offer(
            "\n\n".join(lines),
            (turn.button("button.new_session", "session", consultation.id),),
        )
    for invitation in made:
        caption = turn.t(
            "admin.invite.qr",
            role=turn.t("chart." + invitation.role),
            session=turn.number(invitation.meeting),
        )
        turn.actions.append(
            SendFile(
                f"invite-{consultation.id}-{invitation.role}.png",
                qr_png(invitation.link),
                caption=f"{caption}\n{invitation.link}",
                photo=True,
            )
        )


def new_session(turn: Turn) -> None:
    """The button under the links: a catch-up session, with new links for it."""
    try:
        consultation = facilitators.find_for(turn.core, turn.event.user_key, turn.admins, turn.arg)
        meeting = meetings.add(turn.core, consultation.id)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    audit.record(turn.core, turn.actor, "session.add", consultation.id, session=meeting.number)
    turn.say("admin.session.added", number=turn.number(meeting.number))
    _send_invites(turn, consultation, list(ROLES))


def close(turn: Turn) -> None:
    consultation = chosen(turn, "close", "open")
    if consultation is None:
        return
    try:
        consultations.close(turn.core, consultation.id, turn.actor)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.offer(
        turn.t("admin.closed_done", title=consultation.title, days=turn.core.retention_days),
        (turn.button("button.reopen", "pick", f"reopen {consultation.id}"),),
    )


def reopen(turn: Turn) -> None:
    consultation = chosen(turn, "reopen", "closed")
    if consultation is None:
        return
    try:
        consultations.reopen(turn.core, consultation.id, turn.actor)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.say("admin.reopened", title=consultation.title)


def remind(turn: Turn) -> None:
    """``/remind [ID [HOURS|off]]``: how long a pause before the one reminder, and how many
    participants may still get one."""
    consultation = chosen(turn, "remind")
    if consultation is None:
        return
    rest = words_after_id(turn)
    if rest:
        _set_remind(turn, consultation.id, "0" if rest[0].lower() == "off" else rest[0])
        return
    hours = reminders.after_hours(turn.core, consultation)
    waiting, sent = reminders.counts(turn.core, consultation.id)
    text = turn.t(
        "admin.remind.on" if hours else "admin.remind.off",
        title=consultation.title,
        hours=turn.number(hours),
        waiting=turn.number(waiting),
        sent=turn.number(sent),
    )
    buttons = tuple(
        turn.button(
            "button.remind_hours" if h else "button.remind_off",
            "remind_set",
            f"{consultation.id} {h}",
            hours=h,
        )
        for h in REMIND_CHOICES
    )
    turn.offer(text, buttons)


def set_remind(turn: Turn) -> None:
    consultation_id, _, hours = turn.arg.partition(" ")
    _set_remind(turn, consultation_id, hours)


def _set_remind(turn: Turn, consultation_id: str, hours: str) -> None:
    try:
        facilitators.find_for(turn.core, turn.event.user_key, turn.admins, consultation_id)
        consultation = reminders.set_after(turn.core, consultation_id, hours, turn.actor)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    hours_now = reminders.after_hours(turn.core, consultation)
    if hours_now:
        turn.say("admin.remind.set", hours=turn.number(hours_now))
    else:
        turn.say("admin.remind.none")


def list_facilitators(turn: Turn) -> None:
    """``/facilitators [ID [remove LABEL]]``: who facilitates; administrators add (a one-time
    link) and remove."""
    consultation = chosen(turn, "facilitators")
    if consultation is None:
        return
    rest = words_after_id(turn)
    admin = facilitators.is_admin(turn.event.user_key, turn.admins)
    if rest and rest[0] == "remove" and len(rest) == 2 and admin:
        _remove(turn, consultation.id, rest[1])
        return
    found = facilitators.listing(turn.core, consultation.id)
    text = turn.t("admin.facilitators", title=consultation.title)
    text += "\n" + (
        "\n".join(f.label for f in found) if found else turn.t("admin.facilitators.none")
    )
    if not admin:
        turn.say_text(text)
        return
    rows = [(turn.button("button.add_facilitator", "fac_add", consultation.id),)]
    rows += [
        (
            turn.button(
                "button.remove_facilitator",
                "fac_remove",
                f"{consultation.id} {f.label}",
                label=f.label,
            ),
        )
        for f in found
    ]
    turn.offer(text, *rows)


def add_facilitator(turn: Turn) -> None:
    if not facilitators.is_admin(turn.event.user_key, turn.admins):
        return
    try:
        link = facilitators.link(turn.core, turn.arg, turn.links, turn.actor)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.say("admin.facilitators.link", link=link, days=turn.number(facilitators.LINK_DAYS))


def remove_facilitator(turn: Turn) -> None:
    if not facilitators.is_admin(turn.event.user_key, turn.admins):
        return
    consultation_id, _, label = turn.arg.partition(" ")
    _remove(turn, consultation_id, label)


def _remove(turn: Turn, consultation_id: str, label: str) -> None:
    try:
        facilitators.remove(turn.core, consultation_id, label, turn.actor)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.say("admin.facilitators.removed", label=label)


COMMANDS = {
    "export": exporting.export,
    "status": status,
    "invite": invite,
    "close": close,
    "reopen": reopen,
    "remind": remind,
    "facilitators": list_facilitators,
}
