"""Abandoned, unsubmitted answers do not outlive the retention period; submitted ones stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from consultation.core import Core
from consultation.erasure import purge
from privacy.keys import Keyring
from storage.records import SubmittedAnswer
from storage.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_purge_removes_only_stale_unsubmitted_participants():
    clock = Clock()
    store = Store.memory(clock)
    c = store.consultations.create("T", "P", "2026-01-01", {"1": {"nl": "v"}})
    abandoned = store.participants.create(c.id, "expert", "key-a", "nl")
    store.participants.add_draft(abandoned.id, 1, 10, "raw words")
    store.sessions.save("key-a", {"state": "question"})
    submitted = store.participants.create(c.id, "stakeholder", "key-b", "nl")
    store.answers.submit(
        submitted, [SubmittedAnswer(1, "kept", [], "nl")], withdraw_hash="w", mark="m"
    )
    clock.now += timedelta(days=20)
    recent = store.participants.create(c.id, "expert", "key-c", "nl")
    store.participants.add_draft(recent.id, 1, 11, "still writing")
    clock.now += timedelta(days=15)

    report = purge(Core(store, Keyring(b"k" * 32), None), days=30)

    assert report.participants == 1
    assert store.participants.get(abandoned.id) is None
    assert store.db["drafts"].count == 1  # the recent participant's draft
    assert store.sessions.load("key-a") is None
    assert [a.text for a in store.answers.for_consultation(c.id)] == ["kept"]
