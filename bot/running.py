"""``rondetafel run``: the bot's lifetime, start to stop (also a restartable background bot).

One runtime (aiogram or python-telegram-bot) reads updates; the shared intake, conversation
and sending layers do the rest. Beside the conversations run the retention purge (hourly) and
the housekeeping that empties the write-ahead log after erasures and re-lays the file after
submissions, reminders, and preparing exports ahead (cutting and assigning new answers).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import time

from bot import commands
from bot.app import App
from bot.conversation import Conversation
from bot.errors import StartupError
from bot.intake import ChatQueues, Poller
from bot.reminding import send_due
from bot.sending import Sender, TokenRevoked
from bot.settings import Settings
from bot.telegram import DELETE_WINDOW_DAYS
from consultation import review
from consultation.consultations import close_due
from consultation.erasure import purge
from storage.housekeeping import Deferred
from storage.store import Store

log = logging.getLogger("rondetafel.run")
PURGE_EVERY_SECONDS = 3600
PREPARE_EVERY_SECONDS = 60
QUIET_SECONDS = 20  # preparing ahead waits until nobody has written for this long
REMIND_EVERY_SECONDS = 300


def make_runtime(app: App, runtime: str, token: str, api_base: str):
    if runtime == "ptb":
        from bot.runtime_ptb import PtbRuntime

        return PtbRuntime(app.keyring, token, api_base)
    from bot.runtime_aiogram import AiogramRuntime

    return AiogramRuntime(app.keyring, token, api_base)


async def serve(
    app: App,
    runtime_name: str,
    token: str,
    api_base: str,
    stop: asyncio.Event,
    webhook=None,
) -> None:
    """Run one runtime until ``stop``; ``webhook``: a ``bot.webhook.Webhook`` to receive
    updates on, instead of long polling."""
    runtime = make_runtime(app, runtime_name, token, api_base)
    housekeeping = Deferred(app.settings.db_path)
    app.store.housekeeping = housekeeping
    background: list[asyncio.Task] = []
    try:
        username = await runtime.check()
        await commands.publish(runtime, app.engine.texts, app.settings.admins)
        conversation = Conversation(
            app.engine, Sender(runtime.classify, per_second=app.settings.send_rate)
        )
        with app.store.transaction():
            app.store.set_meta("bot_username", username)
        queues = ChatQueues(conversation)
        background = [
            asyncio.create_task(housekeeping.run()),
            asyncio.create_task(_purge_periodically(app, conversation)),
            asyncio.create_task(_remind_periodically(app, runtime, conversation)),
            asyncio.create_task(_prepare_ahead(app, conversation)),
        ]
        if webhook is not None:
            await webhook.serve(runtime, queues, conversation, stop, api_base)
        else:
            await Poller(api_base, token, runtime.read, queues, conversation).run(stop)
    finally:
        for task in background:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await housekeeping.flush()
        await runtime.close()


class BackgroundBot:
    """The bot as a background task that can be stopped and started again (a restart)."""

    def __init__(self, app: App, runtime: str, token: str, api_base: str, webhook=None) -> None:
        self.app, self.runtime, self.token, self.api_base = app, runtime, token, api_base
        self.webhook = webhook
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(
            serve(self.app, self.runtime, self.token, self.api_base, self._stop, self.webhook)
        )

    async def stop(self) -> None:
        if self._task is not None:
            self._stop.set()
            await self._task
            self._task = None


async def _remind_periodically(app: App, runtime, conversation: Conversation) -> None:
    """Close consultations past their closing day, then send the reminders that are due."""
    while True:
        try:
            for consultation in await conversation.locked(lambda: close_due(app.core)):
                log.info("closed %s: its closing day has passed", consultation.id)
            sent = await send_due(app.core, app.engine.texts, runtime, conversation)
        except Exception as error:  # try again next round
            log.error("reminders failed: %s", type(error).__name__)
        else:
            if sent:
                log.info("sent %d reminders", sent)
        await asyncio.sleep(REMIND_EVERY_SECONDS)


async def _prepare_ahead(app: App, conversation: Conversation) -> None:
    """Cut and assign submitted answers in the background, the slow sentence vectors in a
    worker thread on a connection of its own, so that an export (in the chat or on the
    command line) finds them ready and nobody's turn waits for them."""
    while True:
        await asyncio.sleep(PREPARE_EVERY_SECONDS)
        if time.monotonic() - conversation.last_turn < QUIET_SECONDS:
            continue  # people are answering: their turns come first (an export prepares anyway)
        try:
            for consultation in app.store.consultations.all():
                if not review.needs_preparing(app.store, consultation):
                    continue
                cache = await asyncio.to_thread(_encode_apart, app.settings.db_path, consultation)
                await conversation.locked(
                    lambda c=consultation, v=cache: review.prepare(app.core, c, v)
                )
        except Exception as error:  # an export prepares itself anyway
            log.error("preparing ahead failed: %s", type(error).__name__)


def _encode_apart(path, consultation):
    store = Store.open(path)
    try:
        return review.encode(store, consultation)
    finally:
        store.close()


async def _purge_periodically(app: App, conversation: Conversation) -> None:
    while True:
        try:
            await conversation.locked(
                lambda: purge(app.core, submitted_session_days=DELETE_WINDOW_DAYS)
            )
            await conversation.locked(app.store.updates.prune)
        except Exception as error:  # retention must go on: try again next round
            log.error("purge failed: %s", type(error).__name__)
        await asyncio.sleep(PURGE_EVERY_SECONDS)


def run(args: argparse.Namespace, settings: Settings) -> int:
    token = settings.require_token()
    app = App.open(settings, busy_seconds=0)
    webhook = None
    if args.webhook:
        from bot.webhook import Webhook

        webhook = Webhook(args.webhook, args.listen, app.keyring.derive("webhook")[:48], token)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(app, args.runtime, token, settings.api_base, stop, webhook)

    try:
        asyncio.run(main())
    except TokenRevoked as error:
        raise StartupError(f"{error}: the bot stopped") from error
    finally:
        app.close()
    return 0
