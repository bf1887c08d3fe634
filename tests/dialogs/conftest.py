"""Drive the engine with no framework at all: a chat is a list of events and actions."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import pytest

from bot.telegram import TelegramLinks
from consultation import consultations, participation
from consultation.core import Core
from dialogs.engine import Engine
from dialogs.events import Button, Event, Outcome, Send, WipeChat
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store


@dataclass
class Redacted:
    text: str
    spans: list
    lang: str


@dataclass
class Span:
    start: int
    end: int
    label: str


class PhoneRedactor:
    """A stand-in de-identifier for engine tests: replaces phone-like numbers only."""

    def deidentify(self, text, lang=None, profile="stakeholder", hint=None):
        spans, out, pos = [], [], 0
        for match in re.finditer(r"\+?\d[\d -]{7,}\d", text):
            out.append(text[pos : match.start()])
            start = sum(len(p) for p in out)
            out.append("[phone number]")
            spans.append(Span(start, start + len("[phone number]"), "phone"))
            pos = match.end()
        out.append(text[pos:])
        return Redacted("".join(out), spans, lang or hint or "en")


@dataclass
class Chat:
    """One participant's private chat with the engine, as the person would see it."""

    engine: Engine
    user_key: str
    language_code: str | None = "en"
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    messages: dict[int, Send] = field(default_factory=dict)  # bot messages still visible
    live: dict[int, tuple] = field(default_factory=dict)  # message id -> buttons
    last: Outcome | None = None
    delivers: bool = True  # False: every message is lost on the way (a 500, a crash)

    def _run(self, event: Event, pressed: int | None = None) -> Outcome:
        outcome = self.engine.handle(event)
        if pressed is not None and outcome.moved_on:
            self.live.pop(pressed, None)  # as the channel does: spent buttons go
        sent = []
        for action in outcome.actions:
            if isinstance(action, Send):
                mid = next(self.ids)
                self.messages[mid] = action
                if action.buttons:
                    self.live[mid] = action.buttons
                sent.append(str(mid))
            elif isinstance(action, WipeChat):
                for ref in action.refs:
                    self.messages.pop(int(ref), None)
                    self.live.pop(int(ref), None)
        if outcome.keep_chat and sent:
            with self.engine.core.store.transaction():
                self.engine.core.store.sessions.remember_messages(self.user_key, sent)
        if outcome.shows_code and self.delivers:  # as the channel reports a delivered code
            participation.code_shown(self.engine.core, self.user_key)
        self.last = outcome
        return outcome

    def send(self, text: str) -> Outcome:
        mid = next(self.ids)
        if text.startswith("/"):
            command, _, arg = text[1:].partition(" ")
            event = Event(self.user_key, "command", arg, command, str(mid), self.language_code)
        else:
            event = Event(
                self.user_key, "text", text, ref=str(mid), language_code=self.language_code
            )
        self.last_sent = mid
        return self._run(event)

    def edit(self, message_id: int, text: str) -> Outcome:
        return self._run(Event(self.user_key, "edit", text, ref=str(message_id)))

    def send_other(self, what: str) -> Outcome:
        return self._run(Event(self.user_key, "unsupported", ref=str(next(self.ids)), what=what))

    def buttons(self) -> list[Button]:
        return [b for rows in self.live.values() for row in rows for b in row]

    def press(self, label: str) -> Outcome:
        matches = [
            (mid, b)
            for mid, rows in self.live.items()
            for row in rows
            for b in row
            if label in b.label
        ]
        assert matches, f"no live button {label!r}; live: {[b.label for b in self.buttons()]}"
        mid, button = matches[-1]
        return self._run(Event(self.user_key, "button", button.data), pressed=mid)

    def press_data(self, data: str) -> Outcome:
        return self._run(Event(self.user_key, "button", data))

    @property
    def texts(self) -> list[str]:
        return self.last.texts

    def said(self, fragment: str) -> bool:
        return any(fragment in t for t in self.texts)


@pytest.fixture
def store():
    s = Store.memory()
    yield s
    s.close()


@pytest.fixture
def core(store):
    return Core(store, Keyring(b"k" * 32), PhoneRedactor())


@pytest.fixture
def engine(core):
    return Engine(core, Texts(), links=TelegramLinks(username="rondetafel_bot"))


@pytest.fixture
def consultation(core):
    return consultations.create(core, "Samen tegen mensenhandel", "2026-12-01", "Programma")


@pytest.fixture
def invite(store, consultation):
    def make(role="stakeholder", **kw):
        return store.invites.create(consultation.id, role, **kw)

    return make


@pytest.fixture
def chat(engine):
    counter = itertools.count(1)

    def make(language_code="en"):
        return Chat(engine, f"user-{next(counter)}", language_code)

    return make
