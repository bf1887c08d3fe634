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
    """Set the menus. A menu is a convenience: a call that fails (an administrator who never
    opened the chat, a flood wait, a network hiccup) is counted and logged, and the next start
    of the bot tries again; only a revoked token stops the bot."""
    missed = 0
    for lang in texts.languages:
        code = None if lang == "en" else lang
        # (who, the menu): everyone's default, then each administrator's own chat
        menus = [(None, commands(texts, lang))]
        menus += [(admin, commands(texts, lang, True)) for admin in sorted(admins)]
        for admin, menu in menus:
            try:
                if admin is None:
                    await runtime.set_commands(menu, code)
                else:
                    await runtime.channel(admin).show_commands(menu, code)
            except Exception as error:  # noqa: BLE001 - sorted by the runtime's classify
                failure, _ = runtime.classify(error)
                if failure is Failure.UNAUTHORIZED:
                    raise
                missed += 1
    if missed:
        log.warning("%d command menu(s) could not be set; the next start tries again", missed)
