"""Webhook mode: Telegram posts each update to our URL instead of our asking for them.

An aiohttp server listens (behind a reverse proxy that holds the certificate) on the path of
the public URL. Telegram's secret token header is checked on every request; a request
without it gets 403 and nothing else. An update is answered 200 once it is kept in the
database's inbox (where it stays until its turn is stored), so none is lost to a crash; one
posted again is recognised and changes nothing. Updates go through the same ``ChatQueues``
as long polling.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from bot.intake import ALLOWED_UPDATES, ChatQueues, take
from bot.sending import TokenRevoked

log = logging.getLogger("rondetafel.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


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

    async def serve(
        self, runtime, queues: ChatQueues, conversation, stop: asyncio.Event, api_base=None
    ) -> None:
        self._runtime, self._queues, self._conversation = runtime, queues, conversation
        for raw in await conversation.waiting():  # kept before a restart
            await take(raw, runtime.read, queues, conversation)
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
        if not isinstance(raw, dict) or not isinstance(raw.get("update_id"), int):
            return web.Response(status=400)
        try:
            await self._conversation.received([raw])
        except Exception as error:  # not kept: Telegram posts it again later
            log.warning("an update could not be kept: %s", type(error).__name__)
            return web.Response(status=503)
        await take(raw, self._runtime.read, self._queues, self._conversation)
        return web.Response(status=200)
