"""Updates in: each chat's updates in order, different chats at the same time, an update
confirmed to Telegram only once it was handled.

``ChatQueues`` runs one worker per chat with updates waiting (so one person's flood or slow
call never holds up another), up to ``MAX_TURNS`` at once. An update whose turn could not be
stored is tried again, with backoff, before that chat's next update.

``Poller`` fetches updates as raw JSON (long polling, ``getUpdates``), so that one update a
framework cannot read never stops the batch: the runtime reads each on its own, and one it
cannot read is logged by kind and id only, and skipped. The offset sent back to Telegram only
passes updates that are done, so updates lost to a crash are fetched again (and one that was
handled before it is recognised and changes nothing).
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

MAX_TURNS = 64  # chats handled at the same moment
RETRY_DELAYS = (1, 2, 5, 10, 30, 60)  # seconds before an update that failed is tried again
POLL_TIMEOUT = 20
SETTLE_SECONDS = 0.5  # how long to wait for taken updates before fetching anyway
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
    """Long polling of ``getUpdates`` with Telegram's offset semantics."""

    def __init__(self, api_base: str, token: str, read: Reader, queues: ChatQueues) -> None:
        self._url = f"{api_base}/bot{token}/getUpdates"
        self._read = read
        self._queues = queues
        self._pending: dict[int, asyncio.Future] = {}  # update id -> done
        self._offset: int | None = None
        self._advanced = asyncio.Event()  # an update is done: the offset can move on

    async def run(self, stop: asyncio.Event) -> None:
        timeout = aiohttp.ClientTimeout(total=POLL_TIMEOUT + 15)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            delay = 1.0
            while not stop.is_set():
                try:
                    updates = await self._fetch(session, stop)
                except TokenRevoked:
                    raise
                except (aiohttp.ClientError, TimeoutError, ValueError) as error:
                    log.warning("getUpdates failed: %s", type(error).__name__)
                    await _sleep_or_stop(stop, delay)
                    delay = min(delay * 2, 30.0)
                    continue
                delay = 1.0
                for raw in updates:
                    self._take(raw)
                await self._settling(stop)
        await self._queues.drain()

    async def _settling(self, stop: asyncio.Event) -> None:
        """Before asking again, give the updates just taken a moment to be handled, so the
        next call confirms them instead of fetching them a second time."""
        if all(done.done() for done in self._pending.values()):
            return
        try:
            await asyncio.wait_for(self._advanced.wait(), SETTLE_SECONDS)
        except TimeoutError:
            pass

    async def _fetch(self, session: aiohttp.ClientSession, stop: asyncio.Event) -> list[dict]:
        self._forget_done()
        self._advanced.clear()
        body = {"timeout": POLL_TIMEOUT, "allowed_updates": ALLOWED_UPDATES}
        if self._offset is not None:
            body["offset"] = self._offset
        request = asyncio.ensure_future(self._post(session, body))
        stopping = asyncio.ensure_future(stop.wait())
        advanced = asyncio.ensure_future(self._advanced.wait())
        finished, _ = await asyncio.wait(
            {request, stopping, advanced}, return_when=asyncio.FIRST_COMPLETED
        )
        stopping.cancel()
        advanced.cancel()
        if request not in finished:  # stopping, or confirm what was handled meanwhile
            request.cancel()
            await asyncio.sleep(0.02)  # let a few more finish, then ask again
            return []
        data = request.result()
        if data.get("ok"):
            return list(data.get("result") or [])
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

    def _take(self, raw: dict) -> None:
        update_id = raw.get("update_id")
        if not isinstance(update_id, int) or update_id in self._pending:
            return  # delivered again while still being handled
        try:
            inbound = self._read(raw)
        except Exception as error:  # a framework could not read it: the kind and id only
            log.warning(
                "skipped an update it cannot read (%s, id %s): %s",
                update_kind(raw),
                update_id,
                type(error).__name__,
            )
            inbound = None
        if inbound is None:
            done = asyncio.get_running_loop().create_future()
            done.set_result(True)
        else:
            done = self._queues.put(inbound)
            done.add_done_callback(lambda _: self._advanced.set())
        self._pending[update_id] = done

    def _forget_done(self) -> None:
        """Advance the offset past the updates that are done, in order, and no further."""
        for update_id in sorted(self._pending):
            if not self._pending[update_id].done():
                break
            del self._pending[update_id]
            self._offset = update_id + 1


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass
