"""The shared conversation as the running bot uses it, with two additions the runtimes do
not hand over themselves yet:

- the chat's address in each event (``Event.address``), which the engine keeps (sealed) only
  for the one reminder a participant may get; it is read from the runtime's chat channel;
- follow-up work (``FollowUp``): a step of a long job (a large export) handled after the
  messages before it went out, so the person sees progress, with other chats' turns allowed
  in between.

Once the runtimes pass the address in the event and ``Conversation`` carries out follow-ups,
this class is no longer needed.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from bot.conversation import Channel, Conversation
from dialogs.events import Event, FollowUp, Outcome, Send

log = logging.getLogger("rondetafel.conversation")


class Dialogue(Conversation):
    async def handle(self, event: Event, channel: Channel, pressed: str | None = None) -> Outcome:
        address = getattr(channel, "_chat_id", None)  # both runtimes' chat channels have it
        if address is not None and event.address is None:
            event = replace(event, address=str(address))
        return await super().handle(event, channel, pressed)

    async def _carry_out(self, action, channel: Channel) -> list[str]:
        if not isinstance(action, FollowUp):
            return await super()._carry_out(action, channel)
        await asyncio.sleep(0)  # the messages so far are out; let other chats in
        try:
            outcome = self.engine.handle(action.event)
        except Exception as error:  # never the person's words in the log
            log.error(
                "follow-up %s failed: %s", action.event.text.split()[:1], type(error).__name__
            )
            lang = self._language(action.event)
            outcome = Outcome(
                actions=(Send(self.engine.texts.get(lang, "error.generic")),), state=""
            )
        refs: list[str] = []
        for step in outcome.actions:
            refs += await self._carry_out(step, channel)
        return refs
