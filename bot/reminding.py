"""Sending the reminders that are due, from the running bot (the schedule is the database:
what is due survives a restart, and what was sent is never sent again)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.conversation import Channel
from consultation import reminders
from consultation.core import Core
from locales.texts import Texts

log = logging.getLogger("rondetafel.reminders")

ChannelFor = Callable[[str], Channel]


async def send_due(core: Core, texts: Texts, channel_for: ChannelFor) -> int:
    """Send every reminder that is due; return how many went out."""
    sent = 0
    for reminder in reminders.take_due(core):
        consultation = core.store.consultations.get(reminder.consultation_id)
        text = texts.get(reminder.lang, "reminder.paused", title=consultation.title)
        try:
            await channel_for(reminder.address).send(text, ())
        except Exception as error:  # blocked, gone: it was the one chance, not retried
            log.warning("a reminder could not be sent: %s", type(error).__name__)
            continue
        sent += 1
    return sent


def channel_maker(runtime) -> ChannelFor:
    """How to reach a chat by its address through the running runtime."""
    if hasattr(runtime, "application"):
        from bot.runtime_ptb import ChatChannel as PtbChannel

        return lambda address: PtbChannel(runtime.application, int(address))
    from bot.runtime_aiogram import ChatChannel as AiogramChannel

    return lambda address: AiogramChannel(runtime.bot, int(address))
