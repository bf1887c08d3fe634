"""What both runtimes share: flood control is waited out, a failure gets a kind answer."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.conversation import Conversation, command_of, what_of
from consultation.core import Core
from dialogs.engine import Engine
from dialogs.events import Event
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import PhoneRedactor


class FloodControl(Exception):
    def __init__(self, seconds):
        self.retry_after = seconds


class Phone:
    """A channel that refuses the first sends with flood control, as Telegram may."""

    def __init__(self, refusals=0, wait=0.01):
        self.sent, self.buttons, self.refusals, self.wait = [], [], refusals, wait

    async def send(self, text, buttons):
        if self.refusals:
            self.refusals -= 1
            raise FloodControl(self.wait)
        self.sent.append(text)
        self.buttons.append(bool(buttons))
        return str(len(self.sent))

    async def clear_buttons(self, ref):
        pass

    async def delete(self, refs):
        pass


@pytest.fixture
def conversation():
    store = Store.memory()
    yield Conversation(Engine(Core(store, Keyring(b"k" * 32), PhoneRedactor()), Texts()))
    store.close()


async def test_flood_control_is_waited_out(conversation):
    phone = Phone(refusals=2, wait=timedelta(seconds=0.01))
    await conversation.handle(Event("u", "command", command="help", language_code="en"), phone)
    assert len(phone.sent) == 2 and "/forget" in phone.sent[0]  # help, then: needs an invite


async def test_an_unexpected_failure_gets_a_kind_answer(conversation, monkeypatch, caplog):
    def broken(event):
        raise RuntimeError("secret words of a participant")

    monkeypatch.setattr(conversation.engine, "handle", broken)
    phone = Phone()
    await conversation.handle(Event("u", "text", text="hello", language_code="nl"), phone)
    assert phone.sent == [
        "Sorry, er ging bij ons iets mis. Niets van wat u al gaf, is verloren. "
        "Probeer het over een ogenblik opnieuw."
    ]
    assert "secret words" not in caplog.text and "RuntimeError" in caplog.text


async def test_one_persons_messages_are_handled_in_order(conversation):
    order = []
    original = conversation.engine.handle

    def slow(event):
        order.append(event.text)
        return original(event)

    conversation.engine.handle = slow
    phone = Phone()
    await asyncio.gather(
        *(conversation.handle(Event("u", "text", text=str(i), ref=str(i)), phone) for i in range(5))
    )
    assert order == ["0", "1", "2", "3", "4"]


def test_commands_and_content_kinds_are_read_as_the_engine_names_them():
    assert command_of("/start@rondetafel_bot abc") == ("start", "abc")
    assert command_of("not a command") is None
    assert what_of(["video_note"]) == "video" and what_of(["unknown"]) == "other"


def test_long_texts_are_cut_where_a_reader_expects_it():
    from bot.conversation import chunks

    text = "\n\n".join(f"Paragraph {i}: " + "word " * 150 for i in range(8))
    pieces = chunks(text)
    assert all(len(p) <= 4096 for p in pieces) and len(pieces) > 1
    assert all(p.startswith("Paragraph") for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    assert chunks("x" * 9000) == ["x" * 4096, "x" * 4096, "x" * 808]
    assert chunks("short") == ["short"]


async def test_a_long_message_arrives_in_parts_with_its_buttons_last(conversation):
    from dialogs.events import Button, Outcome, Send

    phone = Phone()
    long = "\n\n".join("“" + "quote " * 100 + "”" for _ in range(10))
    conversation.engine.handle = lambda event: Outcome(
        (Send(long, ((Button("Change", "1:change:1"),),)),), "review"
    )
    await conversation.handle(Event("u", "text", text="x"), phone)
    assert len(phone.sent) == 2 and phone.buttons == [False, True]
