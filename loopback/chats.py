"""Chats as the stand-in keeps them: people, messages, stored files, and their API form."""

from __future__ import annotations

import itertools
import mimetypes
import time
from dataclasses import dataclass, field
from typing import Any

JSONDict = dict[str, Any]


def now() -> int:
    return int(time.time())


@dataclass
class Person:
    """A simulated Telegram account; its private chat with the bot has the same id."""

    id: int
    first_name: str = "Ada"
    language_code: str | None = "nl"
    username: str | None = None
    last_name: str | None = None

    def to_api(self) -> JSONDict:
        user: JSONDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for name in ("last_name", "username", "language_code"):
            if getattr(self, name):
                user[name] = getattr(self, name)
        return user

    def chat_api(self) -> JSONDict:
        chat: JSONDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        for name in ("last_name", "username"):
            if getattr(self, name):
                chat[name] = getattr(self, name)
        return chat


@dataclass
class StoredFile:
    """Bytes uploaded by the bot or by a simulated user, downloadable through ``getFile``."""

    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str
    mime_type: str
    data: bytes = field(repr=False)

    def to_api(self) -> JSONDict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def document_api(self) -> JSONDict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.data),
        }

    def photo_sizes(self) -> list[JSONDict]:
        """The picture as Telegram lists it: a thumbnail and the full size (the same bytes
        here), with the size read from a PNG header when there is one."""
        width, height = png_size(self.data) or (800, 800)
        sizes = []
        for scale in (320 / max(width, height, 320), 1.0):
            sizes.append(
                {
                    "file_id": self.file_id,
                    "file_unique_id": self.file_unique_id,
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                    "file_size": len(self.data),
                }
            )
        return sizes


def png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


class FileStore:
    """All files known to the stand-in, by file id and by download path."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._numbers = itertools.count(1)

    def add(
        self, data: bytes, file_name: str, mime_type: str | None = None, folder: str = "documents"
    ) -> StoredFile:
        number = next(self._numbers)
        suffix = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
        mime = mime_type if mime_type and mime_type != "application/octet-stream" else None
        mime = mime or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        stored = StoredFile(
            file_id=f"BQACAgQAAxkBAAI{number:08d}",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"{folder}/file_{number}.{suffix}",
            file_name=file_name,
            mime_type=mime,
            data=bytes(data),
        )
        self._by_id[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def by_id(self, file_id: str) -> StoredFile | None:
        return self._by_id.get(file_id)

    def by_path(self, path: str) -> StoredFile | None:
        return self._by_path.get(path)


@dataclass
class ChatMessage:
    """One message of a private chat, from the user or from the bot."""

    message_id: int
    from_bot: bool
    date: int
    text: str | None = None
    entities: list[JSONDict] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[JSONDict] = field(default_factory=list)
    reply_markup: JSONDict | None = None
    document: StoredFile | None = None
    photo: StoredFile | None = None  # a picture the bot sent with sendPhoto
    media: JSONDict = field(default_factory=dict)
    edit_date: int | None = None
    deleted: bool = False

    @property
    def kind(self) -> str:
        if self.document is not None:
            return "document"
        if self.photo is not None:
            return "photo"
        if self.media:
            return next(iter(self.media))
        return "text"

    @property
    def edited(self) -> bool:
        return self.edit_date is not None

    @property
    def keyboard(self) -> list[list[JSONDict]]:
        """Rows of inline buttons (empty when the message has no inline keyboard)."""
        if not self.reply_markup:
            return []
        return self.reply_markup.get("inline_keyboard", [])

    @property
    def buttons(self) -> list[str]:
        """The labels of the inline buttons, row by row."""
        return [button.get("text", "") for row in self.keyboard for button in row]

    def find_button(self, label_or_data: str) -> JSONDict | None:
        for row in self.keyboard:
            for button in row:
                if label_or_data in (button.get("text"), button.get("callback_data")):
                    return button
        return None


@dataclass
class CallbackAnswer:
    """What the bot answered to one button press (``answerCallbackQuery``)."""

    data: str | None
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


@dataclass
class CallbackQuery:
    """A button press pushed to the bot, waiting for its ``answerCallbackQuery``."""

    id: str
    chat_id: int
    message_id: int
    data: str | None
    answer: CallbackAnswer | None = None


class Chat:
    """The private chat of one person with the bot, and everything said in it."""

    def __init__(self, person: Person, bot_user: JSONDict) -> None:
        self.person = person
        self.bot_user = bot_user
        self.messages: dict[int, ChatMessage] = {}
        self.started = False
        self.blocked = False
        self.chat_actions: list[str] = []
        self.callback_answers: list[CallbackAnswer] = []
        self._ids = itertools.count(1)

    @property
    def id(self) -> int:
        return self.person.id

    def add(self, *, from_bot: bool, **fields: Any) -> ChatMessage:
        message = ChatMessage(message_id=next(self._ids), from_bot=from_bot, date=now(), **fields)
        self.messages[message.message_id] = message
        return message

    def get(self, message_id: int) -> ChatMessage | None:
        message = self.messages.get(message_id)
        return None if message is None or message.deleted else message

    def visible(self) -> list[ChatMessage]:
        return [message for message in self.messages.values() if not message.deleted]

    def message_api(self, message: ChatMessage) -> JSONDict:
        """``message`` as a Bot API Message object."""
        api: JSONDict = {
            "message_id": message.message_id,
            "from": self.bot_user if message.from_bot else self.person.to_api(),
            "chat": self.person.chat_api(),
            "date": message.date,
        }
        if message.edit_date is not None:
            api["edit_date"] = message.edit_date
        if message.text is not None:
            api["text"] = message.text
            if message.entities:
                api["entities"] = message.entities
        if message.document is not None:
            api["document"] = message.document.document_api()
        if message.photo is not None:
            api["photo"] = message.photo.photo_sizes()
        api.update(message.media)
        if message.caption is not None:
            api["caption"] = message.caption
            if message.caption_entities:
                api["caption_entities"] = message.caption_entities
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            api["reply_markup"] = message.reply_markup
        return api
