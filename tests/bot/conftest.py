"""End-to-end fixtures: the real runtime against the loopback Bot API stand-in."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.app import App
from bot.running import BackgroundBot
from bot.settings import Settings
from consultation import consultations
from loopback import LoopbackServer

TOKEN = "123456789:E2E-token-for-the-loopback"
RUNTIMES = ["aiogram", "ptb"]


@dataclass
class Setup:
    server: LoopbackServer
    app: App
    bot: BackgroundBot
    consultation_id: str
    runtime: str

    def invite(self, role: str = "stakeholder", **kw) -> str:
        return self.app.store.invites.create(self.consultation_id, role, **kw)

    async def restart(self) -> None:
        """Stop the bot process and start a new one on the same database."""
        await self.bot.stop()
        settings = self.app.settings
        deidentifier = self.app.core.deidentifier
        self.app.close()
        self.app = App.open(settings, deidentifier)
        self.bot = BackgroundBot(self.app, self.runtime, TOKEN, self.server.base_url)
        await self.bot.start()


@pytest.fixture(scope="session")
def deidentifier():
    from privacy.pipeline import get_deidentifier

    return get_deidentifier()


@pytest.fixture(params=RUNTIMES)
async def setup(request, tmp_path, deidentifier):
    async with LoopbackServer(token=TOKEN) as server:
        settings = Settings(TOKEN, server.base_url, tmp_path / "bot.db", frozenset(), None, 30)
        app = App.open(settings, deidentifier)
        consultation = consultations.create(app.core, "Consultatie mensenhandel", "2026-12-01")
        bot = BackgroundBot(app, request.param, TOKEN, server.base_url)
        await bot.start()
        world = Setup(server, app, bot, consultation.id, request.param)
        try:
            yield world
        finally:
            await world.bot.stop()
            world.app.close()
