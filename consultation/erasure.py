"""Every way answers are erased, in one place.

- ``forget``: /forget in the chat: everything this account gave, in every consultation
  (unsubmitted drafts, a stakeholder's submitted answers and organisation, and, with the
  withdrawal code, an experience expert's submitted answers).
- ``withdraw``: an experience expert's answers by the withdrawal code alone (the command line,
  for someone who asks the programme team).
- ``purge``: the retention period: unsubmitted answers and conversations silent for that
  long go, whether the consultation is still open or has closed.

Each returns how much went, so what the participant is told is true.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from consultation.core import Core
from consultation.errors import Refused
from consultation.participation import submission_mark
from storage.clock import stamp


@dataclass(frozen=True)
class PurgeReport:
    participants: int
    sessions: int


def forget(core: Core, user_key: str, withdraw_hash: str | None = None) -> int:
    """Erase all this account gave; return how many things went (0: there was nothing)."""
    store, keyring = core.store, core.keyring
    erased = 0
    with store.transaction():
        for participant in store.participants.of_user(user_key):
            store.participants.delete(participant.id)
            erased += 1
        for consultation in store.consultations.all():
            cid = consultation.id
            respondent = store.answers.respondent_by_withdraw(
                keyring.derive("respondent", user_key, cid)
            )
            if respondent:
                erased += store.answers.erase_respondent(respondent)
            organisation = keyring.derive("organisation", user_key, cid)
            erased += store.answers.erase_organisation(organisation)
            store.answers.forget_submission(submission_mark(core, user_key, cid))
        held = store.answers.held_code(user_key)  # a code that has not reached them yet
        for hashed in {withdraw_hash, keyring.withdrawal(held) if held else None} - {None}:
            respondent = store.answers.respondent_by_withdraw(hashed)
            if respondent:
                erased += store.answers.erase_respondent(respondent)
        store.sessions.delete(user_key)
        store.sessions.forget_messages(user_key)
        store.answers.release_code(user_key)
        store.erased()
    return erased


def code_known(core: Core, code: str) -> str | None:
    """The keyed hash of a withdrawal code that finds answers, or None."""
    withdraw = core.keyring.withdrawal(code)
    return withdraw if core.store.answers.respondent_by_withdraw(withdraw) else None


def withdraw(core: Core, code: str) -> int:
    """Erase the answers of the withdrawal code; ``Refused`` when it finds none."""
    withdraw_hash = code_known(core, code)
    if withdraw_hash is None:
        raise Refused("error.withdraw.unknown")
    with core.store.transaction():
        respondent = core.store.answers.respondent_by_withdraw(withdraw_hash)
        count = core.store.answers.erase_respondent(respondent)
        core.store.erased()
    return count


def purge(core: Core, days: int | None = None, submitted_session_days: int = 2) -> PurgeReport:
    """Erase what the retention rules say must go; return how much went.

    ``submitted_session_days``: how long the conversation of someone who submitted is kept
    (only its state, for "already submitted" and removing the chat), as the channel allows.
    """
    days = core.retention_days if days is None else days
    if days < 1:
        raise Refused("error.purge.days")
    store = core.store
    now = store.now()
    with store.transaction():
        stale = store.participants.stale(stamp(now - timedelta(days=days)))
        for participant in stale:
            store.participants.delete(participant.id)
        before_day = (now - timedelta(days=days)).date().isoformat()
        submitted_day = (now - timedelta(days=submitted_session_days)).date().isoformat()
        users = {p.user_key for p in stale if p.user_key}
        users |= set(store.sessions.stale(before_day))
        users |= set(store.sessions.stale(submitted_day, state="submitted"))
        for user_key in users:
            store.sessions.delete(user_key)
            store.sessions.forget_messages(user_key)
        store.sessions.purge_orphan_messages(before_day)
        store.erased()
    return PurgeReport(participants=len(stale), sessions=len(users))
