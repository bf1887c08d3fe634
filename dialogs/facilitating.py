"""Facilitator commands in the chat, for the accounts allowed them (``RONDETAFEL_ADMINS``).

/consultations lists them, /status ID shows progress in counts, /invite ID ROLE [USES] makes
an invite link. They call the same consultation actions as the command line. For anyone
else these commands do not exist (the engine routes them as unknown).
"""

from __future__ import annotations

from consultation import consultations, invitations, progress
from consultation.errors import Refused
from consultation.questions import ROLES
from dialogs.turn import Turn


def list_consultations(turn: Turn) -> None:
    rows = [
        f"{c.id} · {c.date} · {turn.t('admin.' + c.status)} · {c.title}"
        for c in consultations.listing(turn.core)
    ]
    turn.say_text("\n".join(rows) if rows else turn.t("admin.none"))


def status(turn: Turn) -> None:
    try:
        report = progress.report(turn.core, turn.event.text.strip())
    except Refused as refusal:
        turn.refuse(refusal)
        return
    consultation, n = report.consultation, turn.number
    lines = [f"{consultation.title} ({consultation.id})"]
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
    turn.say_text("\n".join(lines))


def invite(turn: Turn) -> None:
    words = turn.event.text.split()
    if len(words) not in (2, 3):
        turn.say("admin.invite.usage")
        return
    uses = words[2] if len(words) == 3 else None
    if turn.links is None:  # no channel to make links for
        turn.say("error.invite.no_bot_name")
        return
    try:
        invitation = invitations.invite(turn.core, words[0], words[1], turn.links, uses)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.say_text(invitation.link)
