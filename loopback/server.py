"""A loopback stand-in for the Telegram Bot API: an aiohttp server on 127.0.0.1.

Bots reach it at ``{base_url}/bot{token}/{method}`` and download files from
``{base_url}/file/bot{token}/{path}``. Simulated users (``server.user(...)``) push updates
and read their chat; ``settle()`` waits until the bot has handled what was pushed.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from loopback import account, messaging
from loopback.activity import Activity
from loopback.chats import Chat, Person
from loopback.errors import NOT_FOUND, UNAUTHORIZED, ApiError
from loopback.params import read_params
from loopback.phone import Phone
from loopback.registry import ApiCall
from loopback.world import World

METHODS = account.METHODS.merged(messaging.METHODS)
_TOKEN_SHAPE = re.compile(r"^\d+:[\w-]+$")
MAX_BODY = 50 * 1024 * 1024  # Telegram's upload limit for bots


@dataclass
class RecordedRequest:
    """One request the bot made, for assertions; ``error`` is the failure's description."""

    method: str
    params: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


class LoopbackServer:
    """``async with LoopbackServer(token=...) as server:`` serves on a free port.

    ``reject_token`` (also settable later) answers every request 401 Unauthorized, as for a
    revoked token. ``api_delay``: seconds each Bot API call takes before it is answered (a
    round trip to Telegram from a European server is about 0.05). ``quiet`` and
    ``reply_grace`` tune ``settle()`` (see
    ``loopback.activity``); ``per_chat_settle`` makes each phone wait for its own chat
    only, for many simultaneous simulated participants (the demo).
    """

    def __init__(
        self,
        token: str = "123456789:LOOPBACK-test-token",
        *,
        bot_name: str = "Rondetafel",
        bot_username: str = "rondetafel_bot",
        reject_token: bool = False,
        quiet: float = 0.05,
        reply_grace: float = 2.0,
        settle_timeout: float = 10.0,
        per_chat_settle: bool = False,
        api_delay: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.token = token
        self.reject_token = reject_token
        self.settle_timeout = settle_timeout
        self.per_chat_settle = per_chat_settle
        self.api_delay = api_delay  # seconds every Bot API call takes, like a real round trip
        self.world = World(token, bot_name, bot_username)
        self.activity = Activity(self.world.updates, quiet, reply_grace)
        self.requests: list[RecordedRequest] = []
        self._host, self._port = host, port
        self._runner: web.AppRunner | None = None
        self._phones: dict[int, Phone] = {}

    # -- life cycle ----------------------------------------------------------------------

    async def start(self) -> LoopbackServer:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(
            app, handler_cancellation=True, shutdown_timeout=1.0, access_log=None
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()
        self._port = self._runner.addresses[0][1]
        self.world.webhook.start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self.world.webhook.stop()
            self.world.updates.close()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LoopbackServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """The Bot API base: ``TelegramAPIServer.from_base(base_url)`` for aiogram,
        ``base_url=f"{base_url}/bot"`` and ``base_file_url=f"{base_url}/file/bot"`` for PTB."""
        return f"http://{self._host}:{self._port}"

    # -- simulated users and what they see -----------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str = "Ada",
        language_code: str | None = "nl",
        username: str | None = None,
    ) -> Phone:
        """The phone of a simulated user. The account details are set by the first call;
        later calls with the same user id return that same phone."""
        phone = self._phones.get(user_id)
        if phone is None:
            person = Person(user_id, first_name, language_code, username)
            phone = self._phones[user_id] = Phone(self, self.world.person_chat(person))
        return phone

    def chat(self, user_id: int) -> Chat:
        return self.world.chats[user_id]

    @property
    def waiting_polls(self) -> int:
        """How many ``getUpdates`` calls are parked waiting for an update."""
        return self.activity.waiting_polls

    def calls(self, method: str) -> list[RecordedRequest]:
        """The recorded requests of one Bot API method (name case-insensitive)."""
        return [r for r in self.requests if r.method.lower() == method.lower()]

    # -- settling ------------------------------------------------------------------------

    async def settle(self, timeout: float | None = None, chat_id: int | None = None) -> None:
        """Return once the bot has handled every pushed update (of ``chat_id``, or all);
        see ``loopback.activity``. Raises ``TimeoutError`` saying what is going on."""
        loop = asyncio.get_running_loop()
        timeout = self.settle_timeout if timeout is None else timeout
        deadline = loop.time() + timeout
        while True:
            reason = self.activity.unsettled(chat_id, loop.time())
            if reason is None:
                return
            if loop.time() >= deadline:
                raise TimeoutError(f"the bot did not settle within {timeout:g} s: {reason}")
            await asyncio.sleep(0.005)

    # -- HTTP ----------------------------------------------------------------------------

    def _token_error(self, token: str) -> ApiError | None:
        if not _TOKEN_SHAPE.match(token):
            return NOT_FOUND
        if self.reject_token or token != self.token:
            return UNAUTHORIZED
        return None

    async def _handle_method(self, request: web.Request) -> web.Response:
        call = ApiCall(self.world, request.match_info["method"])
        self.activity.begin(call)
        record = RecordedRequest(call.method)
        self.requests.append(record)
        try:
            call.params = record.params = await read_params(request)
            if isinstance(call.params.get("chat_id"), int):
                call.chat_id = call.params["chat_id"]
            self.activity.touch(call)
            token_error = self._token_error(request.match_info["token"])
            if token_error is not None:
                raise token_error
            found = METHODS.lookup(call.method)
            if found is None:
                raise NOT_FOUND
            if self.api_delay:
                await asyncio.sleep(self.api_delay)
            record.method, handler = found
            result = handler(call)
            if inspect.isawaitable(result):
                result = await result
            body, status = {"ok": True, "result": result}, 200
        except ApiError as error:
            record.error = error.description
            body, status = error.to_api(), error.error_code
        except Exception as error:  # a fault of the stand-in itself: tell the bot and the log
            record.error = f"Internal Server Error: {error!r}"
            body, status = {"ok": False, "error_code": 500, "description": record.error}, 500
        finally:
            self.activity.end(call)
        return web.json_response(body, status=status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        error = self._token_error(request.match_info["token"])
        stored = self.world.files.by_path(request.match_info["path"])
        if error is None and stored is None:
            error = ApiError(404, "Not Found: file not found")
        if error is not None:
            return web.json_response(error.to_api(), status=error.error_code)
        return web.Response(body=stored.data, content_type=stored.mime_type)
