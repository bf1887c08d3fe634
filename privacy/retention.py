"""Retention and erasure: abandoned, unsubmitted answers do not outlive their period.

- participants who never submitted and were silent for the retention period: erased;
- a session after submission: kept only as long as Telegram lets the bot delete the chat
  (48 hours), for the "remove this conversation" button; then it goes;
- any other session silent for the retention period, and message ids of chats without a
  session: erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from storage.clock import stamp
from storage.store import Store

DEFAULT_RETENTION_DAYS = 30
SUBMITTED_SESSION_DAYS = 2  # Telegram lets a bot delete messages for 48 hours


@dataclass(frozen=True)
class PurgeReport:
    participants: int
    sessions: int


def purge(store: Store, days: int = DEFAULT_RETENTION_DAYS) -> PurgeReport:
    """Erase what the retention rules above say must go; return how much went."""
    now = store.now()
    stale = store.participants.stale(stamp(now - timedelta(days=days)))
    for participant in stale:
        store.participants.delete(participant.id)
    before_day = (now - timedelta(days=days)).date().isoformat()
    submitted_day = (now - timedelta(days=SUBMITTED_SESSION_DAYS)).date().isoformat()
    users = {p.user_key for p in stale if p.user_key}
    users |= set(store.sessions.stale(before_day))
    users |= set(store.sessions.stale(submitted_day, state="submitted"))
    for user_key in users:
        store.sessions.delete(user_key)
        store.sessions.forget_messages(user_key)
    store.sessions.purge_orphan_messages(before_day)
    store.compact()
    return PurgeReport(participants=len(stale), sessions=len(users))
