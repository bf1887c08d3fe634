"""Webhook mode through both runtimes: Telegram posts updates, the secret header is checked,
a conversation runs exactly as with long polling."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest

from bot.app import App
from bot.running import BackgroundBot
from bot.settings import Settings
from bot.webhook import Webhook
from consultation import consultations
from loopback import LoopbackServer

TOKEN = "123456789:E2E-token-for-the-webhook"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("runtime", ["aiogram", "ptb"])
async def test_a_conversation_over_a_webhook(tmp_path, deidentifier, runtime):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with LoopbackServer(token=TOKEN) as server:
        settings = Settings(TOKEN, server.base_url, tmp_path / "hook.db", frozenset(), None, 30)
        app = App.open(settings, deidentifier, busy_seconds=0)
        consultation = consultations.create(app.core, "Ronde", "2026-12-01")
        # written before the bot runs: the bot's connection waits for no lock (busy timeout
        # 0, as in production), and its housekeeping may hold one for a moment
        token = app.store.invites.create(consultation.id, "expert")
        secret = app.keyring.derive("webhook")[:48]
        webhook = Webhook(url, f"127.0.0.1:{port}", secret, TOKEN)
        bot = BackgroundBot(app, runtime, TOKEN, server.base_url, webhook)
        await bot.start()
        try:
            phone = server.user(901, language_code="en")
            for _ in range(200):
                if server.world.webhook_url:
                    break
                await asyncio.sleep(0.05)
            assert server.world.webhook_url == url
            await phone.send(f"/start {token}")
            await phone.press("✓ English")
            await phone.press("I agree")
            assert "Question 1 of 5" in phone.last_bot_text()
            await phone.send("Over the webhook.")
            await phone.press("Done ✓")
            assert "“Over the webhook.”" in phone.bot_texts()[-2]
            assert all(status == 200 for _, status in server.world.webhook.posts)
            async with aiohttp.ClientSession() as session:
                forged = {"update_id": 1, "message": {"text": "/start x"}}
                async with session.post(url, json=forged) as reply:
                    assert reply.status == 403  # no secret header: nothing else happens
                headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
                async with session.post(url, json=forged, headers=headers) as reply:
                    assert reply.status == 403
        finally:
            await bot.stop()
            app.close()
