"""A framework's parsed update read into an ``Inbound``, once for both runtimes.

aiogram and python-telegram-bot name the parts of an update alike (``message``,
``edited_message``, ``callback_query``, ``from_user``, ``chat``, ``message_id``, ``text``,
``data``); each runtime parses the raw update with its own framework and hands the result
here, with what differs: how to make a chat's channel, how to answer a button press, and
which kinds of content a message carries.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.conversation import Channel, Inbound, message_event
from dialogs.events import Event
from privacy.keys import Keyring


class Reader:
    def __init__(
        self,
        keyring: Keyring,
        channel: Callable[[int], Channel],
        answer: Callable[[str], Callable],
        kinds: Callable[[object], list[str]],
    ) -> None:
        """``channel(chat_id)``; ``answer(query_id)`` -> ``async f(notice)``; ``kinds(message)``:
        the framework's names of what a message carries."""
        self._keyring, self._channel, self._answer, self._kinds = keyring, channel, answer, kinds

    def read(self, update) -> Inbound | None:
        uid = update.update_id
        if (message := update.message) is not None:
            if message.from_user is None:
                return None
            user, chat = message.from_user, message.chat
            event = message_event(
                self._keyring.user_key(user.id),
                user.language_code,
                message.message_id,
                message.text,
                present=self._kinds(message),
                address=str(chat.id),
            )
            return self._inbound(uid, chat, event, user.language_code)
        if (message := update.edited_message) is not None:
            if message.from_user is None or message.text is None:
                return None
            user, chat = message.from_user, message.chat
            event = Event(
                self._keyring.user_key(user.id),
                "edit",
                text=message.text,
                ref=str(message.message_id),
                language_code=user.language_code,
                address=str(chat.id),
            )
            return self._inbound(uid, chat, event, user.language_code)
        if (query := update.callback_query) is not None:
            user, answer = query.from_user, self._answer(query.id)
            if query.message is None or query.data is None:
                return Inbound(uid, str(user.id), None, None, answer=answer)
            chat = query.message.chat
            event = Event(
                self._keyring.user_key(user.id),
                "button",
                text=query.data,
                language_code=user.language_code,
                address=str(chat.id),
            )
            inbound = self._inbound(uid, chat, event, user.language_code)
            return Inbound(
                uid,
                inbound.chat,
                event,
                inbound.channel,
                pressed=str(query.message.message_id),
                answer=answer,
                private=inbound.private,
                language_code=user.language_code,
            )
        return None

    def _inbound(self, uid: int, chat, event: Event, language_code: str | None) -> Inbound:
        return Inbound(
            uid,
            str(chat.id),
            event,
            self._channel(chat.id),
            private=chat.type == "private",
            language_code=language_code,
        )
