"""What the bot is doing, as far as the server can tell, and when it has settled.

The bot has settled (for one chat, or for all) when every pushed update was confirmed by a
``getUpdates`` offset, no request other than a long poll is in flight, and no request came
for ``quiet`` seconds. A chat whose delivered update the bot has not yet reacted to (no
request for that chat since) also waits ``reply_grace`` seconds and for the whole server to
be quiet, so a bot working through a queue of updates one by one is not taken as done.
"""

from __future__ import annotations

import asyncio

from loopback.registry import ApiCall
from loopback.updates import Update, UpdateQueue


def is_poll(call: ApiCall) -> bool:
    return call.method.lower() == "getupdates"


class Activity:
    def __init__(self, updates: UpdateQueue, quiet: float, reply_grace: float) -> None:
        self.updates = updates
        self.quiet = quiet
        self.reply_grace = reply_grace
        self.calls: list[ApiCall] = []
        self._last = 0.0
        self._chat_last: dict[int, float] = {}
        self._chat_confirmed: dict[int, float] = {}
        self._chat_delivered: dict[int, float] = {}
        self._seen: set[int] = set()
        updates.on_confirm = self._confirmed
        updates.on_deliver = self._delivered

    @property
    def waiting_polls(self) -> int:
        return sum(1 for call in self.calls if call.waiting)

    def begin(self, call: ApiCall) -> None:
        self.calls.append(call)

    def end(self, call: ApiCall) -> None:
        self.calls.remove(call)
        self.touch(call)

    def touch(self, call: ApiCall) -> None:
        """Note the bot at work; polling is not work (what a poll confirms is noted apart)."""
        if is_poll(call):
            return
        moment = asyncio.get_running_loop().time()
        self._last = moment
        if call.chat_id is not None:
            self._chat_last[call.chat_id] = moment

    def _confirmed(self, updates: list[Update]) -> None:
        moment = asyncio.get_running_loop().time()
        self._last = moment
        for update in updates:
            if update.chat_id is not None:
                self._chat_confirmed[update.chat_id] = moment

    def _delivered(self, updates: list[Update]) -> None:
        """When a chat's update first reached the bot (delivered again, it asks no new
        reaction: a bot that confirms only what it finished gets it again meanwhile)."""
        moment = asyncio.get_running_loop().time()
        for update in updates:
            if update.chat_id is not None and update.update_id not in self._seen:
                self._seen.add(update.update_id)
                self._chat_delivered[update.chat_id] = moment

    def unsettled(self, chat_id: int | None, now: float) -> str | None:
        """Why the bot has not settled (``None`` when it has)."""
        pending = self.updates.pending(chat_id)
        if pending:
            kinds = ", ".join(f"{u.kind} #{u.update_id}" for u in pending[:5])
            return (
                f"{len(pending)} update(s) not confirmed by a getUpdates offset ({kinds}); "
                "is the bot polling this server?"
            )
        busy = [
            c.method
            for c in self.calls
            if not is_poll(c) and (chat_id is None or c.chat_id == chat_id)
        ]
        if busy:
            return f"request(s) in flight: {', '.join(busy)}"
        chats = [chat_id] if chat_id is not None else list(self._chat_delivered)
        unanswered = [chat for chat in chats if self._unanswered(chat)]
        if unanswered:
            since = max(self._chat_delivered[chat] for chat in unanswered)
            if now - since < self.reply_grace:
                return f"no reaction yet in chat(s) {unanswered[:5]}"
        last = self._last
        if chat_id is not None and not unanswered:
            last = max(self._chat_last.get(chat_id, 0.0), self._chat_confirmed.get(chat_id, 0.0))
        if now - last < self.quiet:
            return f"the bot made a request {1000 * (now - last):.0f} ms ago"
        return None

    def _unanswered(self, chat_id: int) -> bool:
        delivered = self._chat_delivered.get(chat_id)
        return delivered is not None and delivered > self._chat_last.get(chat_id, 0.0)
