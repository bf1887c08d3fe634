"""Webhook mode: Telegram posts each update to our URL instead of our asking for them.

An aiohttp server listens (behind a reverse proxy that holds the certificate) on the path of
the public URL. Telegram's secret token header is checked on every request; a request
without it gets 403 and nothing else. An update is answered 200 only once it is handled, so
one that is lost to a crash is posted again by Telegram (and one handled before is
recognised and changes nothing). Updates go through the same ``ChatQueues`` as long polling.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from bot.intake import ALLOWED_UPDATES, ChatQueues, update_kind
from bot.sending import TokenRevoked

log = logging.getLogger("rondetafel.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ANSWER_WITHIN = 50.0  # seconds; Telegram posts again when it has no answer


class Webhook:
    def __init__(self, url: str, listen: str, secret: str, token: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise ValueError("the webhook URL must be like https://bot.example.org/telegram")
        host, _, port = (listen or "127.0.0.1:8080").rpartition(":")
        self.url, self.path = url, parts.path or "/"
        self.host, self.port = host or "127.0.0.1", int(port)
        self.secret = secret
        self._token = token
        self.bound_port: int | None = None

    async def serve(self, runtime, queues: ChatQueues, stop: asyncio.Event, api_base=None) -> None:
        self._runtime, self._queues = runtime, queues
        app = web.Application()
        app.router.add_post(self.path, self._receive)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self.bound_port = runner.addresses[0][1]
        try:
            await self._register(api_base)
            await stop.wait()
        finally:
            await runner.cleanup()
            await queues.drain()

    async def _register(self, api_base: str | None) -> None:
        """Tell Telegram where to post, with the secret it must send along."""
        base = api_base or "https://api.telegram.org"
        body = {"url": self.url, "secret_token": self.secret, "allowed_updates": ALLOWED_UPDATES}
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{base}/bot{self._token}/setWebhook", json=body) as reply:
                data = await reply.json(content_type=None)
        if data.get("error_code") == 401:
            raise TokenRevoked("the Bot API refused the token (unauthorized)")
        if not data.get("ok"):
            raise RuntimeError(f"setWebhook was refused: {data.get('description', '?')}")

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return web.Response(status=403)
        try:
            raw = await request.json()
        except ValueError:
            return web.Response(status=400)
        try:
            inbound = self._runtime.read(raw)
        except Exception as error:  # the kind and id only, never the content
            log.warning(
                "skipped an update it cannot read (%s, id %s): %s",
                update_kind(raw),
                raw.get("update_id"),
                type(error).__name__,
            )
            return web.Response(status=200)
        if inbound is None:
            return web.Response(status=200)
        done = self._queues.put(inbound)
        try:
            await asyncio.wait_for(asyncio.shield(done), ANSWER_WITHIN)
        except TimeoutError:
            return web.Response(status=503)  # still working on it: Telegram posts it again
        return web.Response(status=200)
