"""Updates in: each chat's updates in order, different chats at the same time, an update
confirmed to Telegram only once it was handled.

``ChatQueues`` runs one worker per chat with updates waiting (so one person's flood or slow
call never holds up another), up to ``MAX_TURNS`` at once. An update whose turn could not be
stored is tried again, with backoff, before that chat's next update.

``Poller`` fetches updates as raw JSON (long polling, ``getUpdates``), so that one update a
framework cannot read never stops the batch: the runtime reads each on its own, and one it
cannot read is logged by kind and id only, and skipped. Each batch is kept in the database's
inbox before Telegram is told it arrived (the next call's offset); an update leaves the
inbox in the transaction of its own turn, so a crash loses none, and after a restart the
ones still there are handled first (one handled before is recognised and changes nothing).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable

import aiohttp

from bot.conversation import Conversation, Inbound
from bot.sending import TokenRevoked

log = logging.getLogger("rondetafel.intake")

MAX_TURNS = 1000  # chats handled at the same moment (their replies under way)
RETRY_DELAYS = (1, 2, 5, 10, 30, 60)  # seconds before an update that failed is tried again
POLL_TIMEOUT = 20
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]

Reader = Callable[[dict], Inbound | None]


def update_kind(raw: dict) -> str:
    return next((key for key in raw if key != "update_id"), "unknown")


class ChatQueues:
    def __init__(self, conversation: Conversation, max_turns: int = MAX_TURNS) -> None:
        self.conversation = conversation
        self._queues: dict[str, deque[tuple[Inbound, asyncio.Future]]] = {}
        self._workers: set[asyncio.Task] = set()
        self._gate = asyncio.Semaphore(max_turns)

    def put(self, inbound: Inbound) -> asyncio.Future:
        """Queue an update behind its chat's earlier ones; the future is done once handled."""
        done = asyncio.get_running_loop().create_future()
        queue = self._queues.get(inbound.chat)
        if queue is None:
            queue = self._queues[inbound.chat] = deque()
            task = asyncio.create_task(self._work(inbound.chat, queue))
            self._workers.add(task)
            task.add_done_callback(self._workers.discard)
        queue.append((inbound, done))
        return done

    @property
    def busy(self) -> bool:
        return bool(self._queues)

    async def _work(self, chat: str, queue: deque) -> None:
        try:
            while queue:
                inbound, done = queue[0]
                attempt = 0
                while True:
                    async with self._gate:
                        handled = await self._handle(inbound, more_waiting=len(queue) > 1)
                    if handled:
                        break
                    await asyncio.sleep(RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)])
                    attempt += 1
                queue.popleft()
                if not done.done():
                    done.set_result(True)
        finally:
            self._queues.pop(chat, None)

    async def _handle(self, inbound: Inbound, more_waiting: bool) -> bool:
        try:
            return await self.conversation.handle(inbound, more_waiting)
        except TokenRevoked:
            raise
        except Exception as error:  # never stop the chat's queue for good
            log.error("an update could not be handled: %s", type(error).__name__)
            return True

    async def drain(self) -> None:
        while self._workers:
            await asyncio.gather(*list(self._workers), return_exceptions=True)


class Poller:
    """Long polling of ``getUpdates``: each batch is kept in the inbox first, then confirmed
    (the next call's offset) and handed to the chats' queues."""

    def __init__(
        self, api_base: str, token: str, read: Reader, queues: ChatQueues, conversation
    ) -> None:
        self._url = f"{api_base}/bot{token}/getUpdates"
        self._read = read
        self._queues = queues
        self._conversation = conversation
        self._offset: int | None = None

    async def run(self, stop: asyncio.Event) -> None:
        for raw in await self._conversation.waiting():  # from before a restart
            await take(raw, self._read, self._queues, self._conversation)
        timeout = aiohttp.ClientTimeout(total=POLL_TIMEOUT + 15)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            delay = 1.0
            while not stop.is_set():
                try:
                    updates = await self._fetch(session, stop)
                    if updates:
                        await self._conversation.received(updates)
                except TokenRevoked:
                    raise
                except (aiohttp.ClientError, TimeoutError, ValueError, KeyError) as error:
                    log.warning("getUpdates failed: %s", type(error).__name__)
                    await _sleep_or_stop(stop, delay)
                    delay = min(delay * 2, 30.0)
                    continue
                delay = 1.0
                if updates:
                    self._offset = max(u["update_id"] for u in updates) + 1
                for raw in updates:
                    await take(raw, self._read, self._queues, self._conversation)
        await self._queues.drain()

    async def _fetch(self, session: aiohttp.ClientSession, stop: asyncio.Event) -> list[dict]:
        body = {"timeout": POLL_TIMEOUT, "allowed_updates": ALLOWED_UPDATES}
        if self._offset is not None:
            body["offset"] = self._offset
        request = asyncio.ensure_future(self._post(session, body))
        stopping = asyncio.ensure_future(stop.wait())
        finished, _ = await asyncio.wait({request, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if request not in finished:
            request.cancel()
            return []
        data = request.result()
        if data.get("ok"):
            return [u for u in data.get("result") or [] if isinstance(u.get("update_id"), int)]
        code = data.get("error_code")
        if code == 401:
            raise TokenRevoked("the Bot API refused the token (unauthorized)")
        wait = (data.get("parameters") or {}).get("retry_after")
        log.warning("getUpdates refused: %s", code)
        await _sleep_or_stop(stop, float(wait) if wait else (5.0 if code == 409 else 2.0))
        return []

    async def _post(self, session: aiohttp.ClientSession, body: dict) -> dict:
        async with session.post(self._url, json=body) as response:
            return await response.json(content_type=None)


async def take(raw: dict, read: Reader, queues: ChatQueues, conversation) -> None:
    """Read one kept update and queue it behind its chat's; one that cannot be read is
    logged by kind and id only, and leaves the inbox."""
    update_id = raw.get("update_id")
    try:
        inbound = read(raw)
    except Exception as error:  # a framework could not read it: the kind and id only
        log.warning(
            "skipped an update it cannot read (%s, id %s): %s",
            update_kind(raw),
            update_id,
            type(error).__name__,
        )
        inbound = None
    if inbound is None:
        await conversation.done(update_id)
    else:
        queues.put(inbound)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass
