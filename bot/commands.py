"""The bot's command menu, in every interface language: everyone's by default, and the
facilitator's in the private chats of the administrators (``RONDETAFEL_ADMINS``).
Facilitators added later get theirs when they accept their link (``ShowCommands``)."""

from __future__ import annotations

import logging

from bot.sending import Failure
from dialogs.menu import commands
from locales.texts import Texts

log = logging.getLogger(__name__)


async def publish(runtime, texts: Texts, admins: frozenset[int]) -> None:
    """Set the menus; an administrator who never opened the chat cannot get one yet (the
    next start of the bot tries again), and that stops nothing."""
    missed = 0
    for lang in texts.languages:
        code = None if lang == "en" else lang
        await runtime.set_commands(commands(texts, lang), code)
        for admin in sorted(admins):
            try:
                await runtime.channel(admin).show_commands(commands(texts, lang, True), code)
            except Exception as error:  # noqa: BLE001 - sorted by the runtime's classify
                failure, _ = runtime.classify(error)
                if failure is Failure.UNAUTHORIZED:
                    raise
                missed += 1
    if missed:
        log.warning("the facilitator menu could not be set for %d administrator chat(s)", missed)
