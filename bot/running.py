"""``rondetafel run``: the bot's lifetime, start to stop (also a restartable background bot)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal

from bot.app import App
from bot.dialogue import Dialogue
from bot.errors import StartupError
from bot.reminding import channel_maker, send_due
from bot.settings import Settings
from bot.telegram import DELETE_WINDOW_DAYS
from consultation.consultations import close_due
from consultation.erasure import purge

log = logging.getLogger("rondetafel.run")
PURGE_EVERY_SECONDS = 3600
REMIND_EVERY_SECONDS = 300


def make_runtime(app: App, runtime: str, token: str, api_base: str):
    conversation = Dialogue(app.engine)
    if runtime == "ptb":
        from bot.runtime_ptb import PtbRuntime

        return PtbRuntime(conversation, app.keyring, token, api_base)
    from bot.runtime_aiogram import AiogramRuntime

    return AiogramRuntime(conversation, app.keyring, token, api_base)


async def serve(app: App, runtime_name: str, token: str, api_base: str, stop: asyncio.Event):
    """Run one runtime until ``stop``; purge abandoned answers on the way."""
    runtime = make_runtime(app, runtime_name, token, api_base)
    try:
        username = await runtime.check()
    except StartupError:
        await runtime.close()
        raise
    with app.store.transaction():
        app.store.set_meta("bot_username", username)
    tasks = [
        asyncio.create_task(_purge_periodically(app)),
        asyncio.create_task(_remind_periodically(app, runtime)),
    ]
    try:
        await runtime.run(stop)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task


class BackgroundBot:
    """The bot as a background task that can be stopped and started again (a restart)."""

    def __init__(self, app: App, runtime: str, token: str, api_base: str) -> None:
        self.app, self.runtime, self.token, self.api_base = app, runtime, token, api_base
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(
            serve(self.app, self.runtime, self.token, self.api_base, self._stop)
        )

    async def stop(self) -> None:
        if self._task is not None:
            self._stop.set()
            await self._task
            self._task = None


async def _remind_periodically(app: App, runtime) -> None:
    """Close consultations past their closing day, then send the reminders that are due."""
    channel_for = channel_maker(runtime)
    while True:
        try:
            for consultation in close_due(app.core):
                log.info("closed %s: its closing day has passed", consultation.id)
            sent = await send_due(app.core, app.engine.texts, channel_for)
        except Exception as error:  # try again next round
            log.error("reminders failed: %s", type(error).__name__)
        else:
            if sent:
                log.info("sent %d reminders", sent)
        await asyncio.sleep(REMIND_EVERY_SECONDS)


async def _purge_periodically(app: App) -> None:
    while True:
        try:
            report = purge(app.core, submitted_session_days=DELETE_WINDOW_DAYS)
        except Exception as error:  # retention must go on: try again next round
            log.error("purge failed: %s", type(error).__name__)
        else:
            if report.participants or report.sessions:
                log.info(
                    "purged %d participants, %d sessions", report.participants, report.sessions
                )
        await asyncio.sleep(PURGE_EVERY_SECONDS)


def run(args: argparse.Namespace, settings: Settings) -> int:
    token = settings.require_token()
    app = App.open(settings)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(app, args.runtime, token, settings.api_base, stop)

    try:
        asyncio.run(main())
    finally:
        app.close()
    return 0
