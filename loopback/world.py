"""Everything the stand-in Telegram knows: the bot, the chats, files, updates, settings.

The bot side reaches it through the Bot API methods; simulated users (phones) reach it
through ``user_message``, ``user_edit`` and ``user_press``, which also push the updates.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from loopback.chats import (
    CallbackQuery,
    Chat,
    ChatMessage,
    FileStore,
    JSONDict,
    Person,
    now,
)
from loopback.errors import ApiError
from loopback.formatting import utf16_len
from loopback.updates import UpdateQueue
from loopback.webhooks import WebhookDelivery

_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@/])")


def command_entities(text: str) -> list[JSONDict]:
    """The ``bot_command`` entities Telegram marks in a user's text."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: m.start()]),
            "length": utf16_len(m.group()),
        }
        for m in _COMMAND.finditer(text)
    ]


class World:
    def __init__(self, token: str, bot_name: str, bot_username: str) -> None:
        self.token = token
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.bot_user: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self.chats: dict[int, Chat] = {}
        self.files = FileStore()
        self.updates = UpdateQueue()
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.menu_buttons: dict[int | None, JSONDict] = {}
        self.profile: dict[tuple[str, str], str] = {}
        self.webhook_url = ""
        self.webhook = WebhookDelivery(self.updates)
        self.updates.on_push = self.webhook.nudge
        self._query_ids = itertools.count(4_000_000_000_000_000_001)

    # -- the bot's side ------------------------------------------------------------------

    def chat(self, chat_id: Any) -> Chat:
        """The chat ``chat_id`` names; 400 "chat not found" when there is none."""
        if chat_id is None or chat_id == "":
            raise ApiError.bad_request("chat_id is empty")
        if isinstance(chat_id, str):
            for chat in self.chats.values():
                if chat.person.username and f"@{chat.person.username}" == chat_id:
                    return chat
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise ApiError.bad_request("chat not found")
        return chat

    def chat_to_write(self, chat_id: Any) -> Chat:
        """The chat the bot wants to post in, refused as Telegram refuses it."""
        chat = self.chat(chat_id)
        if chat.blocked:
            raise ApiError.forbidden("bot was blocked by the user")
        if not chat.started:
            raise ApiError.forbidden("bot can't initiate conversation with a user")
        return chat

    def message_to(self, chat: Chat, message_id: Any, action: str) -> ChatMessage:
        """The message the bot wants to ``edit`` or ``delete``."""
        if message_id is None:
            raise ApiError.bad_request("message identifier is not specified")
        message = chat.get(message_id)
        if message is None:
            raise ApiError.bad_request(f"message to {action} not found")
        if action == "edit" and not message.from_bot:
            raise ApiError.bad_request("message can't be edited")
        return message

    # -- the users' side -----------------------------------------------------------------

    def person_chat(self, person: Person) -> Chat:
        chat = self.chats.get(person.id)
        if chat is None:
            chat = self.chats[person.id] = Chat(person, self.bot_user)
        return chat

    def user_message(self, chat: Chat, **fields: Any) -> ChatMessage:
        """A message the user sends; pushes a ``message`` update."""
        if fields.get("text") is not None and "entities" not in fields:
            fields["entities"] = command_entities(fields["text"])
        chat.started = True
        chat.blocked = False
        message = chat.add(from_bot=False, **fields)
        self.updates.push("message", chat.message_api(message), chat.id)
        return message

    def user_edit(self, chat: Chat, message_id: int, text: str) -> ChatMessage:
        """The user edits their own message; pushes an ``edited_message`` update."""
        message = chat.get(message_id)
        if message is None or message.from_bot or message.text is None:
            raise AssertionError(f"chat {chat.id} has no text message {message_id} of the user")
        message.text = text
        message.entities = command_entities(text)
        message.edit_date = max(now(), message.date + 1)
        self.updates.push("edited_message", chat.message_api(message), chat.id)
        return message

    def user_press(self, chat: Chat, label_or_data: str) -> CallbackQuery:
        """The user taps an inline button; pushes a ``callback_query`` update."""
        for message in reversed(chat.visible()):
            if not message.from_bot:
                continue
            button = message.find_button(label_or_data)
            if button is None:
                continue
            if "callback_data" not in button:
                raise AssertionError(f"button {button.get('text')!r} sends no callback data")
            query = CallbackQuery(
                id=str(next(self._query_ids)),
                chat_id=chat.id,
                message_id=message.message_id,
                data=button["callback_data"],
            )
            self.callback_queries[query.id] = query
            payload = {
                "id": query.id,
                "from": chat.person.to_api(),
                "message": chat.message_api(message),
                "chat_instance": f"-{chat.id * 7919 % 10**18}",
                "data": query.data,
            }
            self.updates.push("callback_query", payload, chat.id)
            return query
        raise AssertionError(
            f"no bot message in chat {chat.id} has a button {label_or_data!r}; "
            f"buttons shown: {self._buttons_shown(chat)}"
        )

    @staticmethod
    def _buttons_shown(chat: Chat) -> str:
        shown = [
            f"message {m.message_id}: "
            + ", ".join(
                f"{b.get('text')!r} ({b.get('callback_data', b.get('url'))})"
                for row in m.keyboard
                for b in row
            )
            for m in chat.visible()
            if m.from_bot and m.keyboard
        ]
        return "; ".join(shown) if shown else "none"
