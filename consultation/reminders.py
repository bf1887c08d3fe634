"""The one gentle reminder a participant who paused may get.

Rules, in one place:
- at most one reminder, after the consultation's pause (default 48 hours, ``0``: none);
- a stakeholder gets one unless they said no; an experience expert only when they asked;
- never after the consultation closed; anyone can say no (``/reminders``).

To reach the chat later, the chat's address is kept on the participant row, sealed with the
installation's key (a keyed stream and a tag: unreadable without the key, and each sealing
different). It is kept only while a reminder may still go: it is erased when the reminder is
sent, when the person says no, when the consultation closes, and with the participant row at
submission (or at the retention purge).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from consultation import audit
from consultation.consultations import find, is_open
from consultation.core import Core
from consultation.errors import Refused
from privacy.keys import Keyring
from storage.clock import stamp
from storage.records import Consultation, Participant

MAX_HOURS = 24 * 30


@dataclass(frozen=True)
class Reminder:
    address: str  # the channel's address of the chat
    lang: str | None
    consultation_id: str
    user_key: str  # the account as a keyed hash: the sent reminder is wiped with the chat


def after_hours(core: Core, consultation: Consultation) -> int:
    """Hours of silence before the reminder; 0: this consultation sends none."""
    if consultation.remind_after_hours is None:
        return core.reminder_hours
    return consultation.remind_after_hours


def set_after(core: Core, consultation_id: str, hours: int | str, actor: str) -> Consultation:
    """Set the pause before a reminder (``0``: no reminders for this consultation)."""
    consultation = find(core, consultation_id)
    text = str(hours).strip()
    if not text.isdigit() or int(text) > MAX_HOURS:
        raise Refused("error.remind.hours", value=text, limit=MAX_HOURS)
    with core.store.transaction():
        core.store.consultations.update(consultation.id, remind_after_hours=int(text))
        if int(text) == 0:
            core.store.participants.forget_reach(consultation.id)
        audit.record(core, actor, "remind", consultation.id, hours=int(text))
    return find(core, consultation.id)


def wanted(participant: Participant) -> bool:
    """Whether this participant may still get their one reminder."""
    if participant.reminded or participant.remind == 0:
        return False
    return participant.remind == 1 or participant.role != "expert"


def keep_address(core: Core, participant_id: int | None, address: str | None) -> None:
    """While someone answers: keep the chat's address, sealed, if a reminder may go."""
    if participant_id is None or not address:
        return
    participant = core.store.participants.get(participant_id)
    if participant is None or participant.reach or not wanted(participant):
        return
    consultation = core.store.consultations.get(participant.consultation_id)
    if consultation is None or not is_open(consultation) or not after_hours(core, consultation):
        return
    core.store.participants.set_reach(participant.id, seal(core.keyring, address))


def choose(core: Core, participant_id: int | None, yes: bool, address: str | None) -> bool:
    """The participant said yes or no to a reminder; False when they are not answering."""
    participant = core.store.participants.get(participant_id) if participant_id else None
    if participant is None:
        return False
    core.store.participants.set_remind(participant.id, 1 if yes else 0)
    if yes:
        keep_address(core, participant.id, address)
    return True


def chosen(core: Core, participant_id: int | None) -> bool | None:
    """Whether a reminder may come (None: not answering anything)."""
    participant = core.store.participants.get(participant_id) if participant_id else None
    return None if participant is None else wanted(participant)


def take_due(core: Core) -> list[Reminder]:
    """The reminders due now, each marked as sent (so at most one ever goes) and its address
    erased, in one transaction; the caller sends them."""
    store, now = core.store, core.store.now()
    due: list[Reminder] = []
    marked = 0
    with store.transaction():
        for consultation in store.consultations.all():
            hours = after_hours(core, consultation)
            if not is_open(consultation) or not hours:
                continue
            before = stamp(now - timedelta(hours=hours))
            for participant in store.participants.paused(consultation.id, before):
                if wanted(participant):
                    address = unseal(core.keyring, participant.reach)
                    if address:
                        due.append(
                            Reminder(
                                address, participant.lang, consultation.id, participant.user_key
                            )
                        )
                store.participants.reminded(participant.id)
                marked += 1
        if marked:
            store.erased()  # the addresses
    return due


def counts(core: Core, consultation_id: str) -> tuple[int, int]:
    """(participants who may still be reminded, participants who were)."""
    return core.store.participants.reminder_counts(find(core, consultation_id).id)


# sealing the address -------------------------------------------------------------------------


def seal(keyring: Keyring, address: str) -> str:
    return keyring.seal("reach", address)


def unseal(keyring: Keyring, sealed: str | None) -> str | None:
    """The address, or None when the sealed text was not made with this key."""
    return keyring.unseal("reach", sealed)
