"""Invitations: the one place that checks an invite and makes its link.

An invite is an unguessable token per consultation and role (only its hash is stored), with an
optional number of uses and an end date. The link that carries it is the channel's to make
(``InviteLinks``: for Telegram a deep link to the bot); the rules are the same for the chat and
the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from datetime import date as Date
from typing import Protocol

from consultation import audit, meetings
from consultation.consultations import find, is_open
from consultation.core import Core
from consultation.errors import Refused
from consultation.questions import ROLES
from storage.clock import stamp
from storage.invites import token_hash
from storage.records import Consultation, Invite

MAX_DAYS = 366
MAX_USES = 100_000


class InviteLinks(Protocol):
    def check(self) -> None:
        """Raise ``Refused`` when no link can be made (the bot's name is not known, ...)."""

    def link(self, token: str) -> str: ...


@dataclass(frozen=True)
class Invitation:
    consultation: Consultation
    role: str
    link: str
    uses: int | None
    expires_at: datetime | None
    meeting: int = 1  # the session the link is for


def invite(
    core: Core,
    consultation_id: str,
    role: str,
    links: InviteLinks,
    uses: int | str | None = None,
    expires: str | None = None,
    meeting: int | str | None = None,
    actor: str = "",
) -> Invitation:
    """A new invite link for a session (default: the newest), or ``Refused`` saying why not
    (closed, unknown role, ...)."""
    consultation = find(core, consultation_id)
    if not is_open(consultation):
        raise Refused("error.invite.closed", id=consultation.id)
    if role not in ROLES:
        raise Refused("error.invite.role", role=role)
    count = _uses(uses)
    until = expiry(expires, core.store.now())
    session = meetings.check(core, consultation.id, meeting)
    links.check()
    with core.store.transaction():
        token = core.store.invites.create(consultation.id, role, count, until, session)
        if actor:
            audit.record(
                core, actor, "invite", consultation.id, role=role, uses=count, session=session
            )
    return Invitation(consultation, role, links.link(token), count, until, session)


def _uses(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_USES:
        raise Refused("error.invite.uses", value=text, limit=MAX_USES)
    return int(text)


def expiry(value: str | None, now: datetime) -> datetime | None:
    """``14d`` (days from now) or ``YYYY-MM-DD`` (through the end of that day), in the future."""
    if value is None or not value.strip():
        return None
    if match := re.fullmatch(r"(\d+)\s*d", value.strip()):
        days = int(match.group(1))
        if not 1 <= days <= MAX_DAYS:
            raise Refused("error.invite.days", days=days, limit=MAX_DAYS)
        return now + timedelta(days=days)
    try:
        day = Date.fromisoformat(value.strip())
    except ValueError:
        raise Refused("error.invite.expires", value=value) from None
    moment = datetime.combine(day, time(23, 59, 59), tzinfo=UTC)
    if moment <= now:
        raise Refused("error.invite.past", value=value)
    if moment > now + timedelta(days=MAX_DAYS):
        raise Refused("error.invite.days", days=(moment - now).days, limit=MAX_DAYS)
    return moment


def usable(core: Core, invite: Invite | None) -> bool:
    """Known, not expired, uses left."""
    if invite is None:
        return False
    if invite.expires_at and invite.expires_at <= stamp(core.store.now()):
        return False
    return invite.max_uses is None or invite.uses < invite.max_uses


def by_token(core: Core, token: str) -> Invite | None:
    return core.store.invites.by_hash(token_hash(token.strip())) if token.strip() else None


def by_hash(core: Core, hashed: str | None) -> Invite | None:
    return core.store.invites.by_hash(hashed) if hashed else None
