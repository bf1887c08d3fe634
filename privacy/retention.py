"""Retention and erasure: abandoned, unsubmitted answers do not outlive their period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from storage.clock import stamp
from storage.store import Store

DEFAULT_RETENTION_DAYS = 30


@dataclass(frozen=True)
class PurgeReport:
    participants: int
    sessions: int


def purge(store: Store, days: int = DEFAULT_RETENTION_DAYS) -> PurgeReport:
    """Erase participants who never submitted and were silent for ``days``, and stale sessions."""
    before = stamp(store.now() - timedelta(days=days))
    stale = store.participants.stale(before)
    for participant in stale:
        store.participants.delete(participant.id)
        if participant.user_key:
            store.sessions.delete(participant.user_key)
            store.sessions.forget_messages(participant.user_key)
    old_sessions = store.sessions.stale(before)
    for user_key in old_sessions:
        store.sessions.delete(user_key)
        store.sessions.forget_messages(user_key)
    return PurgeReport(participants=len(stale), sessions=len(old_sessions))
