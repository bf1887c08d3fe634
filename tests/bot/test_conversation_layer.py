"""What both runtimes share: turns stored once, chats in parallel and each in order, Telegram's
refusals handled as Telegram documents them, bursts and storage trouble met kindly."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from bot.conversation import Conversation, Inbound, chunks, command_of, what_of
from bot.intake import ChatQueues
from bot.sending import Failure, Sender
from consultation import consultations
from consultation.core import Core
from dialogs.engine import Engine
from dialogs.events import Event
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import PhoneRedactor


class Refusal(Exception):
    def __init__(self, failure, wait=None):
        self.failure, self.wait = failure, wait


def classify(error):
    return (error.failure, error.wait) if isinstance(error, Refusal) else (Failure.REFUSED, None)


class Phone:
    """A chat as the channel sees it; ``refusals``: what the next sends meet first."""

    def __init__(self, refusals=(), delay=0.0):
        self.sent, self.buttons, self.refusals, self.delay = [], [], list(refusals), delay
        self.cleared, self.deleted, self.answers = [], [], []

    async def send(self, text, buttons):
        await asyncio.sleep(self.delay)
        if self.refusals:
            raise self.refusals.pop(0)
        self.sent.append(text)
        self.buttons.append(bool(buttons))
        return str(len(self.sent))

    async def send_file(self, file):
        return await self.send(file.caption, ())

    async def clear_buttons(self, ref):
        self.cleared.append(ref)

    async def delete(self, refs):
        self.deleted += refs

    async def answer(self, notice):
        self.answers.append(notice)


@pytest.fixture
def core():
    store = Store.memory()
    yield Core(store, Keyring(b"k" * 32), PhoneRedactor())
    store.close()


@pytest.fixture
def conversation(core):
    return Conversation(Engine(core, Texts()), Sender(classify, per_second=1000))


def inbound(phone, kind="text", text="hello", command="", user="u", update_id=None, **kw):
    event = Event(
        user, kind, text=text, command=command, ref=kw.pop("ref", None), language_code="en"
    )
    return Inbound(update_id, user, event, phone, answer=phone.answer, **kw)


async def test_flood_control_is_waited_out_for_that_chat_only(conversation):
    slow = Phone(refusals=[Refusal(Failure.FLOOD, 0.3)])
    other = Phone()
    help_ = dict(kind="command", text="", command="help")
    started = asyncio.get_running_loop().time()
    first = asyncio.create_task(conversation.handle(inbound(slow, user="a", **help_)))
    await asyncio.sleep(0.01)
    await conversation.handle(inbound(other, user="b", **help_))
    other_done = asyncio.get_running_loop().time() - started
    await first
    assert other_done < 0.25  # the other chat did not wait for the first one's flood control
    assert len(slow.sent) == 2 and "/forget" in slow.sent[0]  # help, then: needs an invite


async def test_server_errors_are_retried_and_a_block_is_respected(conversation):
    phone = Phone(refusals=[Refusal(Failure.TRANSIENT)])
    await conversation.handle(inbound(phone, kind="command", command="help", text=""))
    assert len(phone.sent) == 2
    blocked = Phone(refusals=[Refusal(Failure.BLOCKED)])
    await conversation.handle(inbound(blocked, kind="command", command="help", text="", user="x"))
    await conversation.handle(inbound(blocked, kind="button", text="0:nothing:", user="x"))
    assert blocked.sent == []  # one refusal, then no more tries until they write again


async def test_an_unexpected_failure_gets_a_kind_answer_and_no_words_in_the_log(
    conversation, monkeypatch, caplog
):
    def broken(event):
        raise RuntimeError(f"boom: {event.text}")

    monkeypatch.setattr(conversation.engine, "handle", broken)
    phone = Phone()
    event = Event("u", "text", text="secret words", language_code="nl")
    await conversation.handle(Inbound(1, "u", event, phone))
    assert phone.sent == [
        "Sorry, er ging bij ons iets mis. Niets van wat u al gaf, is verloren. "
        "Probeer het over een ogenblik opnieuw."
    ]
    assert "secret words" not in caplog.text and "RuntimeError" in caplog.text


async def test_a_replayed_update_changes_nothing_and_says_nothing(conversation, core):
    consultation = consultations.create(core, "R", "2026-12-01")
    token = core.store.invites.create(consultation.id, "expert")
    phone = Phone()
    start = inbound(phone, kind="command", command="start", text=token, update_id=7)
    assert await conversation.handle(start)
    said = list(phone.sent)
    assert await conversation.handle(start)  # Telegram delivers it again after a crash
    assert phone.sent == said
    assert core.store.db["invites"].count == 1


async def test_storage_trouble_gets_one_apology_and_the_update_is_tried_again(
    conversation, core, monkeypatch
):
    phone = Phone()
    real = core.store.begin_nowait
    failures = {"left": 2}

    def failing():
        if failures["left"]:
            failures["left"] -= 1
            raise sqlite3.OperationalError("database or disk is full")
        return real()

    monkeypatch.setattr(core.store, "begin_nowait", failing)
    update = inbound(phone, kind="command", command="help", text="", update_id=3)
    assert not await conversation.handle(update)
    assert not await conversation.handle(update)
    assert phone.sent == [Texts().get("en", "error.storage")]  # said once, not twice
    assert await conversation.handle(update)  # the disk has room again: handled as usual
    assert "/forget" in phone.sent[1]


async def test_one_chat_in_order_and_chats_side_by_side(conversation, core):
    order = []
    real = conversation.engine.handle

    def noting(event):
        order.append((event.user_key, event.text))
        return real(event)

    conversation.engine.handle = noting
    queues = ChatQueues(conversation)
    slow, quick = Phone(delay=0.05), Phone()
    waits = [queues.put(inbound(slow, text=str(i), user="slow")) for i in range(5)]
    quick_done = queues.put(inbound(quick, text="hi", user="quick"))
    await asyncio.wait_for(quick_done, 1.0)
    assert not all(w.done() for w in waits)  # the quick chat did not wait for the slow one
    await asyncio.gather(*waits)
    assert [t for u, t in order if u == "slow"] == ["0", "1", "2", "3", "4"]


async def test_a_burst_of_messages_is_all_kept_and_acknowledged_once(conversation, core):
    consultation = consultations.create(core, "R", "2026-12-01")
    token = core.store.invites.create(consultation.id, "expert")
    phone = Phone()
    queues = ChatQueues(conversation)
    await queues.put(inbound(phone, kind="command", command="start", text=token))
    session = core.store.sessions.load("u")
    await queues.put(inbound(phone, kind="button", text=f"{session['step']}:lang:en"))
    session = core.store.sessions.load("u")
    await queues.put(inbound(phone, kind="button", text=f"{session['step']}:agree:"))
    before = len(phone.sent)
    waits = [queues.put(inbound(phone, text=f"part {i}", ref=str(100 + i))) for i in range(30)]
    await asyncio.gather(*waits)
    said = phone.sent[before:]
    assert len(said) <= 3 and "30 messages" in said[-2]
    (participant,) = core.store.db["participants"].rows
    drafts = core.store.participants.drafts(participant["id"], 1)
    assert [d.text for d in drafts] == [f"part {i}" for i in range(30)]


async def test_a_command_in_a_group_gets_one_line_and_nothing_is_kept(conversation, core):
    phone = Phone()
    await conversation.handle(
        inbound(phone, kind="command", command="start", text="x", private=False)
    )
    assert phone.sent == [Texts().get("en", "private_only")]
    assert core.store.db["sessions"].count == 0


async def test_a_long_message_arrives_in_parts_with_its_buttons_last(conversation):
    from dialogs.events import Button, Outcome, Send

    phone = Phone()
    long = "\n\n".join("“" + "quote " * 100 + "”" for _ in range(10))
    conversation.engine.handle = lambda event: Outcome(
        (Send(long, ((Button("Change", "1:change:1"),),)),), "review"
    )
    await conversation.handle(inbound(phone, text="x"))
    assert len(phone.sent) == 2 and phone.buttons == [False, True]


def test_commands_and_content_kinds_are_read_as_the_engine_names_them():
    assert command_of("/start@rondetafel_bot abc") == ("start", "abc")
    assert command_of("not a command") is None
    assert what_of(["video_note"]) == "video" and what_of(["unknown"]) == "other"


def test_long_texts_are_cut_where_a_reader_expects_it():
    text = "\n\n".join(f"Paragraph {i}: " + "word " * 150 for i in range(8))
    pieces = chunks(text)
    assert all(len(p) <= 4096 for p in pieces) and len(pieces) > 1
    assert all(p.startswith("Paragraph") for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    assert chunks("x" * 9000) == ["x" * 4096, "x" * 4096, "x" * 808]
    assert chunks("short") == ["short"]
