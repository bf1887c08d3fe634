"""Who may facilitate which consultation.

Administrators (the accounts the installation names, as keyed hashes) facilitate every
consultation and may add or remove facilitators of one consultation; a facilitator they add
sees and runs only that one. To everyone else a consultation they do not facilitate does not
exist: the refusal is the same as for an unknown id.

Adding happens through a one-time link (valid a week) that the new facilitator opens in the
chat, or on the command line with their account id; nobody has to know anyone's account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from consultation import audit
from consultation.consultations import find
from consultation.core import Core
from consultation.errors import Refused
from consultation.invitations import InviteLinks
from storage.records import Consultation

LINK_DAYS = 7


@dataclass(frozen=True)
class Facilitator:
    label: str  # the keyed name used in the audit log too
    user_key: str


def is_admin(user_key: str, admins: frozenset[str]) -> bool:
    return user_key in admins


def is_facilitator(core: Core, user_key: str, admins: frozenset[str]) -> bool:
    return is_admin(user_key, admins) or bool(core.store.facilitators.consultations_of(user_key))


def visible(core: Core, user_key: str | None, admins: frozenset[str]) -> list[Consultation]:
    """The consultations this account facilitates (all, for an administrator or the command
    line, ``user_key=None``), oldest first."""
    everything = core.store.consultations.all()
    if user_key is None or is_admin(user_key, admins):
        return everything
    mine = set(core.store.facilitators.consultations_of(user_key))
    return [c for c in everything if c.id in mine]


def find_for(
    core: Core, user_key: str | None, admins: frozenset[str], consultation_id: str
) -> Consultation:
    """The consultation, if this account facilitates it; otherwise as unknown as it gets."""
    consultation = find(core, consultation_id)
    if user_key is not None and consultation not in visible(core, user_key, admins):
        raise Refused("error.consultation.unknown", id=consultation_id)
    return consultation


def listing(core: Core, consultation_id: str) -> list[Facilitator]:
    keys = core.store.facilitators.of_consultation(find(core, consultation_id).id)
    return [Facilitator(audit.who(core, key), key) for key in keys]


def link(core: Core, consultation_id: str, links: InviteLinks, actor: str) -> str:
    """A one-time link that makes whoever opens it a facilitator of this consultation."""
    consultation = find(core, consultation_id)
    links.check()
    with core.store.transaction():
        token = core.store.facilitators.new_link(
            consultation.id, core.store.now() + timedelta(days=LINK_DAYS)
        )
        audit.record(core, actor, "facilitators.link", consultation.id, days=LINK_DAYS)
    return links.link(token)


def is_link(token: str) -> bool:
    return token.startswith("f") and len(token) > 16


def accept(core: Core, user_key: str, token: str) -> Consultation | None:
    """The account opened a facilitator link: it facilitates that consultation from now on."""
    with core.store.transaction():
        consultation_id = core.store.facilitators.take_link(token.strip())
        if consultation_id is None:
            return None
        core.store.facilitators.add(consultation_id, user_key)
        audit.record(core, audit.who(core, user_key), "facilitators.joined", consultation_id)
    return find(core, consultation_id)


def add(core: Core, consultation_id: str, user_key: str, actor: str) -> Facilitator:
    consultation = find(core, consultation_id)
    with core.store.transaction():
        core.store.facilitators.add(consultation.id, user_key)
        label = audit.who(core, user_key)
        audit.record(core, actor, "facilitators.add", consultation.id, facilitator=label)
    return Facilitator(label, user_key)


def remove(core: Core, consultation_id: str, label: str, actor: str) -> Facilitator:
    """Remove the facilitator named ``label`` (as listed); ``Refused`` when there is none."""
    found = [f for f in listing(core, consultation_id) if f.label == label.strip()]
    if not found:
        raise Refused("error.facilitator.unknown", label=label)
    with core.store.transaction():
        core.store.facilitators.remove(consultation_id, found[0].user_key)
        audit.record(core, actor, "facilitators.remove", consultation_id, facilitator=label)
    return found[0]
