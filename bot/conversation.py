"""What both runtimes share: one person's events handled in order, the outcome carried out.

A runtime turns its framework's update into a ``dialogs.events.Event`` and gives a
``Channel`` that can send, remove buttons and delete in that chat; everything else (the
order of events per person, retries under flood control, long texts in parts, the refs of
sent messages kept for wiping) happens here, the same for both runtimes.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from datetime import timedelta
from typing import Protocol

from bot.telegram import MESSAGE_LIMIT
from dialogs.engine import Engine
from dialogs.events import Button, Event, Outcome, Send, SendFile, WipeChat

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


class Channel(Protocol):
    async def send(self, text: str, buttons: tuple[tuple[Button, ...], ...]) -> str: ...

    async def send_file(self, file: SendFile) -> str: ...

    async def clear_buttons(self, ref: str) -> None: ...

    async def delete(self, refs: list[str]) -> None: ...


def command_of(text: str) -> tuple[str, str] | None:
    """``"/start abc"`` -> ``("start", "abc")``; also ``/start@SomeBot abc``."""
    if not text.startswith("/"):
        return None
    head, _, arg = text[1:].partition(" ")
    return head.split("@")[0].lower(), arg.strip()


def message_event(
    user_key: str, language_code: str | None, message_id: int, text: str | None, present: list[str]
) -> Event:
    """A person's message as the engine sees it: text, a command, or content it cannot take
    (``present``: the framework's names of what the message carries)."""
    common = {"ref": str(message_id), "language_code": language_code}
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


def retry_after(error: Exception) -> float | None:
    """Seconds Telegram asks to wait (flood control), from either framework's exception."""
    wait = getattr(error, "retry_after", None)
    if isinstance(wait, timedelta):
        return wait.total_seconds()
    return float(wait) if isinstance(wait, int | float) else None


class Conversation:
    def __init__(self, engine: Engine, max_wait: float = 30.0) -> None:
        self.engine = engine
        self.max_wait = max_wait
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def handle(self, event: Event, channel: Channel, pressed: str | None = None) -> Outcome:
        """Handle one event of a chat, after that chat's earlier events; ``pressed``: the ref
        of the message whose button was pressed (its buttons go once they are spent)."""
        async with self._locks[event.user_key]:
            try:
                outcome = self.engine.handle(event)
            except Exception as error:  # never the person's words in the log
                log.error("handling %s failed: %s", event.kind, type(error).__name__)
                text = self.engine.texts.get(self._language(event), "error.generic")
                outcome = Outcome(actions=(Send(text),), state="")
            log.debug("handled %s; now %s", event.kind, outcome.state)
            if pressed is not None and outcome.moved_on:
                await self._perform(channel.clear_buttons, pressed)
            sent: list[str] = []
            for action in outcome.actions:
                sent += await self._carry_out(action, channel)
            if outcome.keep_chat and sent:
                self._remember(event.user_key, sent)
            return outcome

    def _language(self, event: Event) -> str | None:
        try:
            data = self.engine.core.store.sessions.load(event.user_key) or {}
        except Exception:  # the storage itself may be what failed
            data = {}
        return data.get("lang") or event.language_code

    def _remember(self, user_key: str, refs: list[str]) -> None:
        store = self.engine.core.store
        try:
            with store.transaction():
                store.sessions.remember_messages(user_key, refs)
        except Exception as error:  # wiping will miss these; the conversation goes on
            log.warning("remembering sent messages failed: %s", type(error).__name__)

    async def _carry_out(self, action, channel: Channel) -> list[str]:
        if isinstance(action, Send):
            parts = chunks(action.text)
            refs = []
            for number, part in enumerate(parts, start=1):
                buttons = action.buttons if number == len(parts) else ()
                ref = await self._perform(channel.send, part, buttons)
                refs += [ref] if ref is not None else []
            return refs
        if isinstance(action, SendFile):
            ref = await self._perform(channel.send_file, action)
            return [ref] if ref is not None else []
        if isinstance(action, WipeChat):
            refs = list(action.refs)
            for start in range(0, len(refs), 100):
                await self._perform(channel.delete, refs[start : start + 100])
        return []

    async def _perform(self, call, *args):
        for _ in range(3):
            try:
                return await call(*args)
            except Exception as error:  # a refused call must not stop the conversation
                wait = retry_after(error)
                if wait is None or wait > self.max_wait:
                    log.warning("%s failed: %s", call.__name__, type(error).__name__)
                    return None
                log.info("flood control: waiting %.0f s", wait)
                await asyncio.sleep(wait)
        log.warning("%s failed after retries", call.__name__)
        return None
