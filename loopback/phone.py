"""A simulated Telegram user: sends, edits and taps in their private chat with the bot.

Every action pushes an update and, unless ``wait=False``, waits for the bot to settle
(``LoopbackServer.settle``), so a test reads the bot's answer on the next line.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

from loopback.chats import (
    CallbackAnswer,
    CallbackQuery,
    Chat,
    ChatMessage,
    JSONDict,
    Person,
    StoredFile,
)

if TYPE_CHECKING:
    from loopback.server import LoopbackServer

_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
_WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
_OGG = b"OggS" + b"\x00" * 60
_LATE_REPLY = 3.0  # seconds a person waits for a button that is not there yet


class Phone:
    def __init__(self, server: LoopbackServer, chat: Chat) -> None:
        self.server = server
        self.chat = chat

    @property
    def person(self) -> Person:
        return self.chat.person

    @property
    def user_id(self) -> int:
        return self.chat.id

    # -- acting --------------------------------------------------------------------------

    async def send(self, text: str, *, wait: bool = True) -> int:
        """Type and send ``text``; commands (``/start tok``) get a bot_command entity."""
        self._acted_at = len(self.bot_messages())
        return await self._post(wait, text=text)

    async def edit(self, message_id: int, text: str, *, wait: bool = True) -> None:
        """Edit one of the user's own messages (the bot gets an ``edited_message``)."""
        self.server.world.user_edit(self.chat, message_id, text)
        await self._settle(wait)

    async def press(
        self, label_or_data: str, *, wait: bool = True, fresh: float = 0.0
    ) -> CallbackQuery:
        """Tap the button with this text or callback data on the newest bot message that has
        one; the returned query's ``answer`` is the bot's ``answerCallbackQuery``.

        ``fresh``: first wait up to that many seconds for the button to appear on a bot
        message that came after this phone's last action, as a person waits for the answer
        they expect (for a busy bot whose replies the stand-in cannot see the end of)."""
        if fresh:
            await self._await_button(label_or_data, fresh)
        elif not any(m.find_button(label_or_data) for m in self.bot_messages()):
            # a reply still on its way (a loaded machine can pause a bot between two
            # messages longer than the stand-in's quiet time): wait for it as a person would
            await self._await_button(label_or_data, _LATE_REPLY, since=0)
        self._acted_at = len(self.bot_messages())
        query = self.server.world.user_press(self.chat, label_or_data)
        await self._settle(wait)
        return query

    async def _await_button(
        self, label_or_data: str, timeout: float, since: int | None = None
    ) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        first = getattr(self, "_acted_at", 0) if since is None else since
        while loop.time() < deadline:
            for message in self.bot_messages()[first:]:
                if message.find_button(label_or_data) is not None:
                    return
            await asyncio.sleep(0.02)

    async def send_sticker(self, emoji: str = "👍", *, wait: bool = True) -> int:
        stored = self._file(_WEBP, "sticker.webp", "image/webp", "stickers")
        sticker = {
            **self._ids(stored),
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(_WEBP),
        }
        return await self._post(wait, media={"sticker": sticker})

    async def send_photo(self, caption: str | None = None, *, wait: bool = True) -> int:
        sizes = []
        for width in (90, 1280):
            stored = self._file(_PNG, "photo.jpg", "image/jpeg", "photos")
            sizes.append(
                {
                    **self._ids(stored),
                    "width": width,
                    "height": width * 3 // 4,
                    "file_size": len(_PNG),
                }
            )
        return await self._post(wait, media={"photo": sizes}, caption=caption)

    async def send_voice(self, duration: int = 3, *, wait: bool = True) -> int:
        stored = self._file(_OGG, "voice.ogg", "audio/ogg", "voice")
        voice = {
            **self._ids(stored),
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(_OGG),
        }
        return await self._post(wait, media={"voice": voice})

    async def send_document(
        self,
        name: str = "notes.txt",
        data: bytes = b"notes\n",
        caption: str | None = None,
        *,
        wait: bool = True,
    ) -> int:
        stored = self.server.world.files.add(data, name)
        return await self._post(wait, document=stored, caption=caption)

    async def send_location(
        self, latitude: float = 52.0907, longitude: float = 5.1214, *, wait: bool = True
    ) -> int:
        location = {"latitude": latitude, "longitude": longitude}
        return await self._post(wait, media={"location": location})

    async def send_contact(
        self, phone_number: str = "+31612345678", first_name: str = "Bea", *, wait: bool = True
    ) -> int:
        contact = {"phone_number": phone_number, "first_name": first_name}
        return await self._post(wait, media={"contact": contact})

    def block(self) -> None:
        """Block the bot: its messages fail with 403 until the user writes again."""
        self.chat.blocked = True

    # -- reading the chat ----------------------------------------------------------------

    @property
    def messages(self) -> list[ChatMessage]:
        """The chat as the user sees it: every message not deleted, oldest first."""
        return self.chat.visible()

    def bot_messages(self) -> list[ChatMessage]:
        return [message for message in self.messages if message.from_bot]

    def bot_texts(self) -> list[str]:
        """Text (or caption) of each visible bot message."""
        return [m.text if m.text is not None else m.caption or "" for m in self.bot_messages()]

    def last_bot_message(self) -> ChatMessage | None:
        messages = self.bot_messages()
        return messages[-1] if messages else None

    def last_bot_text(self) -> str | None:
        texts = self.bot_texts()
        return texts[-1] if texts else None

    def bot_files(self, kind: str = "document") -> list[StoredFile]:
        """The files the bot sent that are still visible: ``document`` or ``photo``."""
        found = (getattr(m, kind, None) for m in self.bot_messages())
        return [stored for stored in found if stored is not None]

    def buttons(self) -> list[str]:
        """Labels of the inline buttons on the newest bot message that has any."""
        for message in reversed(self.bot_messages()):
            if message.keyboard:
                return message.buttons
        return []

    def menu(self) -> list[str]:
        """The commands the chat's menu shows this user, as Telegram picks them: the narrowest
        scope set (this chat, all private chats, default), in the user's language first."""
        commands = self.server.world.commands
        lang = (self.person.language_code or "").split("-")[0]
        scopes = ({"type": "chat", "chat_id": self.user_id}, {"type": "all_private_chats"})
        for scope in (*scopes, {"type": "default"}):
            for code in (lang, ""):
                for (key, language), listed in commands.items():
                    wanted = {k: str(v) for k, v in scope.items()}
                    if (
                        language == code
                        and {k: str(v) for k, v in json.loads(key).items()} == wanted
                    ):
                        return [c["command"] for c in listed]
        return []

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        return self.chat.callback_answers

    # -- plumbing ------------------------------------------------------------------------

    def _file(self, data: bytes, name: str, mime: str, folder: str) -> StoredFile:
        return self.server.world.files.add(data, name, mime, folder)

    @staticmethod
    def _ids(stored: StoredFile) -> JSONDict:
        return {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}

    async def _post(self, wait: bool, **fields: Any) -> int:
        message = self.server.world.user_message(self.chat, **fields)
        await self._settle(wait)
        return message.message_id

    async def _settle(self, wait: bool) -> None:
        if wait:
            chat_id = self.user_id if self.server.per_chat_settle else None
            await self.server.settle(chat_id=chat_id)
