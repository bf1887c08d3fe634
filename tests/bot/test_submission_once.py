"""Every submission exactly once: a failure or a kill at any write of it leaves the whole
submission or none of it, never a participant stuck, and the withdrawal code always arrives."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.conversation import Conversation, Inbound
from bot.sending import Failure, Sender
from consultation import consultations
from consultation.core import Core
from dialogs.engine import Engine
from dialogs.events import Event
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import PhoneRedactor

KEY = b"k" * 32
WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
ROOT = Path(__file__).resolve().parents[2]


class Phone:
    def __init__(self, lose: int = 0):
        self.sent, self.lose = [], lose

    async def send(self, text, buttons):
        if self.lose:
            self.lose -= 1
            raise ConnectionResetError("dropped")
        self.sent.append(text)
        return str(len(self.sent))

    async def clear_buttons(self, ref):
        pass

    async def delete(self, refs):
        pass


def transient(error):
    return Failure.TRANSIENT, None


def conversation_on(store: Store) -> Conversation:
    core = Core(store, Keyring(KEY), PhoneRedactor())
    return Conversation(Engine(core, Texts()), Sender(transient, per_second=1000, retries=0))


class Walk:
    """An experience expert in a chat, with numbered updates as Telegram sends them."""

    def __init__(self, conversation: Conversation, phone: Phone):
        self.conversation, self.phone, self.update = conversation, phone, 0

    async def do(self, kind, text="", command="") -> bool:
        self.update += 1
        event = Event("expert", kind, text=text, command=command, ref=str(self.update))
        return await self.conversation.handle(Inbound(self.update, "c", event, self.phone))

    async def press(self, action) -> bool:
        step = self.conversation.store.sessions.load("expert")["step"]
        return await self.do("button", f"{step}:{action}:")

    async def to_review(self, store: Store) -> None:
        consultation = consultations.create(self.conversation.engine.core, "R", "2026-12-01")
        token = store.invites.create(consultation.id, "expert")
        await self.do("command", token, "start")
        await self.do("button", f"{store.sessions.load('expert')['step']}:lang:en")
        await self.press("agree")
        for text in ("First answer.", "Second answer, call +31 6 12345678."):
            await self.do("text", text)
            await self.press("done")
        for _ in range(3):
            await self.press("skip")
        assert store.sessions.load("expert")["state"] == "review"


def state(store: Store) -> tuple:
    db = store.db
    return (
        db["respondents"].count,
        db["answers"].count,
        db["participants"].count,
        db["drafts"].count,
        db["submissions"].count,
        store.sessions.load("expert")["state"],
    )


BEFORE = (0, 0, 1, 2, 0, "review")
AFTER = (1, 2, 0, 0, 1, "submitted")


class Quiet:
    def erased(self):
        pass

    def submitted(self):
        pass


def count_writes(conn: sqlite3.Connection) -> list[int]:
    """Writes of the turn's transaction (from its BEGIN to its COMMIT), not the ones after."""
    counter, phase = [0], ["before"]

    def authorizer(action, arg1, *args):
        if action == sqlite3.SQLITE_TRANSACTION:
            if arg1 == "BEGIN" and phase[0] == "before":
                phase[0] = "turn"
            elif arg1 == "COMMIT" and phase[0] == "turn":
                phase[0] = "after"
        if action in WRITES and phase[0] == "turn":
            counter[0] += 1
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)
    return counter


def refuse_write(conn: sqlite3.Connection, number: int) -> None:
    counter = [0]

    def authorizer(action, *args):
        if action in WRITES:
            counter[0] += 1
            if counter[0] == number:
                return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)


async def _submit_writes() -> int:
    store = Store.memory()
    walk = Walk(conversation_on(store), Phone())
    await walk.to_review(store)
    counter = count_writes(store.db.conn)
    store.housekeeping = Quiet()  # only the turn's own writes are counted
    await walk.press("submit")
    store.db.conn.set_authorizer(None)
    assert state(store) == AFTER
    return counter[0]


async def test_a_failure_at_any_write_of_a_submission_leaves_all_or_nothing():
    writes = await _submit_writes()
    assert writes >= 8  # the test would prove little if the submission were one statement
    for number in range(1, writes + 1):
        store = Store.memory()
        phone = Phone()
        walk = Walk(conversation_on(store), phone)
        await walk.to_review(store)
        step = store.sessions.load("expert")["step"]
        refuse_write(store.db.conn, number)
        assert not await walk.do("button", f"{step}:submit:")  # stored nothing: try again
        store.db.conn.set_authorizer(None)
        assert state(store) == BEFORE, number
        walk.update -= 1  # Telegram delivers the same update again
        assert await walk.do("button", f"{step}:submit:")
        assert state(store) == AFTER, number
        assert sum("Your withdrawal code:" in text for text in phone.sent) == 1
        store.close()


async def test_a_withdrawal_code_lost_on_the_way_is_shown_at_the_next_step():
    store = Store.memory()
    phone = Phone()
    walk = Walk(conversation_on(store), phone)
    await walk.to_review(store)
    phone.lose = 99  # every send fails: the connection is gone
    await walk.press("submit")
    assert store.db["codes_to_deliver"].count == 1  # kept until it arrives
    phone.lose = 0
    await walk.do("text", "hello?")
    code_lines = [t for t in phone.sent if "withdrawal code is" in t]
    assert len(code_lines) == 1
    assert store.db["codes_to_deliver"].count == 0  # arrived: only its hash remains
    await walk.do("text", "thanks")
    assert not any("withdrawal code is" in t for t in phone.sent[-1:])
    store.close()


CHILD = """
import asyncio, os, sqlite3, sys
sys.path.insert(0, {root!r})
from storage.store import Store
from tests.bot.test_submission_once import Phone, Walk, conversation_on, WRITES

store = Store.open(sys.argv[1], busy_seconds=0)
counter = [0]
def authorizer(action, *args):
    if action in WRITES:
        counter[0] += 1
        if counter[0] == int(sys.argv[2]):
            os._exit(9)  # killed, as by SIGKILL: no cleanup, no rollback
    return sqlite3.SQLITE_OK
walk = Walk(conversation_on(store), Phone())
walk.update = 100
step = store.sessions.load("expert")["step"]
store.db.conn.set_authorizer(authorizer)
asyncio.run(walk.do("button", f"{{step}}:submit:"))
"""


def test_a_kill_at_any_write_of_a_submission_leaves_all_or_nothing(tmp_path):
    original = tmp_path / "review.db"
    store = Store.open(original)
    walk = Walk(conversation_on(store), Phone())
    asyncio.run(walk.to_review(store))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    writes = asyncio.run(_submit_writes())
    child = CHILD.format(root=str(ROOT))
    for number in range(1, writes + 1):
        copy = tmp_path / f"kill-{number}.db"
        shutil.copy(original, copy)
        result = subprocess.run([sys.executable, "-c", child, str(copy), str(number)])
        assert result.returncode == 9, number
        store = Store.open(copy)
        assert state(store) == BEFORE, number  # nothing of the submission survived the kill
        walk = Walk(conversation_on(store), Phone())
        walk.update = 100  # Telegram never got the confirmation: the same update again
        step = store.sessions.load("expert")["step"]
        assert asyncio.run(walk.do("button", f"{step}:submit:"))
        assert state(store) == AFTER, number
        store.close()
