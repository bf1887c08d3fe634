"""The update queue behind ``getUpdates``, with Telegram's confirmation semantics.

An update stays in the queue until a later ``getUpdates`` call passes an ``offset`` higher
than its ``update_id``; a bot that restarts before confirming gets it again. A negative
offset keeps only that many of the newest updates. A ``getUpdates`` call with an empty
queue waits up to ``timeout`` seconds for an update to arrive; a second concurrent call
ends the first with 409 Conflict, as Telegram does.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from loopback.errors import ApiError

# Telegram leaves these out unless a bot asks for them by name.
OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CONFLICT = ApiError(
    409,
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
)


@dataclass(frozen=True)
class Update:
    update_id: int
    kind: str
    payload: dict[str, Any]
    chat_id: int | None

    def to_api(self) -> dict[str, Any]:
        return {"update_id": self.update_id, self.kind: self.payload}


class UpdateQueue:
    def __init__(self, first_update_id: int = 100_000) -> None:
        self._queue: list[Update] = []
        self._ids = itertools.count(first_update_id)
        self._allowed: frozenset[str] | None = None
        self._waiter: asyncio.Future[str] | None = None
        self._closed = False
        self.dropped: list[Update] = []
        self.on_confirm: Callable[[list[Update]], None] | None = None
        self.on_deliver: Callable[[list[Update]], None] | None = None
        self.on_push: Callable[[], None] | None = None

    def push(self, kind: str, payload: dict[str, Any], chat_id: int | None) -> Update | None:
        """Queue an update; ``None`` when the bot's ``allowed_updates`` leave it out."""
        if not self._wants(kind):
            self.dropped.append(Update(0, kind, payload, chat_id))
            return None
        update = Update(next(self._ids), kind, payload, chat_id)
        self._queue.append(update)
        self._wake("update")
        if self.on_push is not None:
            self.on_push()
        return update

    def pending(self, chat_id: int | None = None) -> list[Update]:
        """Updates not yet confirmed by the bot (of one chat, or all)."""
        return [u for u in self._queue if chat_id is None or u.chat_id in (chat_id, None)]

    def confirm_one(self, update_id: int) -> None:
        """One update confirmed on its own (a webhook's 2xx answer)."""
        self._settle_confirmed(
            [u for u in self._queue if u.update_id == update_id],
            [u for u in self._queue if u.update_id != update_id],
        )

    def drop_pending(self) -> None:
        self._settle_confirmed(self._queue, [])

    def close(self) -> None:
        """Release a waiting ``getUpdates`` with an empty answer (server shutdown)."""
        self._closed = True
        self._wake("closed")

    async def fetch(
        self,
        offset: int | None,
        limit: int,
        timeout: float,
        allowed_updates: Iterable[str] | None,
        on_wait: Callable[[bool], None],
    ) -> list[dict[str, Any]]:
        """Answer one ``getUpdates`` call; ``on_wait(True/False)`` brackets the long poll."""
        self._wake("conflict")
        if allowed_updates is not None:
            self._allowed = frozenset(allowed_updates) or None
        self._confirm(offset)
        limit = min(max(limit, 1), 100)
        if self._queue or timeout <= 0 or self._closed:
            return self._batch(limit)
        waiter: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._waiter = waiter
        on_wait(True)
        try:
            reason = await asyncio.wait_for(waiter, timeout)
        except TimeoutError:
            reason = "timeout"
        finally:
            on_wait(False)
            if self._waiter is waiter:
                self._waiter = None
        if reason == "conflict":
            raise CONFLICT
        return self._batch(limit)

    def _wants(self, kind: str) -> bool:
        if self._allowed is None:
            return kind not in OPT_IN_TYPES
        return kind in self._allowed

    def _confirm(self, offset: int | None) -> None:
        if not offset:
            return
        if offset < 0:
            self._settle_confirmed(self._queue[:offset], self._queue[offset:])
        else:
            self._settle_confirmed(
                [u for u in self._queue if u.update_id < offset],
                [u for u in self._queue if u.update_id >= offset],
            )

    def _settle_confirmed(self, confirmed: list[Update], kept: list[Update]) -> None:
        self._queue = kept
        if confirmed and self.on_confirm is not None:
            self.on_confirm(confirmed)

    def _batch(self, limit: int) -> list[dict[str, Any]]:
        batch = self._queue[:limit]
        if batch and self.on_deliver is not None:
            self.on_deliver(batch)
        return [update.to_api() for update in batch]

    def _wake(self, reason: str) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(reason)
