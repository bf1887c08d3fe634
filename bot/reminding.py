"""Sending the reminders that are due, from the running bot (the schedule is the database:
what is due survives a restart, and what was sent is never sent again)."""

from __future__ import annotations

import logging

from bot.conversation import Conversation
from consultation import reminders
from consultation.core import Core
from locales.texts import Texts

log = logging.getLogger("rondetafel.reminders")


async def send_due(core: Core, texts: Texts, runtime, conversation: Conversation) -> int:
    """Send every reminder that is due; return how many went out. Each is marked sent before
    it goes (one chance only, never twice), under the same write lock as every turn."""
    due = await conversation.locked(lambda: reminders.take_due(core))
    sent = 0
    for reminder in due:
        consultation = core.store.consultations.get(reminder.consultation_id)
        text = texts.get(reminder.lang, "reminder.paused", title=consultation.title)
        channel = runtime.channel(int(reminder.address))
        call = conversation.sender.call
        ref = await call(reminder.address, channel.send, text, (), message=True)
        if ref is None:
            log.info("a reminder could not be sent (blocked or gone): not tried again")
            continue
        # like every message of the chat: removed with it when the person wipes or forgets
        await conversation.locked(
            lambda r=reminder, m=ref: core.store.sessions.remember_messages(r.user_key, [m])
        )
        sent += 1
    return sent
