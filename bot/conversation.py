"""What both runtimes share: a turn per update, stored once, and its outcome carried out.

A runtime reads its framework's update into an ``Inbound`` (an ``Event`` for the engine and a
``Channel`` that can send, send a file, remove buttons and delete in that chat); everything
else happens here, the same for both runtimes: the turn in one transaction together with the
mark that the update was handled (a replayed update changes nothing), waiting for the
database without blocking other people, a kind apology when it cannot be stored, long texts
in parts, a burst of messages acknowledged once, the refs of sent messages kept for wiping.
The order of updates per chat and their intake are ``bot.intake``'s; calls to the Bot API go
through ``bot.sending``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Protocol

from bot.sending import Sender
from bot.telegram import MESSAGE_LIMIT
from consultation import participation
from dialogs.engine import Engine
from dialogs.events import (
    Button,
    Event,
    FollowUp,
    Outcome,
    Send,
    SendFile,
    ShowCommands,
    WipeChat,
)

log = logging.getLogger("rondetafel.conversation")

# Telegram's names for content that is not text, in the order runtimes look for them.
CONTENT_KINDS = (
    "sticker",
    "photo",
    "voice",
    "video_note",
    "video",
    "audio",
    "animation",
    "document",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
)
WHAT = {"video_note": "video", "animation": "video", "venue": "location"}
BURST_NOTICE = 5  # this many messages at once: say that all were saved


class Channel(Protocol):
    async def send(self, text: str, buttons: tuple[tuple[Button, ...], ...]) -> str: ...

    async def send_file(self, file: SendFile) -> str: ...

    async def clear_buttons(self, ref: str) -> None: ...

    async def delete(self, refs: list[str]) -> None: ...

    async def show_commands(
        self, commands: tuple[tuple[str, str], ...], language: str | None = None
    ) -> None: ...


_NAMES = ("first_name", "last_name", "username")


def without_names(update: dict) -> dict:
    """An update as it may be kept for a while: accounts and chats keep their ids (to answer
    and to make the keyed hash) but lose their names."""
    if isinstance(update, dict):
        kept = {k: without_names(v) for k, v in update.items() if k not in _NAMES}
        if "is_bot" in update:  # an account: the frameworks want a first name
            kept["first_name"] = "-"
        return kept
    if isinstance(update, list):
        return [without_names(v) for v in update]
    return update


def command_of(text: str) -> tuple[str, str] | None:
    """``"/start abc"`` -> ``("start", "abc")``; also ``/start@SomeBot abc``."""
    if not text.startswith("/"):
        return None
    head, _, arg = text[1:].partition(" ")
    return head.split("@")[0].lower(), arg.strip()


def message_event(
    user_key: str,
    language_code: str | None,
    message_id: int,
    text: str | None,
    present: list[str],
    address: str | None = None,
) -> Event:
    """A person's message as the engine sees it: text, a command, or content it cannot take
    (``present``: the framework's names of what the message carries; ``address``: the chat's,
    kept sealed only for the one reminder a participant may get)."""
    common = {"ref": str(message_id), "language_code": language_code, "address": address}
    if text is None:
        return Event(user_key, "unsupported", what=what_of(present), **common)
    if (parsed := command_of(text)) is not None:
        return Event(user_key, "command", text=parsed[1], command=parsed[0], **common)
    return Event(user_key, "text", text=text, **common)


def what_of(present: list[str]) -> str:
    """What kind of non-text content a message carries, as the engine names it."""
    for kind in CONTENT_KINDS:
        if kind in present:
            return WHAT.get(kind, kind)
    return "other"


def chunks(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Text in pieces Telegram accepts, cut at paragraphs, then lines, then spaces."""
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        cuts = (window.rfind(mark) for mark in ("\n\n", "\n", " "))
        cut = next((c for c in cuts if c > limit // 2), limit)
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text] if text or not pieces else pieces


@dataclass(frozen=True)
class Inbound:
    """One update for the conversation, as a runtime read it."""

    update_id: int | None
    chat: str  # the chat, for the order of its updates and for rate limits
    event: Event | None  # None: nothing the engine takes (a group, an unknown kind)
    channel: Channel
    pressed: str | None = None  # the ref of the message whose button was pressed
    answer: Callable[[str | None], Awaitable[None]] | None = None  # answers a button press
    private: bool = True
    language_code: str | None = None


class StorageTrouble(RuntimeError):
    """The turn could not be stored (disk full, read-only, locked too long): try again."""


class Conversation:
    """Turns, one per update: stored in one transaction with the mark that the update was
    handled (so a replay changes nothing), then the outcome carried out."""

    def __init__(
        self, engine: Engine, sender: Sender, channel_name: str = "telegram", lock_wait=30.0
    ) -> None:
        self.engine = engine
        self.sender = sender
        self.channel_name = channel_name
        self.lock_wait = lock_wait
        self._apologised: set[str] = set()
        self._coalesced: defaultdict[str, int] = defaultdict(int)
        self.last_turn = 0.0  # monotonic time of the latest turn: background work waits for quiet

    @property
    def store(self):
        return self.engine.core.store

    async def handle(self, inbound: Inbound, more_waiting: bool = False) -> bool:
        """Handle one update; False when it could not be stored and must be tried again."""
        if not inbound.private or inbound.event is None:
            await self._outside(inbound)
            await self.done(inbound.update_id)
            return True
        event = inbound.event
        if event.kind != "button":
            self.sender.heard_from(inbound.chat)
        try:
            outcome = await self._turn(inbound)
        except StorageTrouble as trouble:
            log.error("a turn could not be stored: %s", trouble)
            await self._apologise(inbound)
            return False
        self._apologised.discard(inbound.chat)
        if outcome is None:  # handled before (a replay): nothing changes, nothing is said
            await self._answer(inbound, None)
            return True
        sent = await self._carry_out(inbound, outcome, more_waiting)
        await self._answer(inbound, outcome.notice or None)  # after the reply: the press is done
        if inbound.pressed is not None and outcome.stale_press:
            # buttons of an earlier step are taken away once someone presses one of them; the
            # current step's stay (one Bot API call less for almost every press)
            await self.sender.call(inbound.chat, inbound.channel.clear_buttons, inbound.pressed)
        if outcome.shows_code and self._delivered_all:
            await self._code_arrived(event.user_key)
        if outcome.keep_chat and sent:
            await self._remember(event.user_key, sent)
        return True

    async def _turn(self, inbound: Inbound) -> Outcome | None:
        store, uid = self.store, inbound.update_id
        self.last_turn = time.monotonic()
        await self._lock()
        try:
            if uid is not None and store.updates.seen(self.channel_name, uid):
                store.inbox.remove(self.channel_name, uid)
                store.commit()
                return None
            try:
                outcome = self.engine.handle(inbound.event)
            except sqlite3.Error:
                raise
            except Exception as error:  # a fault of ours: a kind word, never their words
                log.error("handling %s failed: %s", inbound.event.kind, type(error).__name__)
                lang = self._language(inbound)
                text = self.engine.texts.get(lang, "error.generic")
                outcome = Outcome(actions=(Send(text),), state="", lang=lang)
            if uid is not None:
                store.updates.mark(self.channel_name, uid)
                store.inbox.remove(self.channel_name, uid)
            store.commit()
        except sqlite3.Error as error:
            store.rollback()
            raise StorageTrouble(type(error).__name__) from error
        return outcome

    async def _lock(self) -> None:
        """The database's write lock, waited for without blocking other conversations."""
        loop = asyncio.get_running_loop()
        deadline, delay = loop.time() + self.lock_wait, 0.005
        while True:
            try:
                if self.store.begin_nowait():
                    return
            except sqlite3.Error as error:
                raise StorageTrouble(type(error).__name__) from error
            if loop.time() >= deadline:
                raise StorageTrouble("the database stayed locked by another process")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.25)

    async def received(self, updates: list[dict]) -> None:
        """Updates in from the channel, kept until their turns are stored: from here on a
        crash loses none of them, so the channel may be told they arrived. What is kept is
        sealed with the key (it holds what people wrote, and their account's id), and the
        names of accounts are left out before that."""
        keyring = self.engine.core.keyring
        kept = [
            (u["update_id"], keyring.seal("inbox", json.dumps(without_names(u)))) for u in updates
        ]
        await self.locked(lambda: self.store.inbox.add(self.channel_name, kept))

    async def waiting(self) -> list[dict]:
        """Updates received before a restart whose turns were never stored."""
        keyring = self.engine.core.keyring
        kept = await self.locked(lambda: self.store.inbox.waiting(self.channel_name))
        opened = (keyring.unseal("inbox", sealed) for _, sealed in kept)
        return [json.loads(text) for text in opened if text is not None]

    async def done(self, update_id: int | None) -> None:
        """An update that needs no turn (unreadable, a group, nothing for the engine)."""
        if update_id is not None:
            await self.locked(lambda: self.store.inbox.remove(self.channel_name, update_id))

    async def locked(self, work: Callable[[], object]) -> object:
        """Run ``work`` holding the write lock (waited for without blocking): for what the
        bot does besides conversations (the purge), so it never meets a turn halfway."""
        await self._lock()
        try:
            result = work()
        except BaseException:
            self.store.rollback()
            raise
        self.store.commit()
        return result

    def _language(self, inbound: Inbound) -> str | None:
        try:
            data = self.store.sessions.load(inbound.event.user_key) or {}
        except Exception:  # the storage itself may be what failed
            data = {}
        hint = inbound.event.language_code if inbound.event else inbound.language_code
        return data.get("lang") or self.engine.texts.supported(hint)

    async def _apologise(self, inbound: Inbound) -> None:
        if inbound.chat in self._apologised:
            return
        self._apologised.add(inbound.chat)
        text = self.engine.texts.get(self._language(inbound), "error.storage")
        await self.sender.call(inbound.chat, inbound.channel.send, text, (), message=True)
        await self._answer(inbound, None)

    async def _outside(self, inbound: Inbound) -> None:
        """A group, a channel, or something the engine does not take: a command addressed to
        the bot gets one line saying it works in private chats only; the rest is ignored."""
        event = inbound.event
        if not inbound.private and event is not None and event.kind == "command":
            text = self.engine.texts.get(
                self.engine.texts.supported(inbound.language_code), "private_only"
            )
            await self.sender.call(inbound.chat, inbound.channel.send, text, (), message=True)
        await self._answer(inbound, None)

    async def _answer(self, inbound: Inbound, notice: str | None) -> None:
        if inbound.answer is not None:
            await self.sender.call(inbound.chat, inbound.answer, notice)

    async def _remember(self, user_key: str, refs: list[str]) -> None:
        try:
            await self._lock()
            self.store.sessions.remember_messages(user_key, refs)
            self.store.commit()
        except (StorageTrouble, sqlite3.Error) as error:  # wiping will miss these messages
            self.store.rollback()
            log.warning("remembering sent messages failed: %s", type(error).__name__)

    async def _code_arrived(self, user_key: str) -> None:
        try:
            await self._lock()
            participation.code_shown(self.engine.core, user_key)
            self.store.commit()
        except (StorageTrouble, sqlite3.Error) as error:  # shown again at the next step
            self.store.rollback()
            log.warning("releasing a delivered code failed: %s", type(error).__name__)

    async def _carry_out(self, inbound: Inbound, outcome: Outcome, more_waiting: bool):
        chat, channel = inbound.chat, inbound.channel
        self._delivered_all = True
        if outcome.coalesce and more_waiting:
            self._coalesced[chat] += 1  # a burst: only the last acknowledgement is shown
            return []
        refs: list[str] = []
        burst = self._coalesced.pop(chat, 0)
        if outcome.coalesce and burst >= BURST_NOTICE:
            text = self.engine.texts.with_numbers(outcome.lang, "flood.saved", {"count": burst + 1})
            refs += await self._send(chat, channel, Send(text))
        for action in outcome.actions:
            if isinstance(action, Send):
                refs += await self._send(chat, channel, action)
            elif isinstance(action, SendFile):
                ref = await self.sender.call(chat, channel.send_file, action, message=True)
                refs += [ref] if ref is not None else []
            elif isinstance(action, FollowUp):
                refs += await self._follow_up(inbound, action.event, more_waiting)
            elif isinstance(action, ShowCommands):
                await self.sender.call(chat, channel.show_commands, action.commands)
            elif isinstance(action, WipeChat):
                ids = list(action.refs)
                for start in range(0, len(ids), 100):
                    await self.sender.call(chat, channel.delete, ids[start : start + 100])
        return refs

    async def _follow_up(self, inbound: Inbound, event: Event, more_waiting: bool) -> list[str]:
        """A step of long work the engine asked for (a large export): its own turn, after the
        messages before it went out, with other chats' turns let in between."""
        await asyncio.sleep(0)
        step = replace(inbound, update_id=None, event=event, pressed=None, answer=None)
        try:
            outcome = await self._turn(step)
        except StorageTrouble as trouble:
            log.error("a follow-up step could not be stored: %s", trouble)
            await self._apologise(step)
            return []
        return await self._carry_out(step, outcome, more_waiting)

    async def _send(self, chat: str, channel: Channel, action: Send) -> list[str]:
        parts = chunks(action.text)
        refs = []
        for number, part in enumerate(parts, start=1):
            buttons = action.buttons if number == len(parts) else ()
            ref = await self.sender.call(chat, channel.send, part, buttons, message=True)
            refs += [ref] if ref is not None else []
            self._delivered_all &= ref is not None
        return refs
