"""The command menus set at start-up: a menu that cannot be set never stops the bot."""

from __future__ import annotations

import logging

import pytest

from bot.commands import publish
from bot.sending import Failure
from locales.texts import Texts


class ChatNotFound(Exception):
    pass


class Revoked(Exception):
    pass


class FakeRuntime:
    """Records the menus; the chat of administrator 2 was never opened (Telegram: 400)."""

    def __init__(self, revoked: bool = False) -> None:
        self.default: dict[str | None, list[str]] = {}
        self.chats: dict[tuple[int, str | None], list[str]] = {}
        self.revoked = revoked

    async def set_commands(self, commands, language=None):
        if self.revoked:
            raise Revoked()
        self.default[language] = [name for name, _ in commands]

    def channel(self, chat_id):
        runtime = self

        class Channel:
            async def show_commands(self, commands, language=None):
                if chat_id == 2:
                    raise ChatNotFound()
                runtime.chats[(chat_id, language)] = [name for name, _ in commands]

        return Channel()

    @staticmethod
    def classify(error):
        return (Failure.UNAUTHORIZED if isinstance(error, Revoked) else Failure.REFUSED), None


async def test_an_administrator_who_never_opened_the_chat_stops_nothing(caplog):
    runtime = FakeRuntime()
    with caplog.at_level(logging.WARNING):
        await publish(runtime, Texts(), frozenset({1, 2}))
    assert "status" not in runtime.default[None] and "forget" in runtime.default["nl"]
    assert runtime.chats[(1, "nl")][:3] == ["new", "consultations", "status"]
    assert not any(chat == 2 for chat, _ in runtime.chats)
    assert "could not be set" in caplog.text


async def test_a_revoked_token_still_stops_the_bot():
    with pytest.raises(Revoked):
        await publish(FakeRuntime(revoked=True), Texts(), frozenset({1}))
