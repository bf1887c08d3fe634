"""Calls to the Bot API, made the way Telegram asks, without one chat ever holding up another.

- About 30 messages a second for the whole bot (a shared token bucket).
- 429 with ``retry_after``: that chat waits that long, the others carry on.
- 5xx, timeouts and dropped connections: tried again with backoff, a few times.
- 403 (the person blocked the bot): not tried again until they write again.
- A message that can no longer be edited or deleted: nothing to do.
- 401 (the token was revoked): ``TokenRevoked``, which ends the process.

Each runtime says what its framework's exception means (``classify``); the rules are here once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from enum import Enum

log = logging.getLogger("rondetafel.sending")

PER_SECOND = 30.0
CALL_TIMEOUT = 15.0  # seconds a single call may take
RETRIES = 3
MAX_WAIT = 120.0  # a longer flood wait than this: give up on that call


class Failure(Enum):
    FLOOD = "flood"  # 429: wait retry_after
    TRANSIENT = "transient"  # 5xx, timeout, network
    BLOCKED = "blocked"  # 403
    GONE = "gone"  # the message cannot be edited or deleted any more
    REFUSED = "refused"  # any other 400: not worth repeating
    UNAUTHORIZED = "unauthorized"  # 401


class TokenRevoked(RuntimeError):
    """The Bot API refused the token while running: the process must end."""


Classify = Callable[[BaseException], tuple[Failure, float | None]]


class _Bucket:
    def __init__(self, rate: float) -> None:
        self._rate, self._tokens, self._at = rate, rate, time.monotonic()
        self._lock = asyncio.Lock()

    async def take(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                self._tokens = min(self._rate, self._tokens + (now - self._at) * self._rate)
                self._at = now
                if self._tokens >= 1:
                    self._tokens -= 1
                    return
                await asyncio.sleep((1 - self._tokens) / self._rate)


class Sender:
    def __init__(
        self, classify: Classify, per_second: float = PER_SECOND, retries: int = RETRIES
    ) -> None:
        self._classify = classify
        self._retries = retries
        self._bucket = _Bucket(per_second)
        self._paused: dict[str, float] = {}  # chat -> monotonic time its flood wait ends
        self.blocked: set[str] = set()

    def heard_from(self, chat: str) -> None:
        """The person wrote: they have not blocked the bot (any more)."""
        self.blocked.discard(chat)

    async def call(self, chat: str, fn: Callable[..., Awaitable], *args):
        """``await fn(*args)`` for ``chat`` within the rules above; None when it gave up."""
        if chat in self.blocked:
            return None
        for attempt in range(self._retries + 1):
            await self._wait_turn(chat)
            try:
                return await asyncio.wait_for(fn(*args), CALL_TIMEOUT)
            except Exception as error:
                failure, wait = self._classify(error)
                if failure is Failure.UNAUTHORIZED:
                    raise TokenRevoked("the Bot API refused the token (unauthorized)") from error
                if failure is Failure.BLOCKED:
                    self.blocked.add(chat)
                    log.info("a participant blocked the bot; not sending to them")
                    return None
                if failure in (Failure.GONE, Failure.REFUSED):
                    log.info("%s refused: %s", _name(fn), type(error).__name__)
                    return None
                if failure is Failure.FLOOD and wait is not None and wait <= MAX_WAIT:
                    self._paused[chat] = time.monotonic() + wait
                    log.info("flood control for one chat: waiting %.0f s", wait)
                    continue
                if failure is Failure.TRANSIENT and attempt < self._retries:
                    await asyncio.sleep(0.5 * 2**attempt)
                    continue
                log.warning("%s failed: %s", _name(fn), type(error).__name__)
                return None
        log.warning("%s failed after retries", _name(fn))
        return None

    async def _wait_turn(self, chat: str) -> None:
        until = self._paused.get(chat)
        if until is not None:
            delay = until - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self._paused.pop(chat, None)
        await self._bucket.take()


def _name(fn) -> str:
    return getattr(fn, "__name__", type(fn).__name__)
