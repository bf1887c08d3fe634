"""Webhook delivery, as Telegram does it: while a webhook is set, every update is posted to
its URL with the secret token header; an update is confirmed when the answer is 2xx, and
posted again a little later otherwise. At most ``max_connections`` posts are in flight."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from loopback.updates import Update, UpdateQueue

RETRY_SECONDS = 0.2


class WebhookDelivery:
    def __init__(self, updates: UpdateQueue) -> None:
        self.updates = updates
        self.url = ""
        self.secret = ""
        self.max_connections = 40
        self.posts: list[tuple[int, int]] = []  # (update id, status) of every post, for tests
        self._in_flight: set[int] = set()
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()

    def configure(self, url: str, secret: str, max_connections: Any = None) -> None:
        self.url, self.secret = url, secret
        if isinstance(max_connections, int) and 1 <= max_connections <= 100:
            self.max_connections = max_connections
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def nudge(self) -> None:
        self._wake.set()

    async def _run(self) -> None:
        async with aiohttp.ClientSession() as session:
            while True:
                await self._wake.wait()
                self._wake.clear()
                while self.url and self._deliverable():
                    update = self._deliverable()[0]
                    self._in_flight.add(update.update_id)
                    asyncio.create_task(self._post(session, update))
                if self.url and self.updates.pending():
                    await asyncio.sleep(RETRY_SECONDS)
                    self._wake.set()

    def _deliverable(self) -> list[Update]:
        if len(self._in_flight) >= self.max_connections:
            return []
        return [u for u in self.updates.pending() if u.update_id not in self._in_flight]

    async def _post(self, session: aiohttp.ClientSession, update: Update) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret} if self.secret else {}
        status = 0
        try:
            async with session.post(self.url, json=update.to_api(), headers=headers) as reply:
                status = reply.status
        except (aiohttp.ClientError, OSError):
            status = 0
        finally:
            self.posts.append((update.update_id, status))
            self._in_flight.discard(update.update_id)
        if 200 <= status < 300:
            self.updates.confirm_one(update.update_id)
        self._wake.set()
