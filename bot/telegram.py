"""Facts of Telegram that the rest of the product does not need to know.

How long a bot may delete messages, how long one message may be, and what an invite link
looks like (a deep link that opens the bot with the invite token as ``/start`` payload).
"""

from __future__ import annotations

import re

from consultation.errors import Refused
from storage.store import Store

MESSAGE_LIMIT = 4096  # characters in one message
DELETE_WINDOW_DAYS = 2  # a bot may delete messages of the last 48 hours
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")  # Telegram's rule for usernames
START_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what a deep link may carry


class TelegramLinks:
    """Invite links as Telegram deep links: ``https://t.me/<bot>?start=<token>``.

    The bot's username is given, or the one the running bot stored when it started."""

    def __init__(self, store: Store | None = None, username: str | None = None) -> None:
        self._store, self._username = store, username

    def _name(self) -> str:
        stored = self._store.get_meta("bot_username") if self._store else None
        return (self._username or stored or "").strip().lstrip("@")

    def check(self) -> None:
        name = self._name()
        if not name:
            raise Refused("error.invite.no_bot_name")
        if not USERNAME.fullmatch(name):
            raise Refused("error.invite.bot_name", name=name)

    def link(self, token: str) -> str:
        assert START_PAYLOAD.fullmatch(token), "an invite token is URL-safe and short"
        return f"https://t.me/{self._name()}?start={token}"
