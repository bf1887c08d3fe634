"""Nothing in the file ties a submitted expert answer to an account: not the order rows stand
in, not a time, not what the write-ahead log still holds."""

from __future__ import annotations

import re

from consultation import consultations
from consultation.core import Core
from dialogs.engine import Engine
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import Chat, PhoneRedactor

EXPERTS = 20


def monotone(numbers: list[int]) -> bool:
    return numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)


def test_physical_order_of_submissions_says_nothing_about_who_submitted_when(tmp_path):
    path = tmp_path / "unlinkable.db"
    store = Store.open(path)
    core = Core(store, Keyring(b"k" * 32), PhoneRedactor())
    engine = Engine(core, Texts())
    consultation = consultations.create(core, "R", "2026-12-01")
    accounts = []
    for n in range(EXPERTS):
        chat = Chat(engine, f"expert-{n}", "en")
        chat.send(f"/start {store.invites.create(consultation.id, 'expert')}")
        chat.press("English")
        chat.press("agree")
        chat.send(f"My story number {n}.")
        chat.press("Done")
        for _ in range(4):
            chat.press("Skip")
        chat.press("Submit")
        accounts.append(chat.user_key)
    story = {  # which respondent told which story: the test knows, the file must not tell
        row["respondent_id"]: int(re.search(r"\d+", row["text"]).group())
        for row in store.db["answers"].rows
    }
    page_size = store.db.execute("PRAGMA page_size").fetchone()[0]
    root = {
        name: page for name, page in store.db.execute("SELECT name, rootpage FROM sqlite_master")
    }
    store.close()
    wal = tmp_path / "unlinkable.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # the log holds nothing any more
    data = path.read_bytes()
    assert b"My story number" in data  # the anonymised answers are there, of course

    # what someone holding the file and the key computes for each account, in turn order
    marks = [core.keyring.derive("submitted", key, consultation.id) for key in accounts]

    def page(table: str) -> bytes:  # each table fits one page here: its root is its leaf
        start = (root[table] - 1) * page_size
        return data[start : start + page_size]

    where = {r: page("respondents").find(r.encode()) for r in story}
    where |= {m: page("submissions").find(m.encode()) for m in marks}
    assert all(offset >= 0 for offset in where.values())
    # rows stand in the order of their random keys, and in no other order
    assert monotone([where[r] for r in sorted(story)])
    assert monotone([where[m] for m in sorted(marks)])
    # the attack that linked 12 of 12: the k-th mark in the file to the k-th respondent
    respondents = sorted(story, key=where.get)
    submitters = sorted(range(EXPERTS), key=lambda k: where[marks[k]])
    linked = sum(story[r] == k for r, k in zip(respondents, submitters, strict=True))
    assert linked <= 5, f"{linked} of {EXPERTS} linked by their place in the file"
