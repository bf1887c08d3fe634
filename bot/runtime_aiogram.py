"""The default runtime: aiogram 3. It reads each raw update into an ``Inbound``, sends
through aiogram's ``Bot``, and says what aiogram's exceptions mean; intake, order and retries
are the shared ``bot.intake``, ``bot.conversation`` and ``bot.sending``."""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)

from bot.commands import menu
from bot.conversation import Inbound, message_event
from bot.errors import StartupError
from bot.sending import Failure
from dialogs.events import Button, Event, SendFile
from locales.texts import Texts
from privacy.keys import Keyring


def _markup(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=b.label, callback_data=b.data) for b in row]
            for row in buttons
        ]
    )


class ChatChannel:
    def __init__(self, bot: Bot, chat_id: int) -> None:
        self._bot, self._chat_id = bot, chat_id

    async def send(self, text: str, buttons: tuple[tuple[Button, ...], ...]) -> str:
        message = await self._bot.send_message(self._chat_id, text, reply_markup=_markup(buttons))
        return str(message.message_id)

    async def send_file(self, file: SendFile) -> str:
        upload = BufferedInputFile(file.data, filename=file.name)
        caption = file.caption or None
        if file.photo:
            message = await self._bot.send_photo(self._chat_id, upload, caption=caption)
        else:
            message = await self._bot.send_document(self._chat_id, upload, caption=caption)
        return str(message.message_id)

    async def clear_buttons(self, ref: str) -> None:
        await self._bot.edit_message_reply_markup(
            chat_id=self._chat_id, message_id=int(ref), reply_markup=None
        )

    async def delete(self, refs: list[str]) -> None:
        await self._bot.delete_messages(self._chat_id, [int(ref) for ref in refs])


class AiogramRuntime:
    name = "aiogram"

    def __init__(self, keyring: Keyring, token: str, api_base: str) -> None:
        self.keyring = keyring
        self.bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api_base)))

    def read(self, raw: dict) -> Inbound | None:
        update = Update.model_validate(raw, context={"bot": self.bot})
        uid = update.update_id
        if (message := update.message) is not None:
            if message.from_user is None:
                return None
            user, chat = message.from_user, message.chat
            event = message_event(
                self.keyring.user_key(user.id),
                user.language_code,
                message.message_id,
                message.text,
                address=str(chat.id),
                present=[getattr(message.content_type, "value", message.content_type)],
            )
            return self._inbound(uid, chat.id, event, chat.type == "private", user.language_code)
        if (message := update.edited_message) is not None:
            if message.from_user is None or message.text is None:
                return None
            user = message.from_user
            event = Event(
                self.keyring.user_key(user.id),
                "edit",
                text=message.text,
                ref=str(message.message_id),
                language_code=user.language_code,
                address=str(message.chat.id),
            )
            private = message.chat.type == "private"
            return self._inbound(uid, message.chat.id, event, private, user.language_code)
        if (query := update.callback_query) is not None:
            user = query.from_user
            answer = lambda notice: self.bot.answer_callback_query(query.id, text=notice)  # noqa: E731
            if query.message is None or query.data is None:
                return Inbound(uid, str(user.id), None, None, answer=answer)
            chat = query.message.chat
            event = Event(
                self.keyring.user_key(user.id),
                "button",
                text=query.data,
                language_code=user.language_code,
                address=str(chat.id),
            )
            return Inbound(
                uid,
                str(chat.id),
                event,
                ChatChannel(self.bot, chat.id),
                pressed=str(query.message.message_id),
                answer=answer,
                private=chat.type == "private",
                language_code=user.language_code,
            )
        return None

    def channel(self, chat_id: int) -> ChatChannel:
        return ChatChannel(self.bot, chat_id)

    def _inbound(self, uid, chat_id, event, private, language_code) -> Inbound:
        return Inbound(
            uid,
            str(chat_id),
            event,
            ChatChannel(self.bot, chat_id),
            private=private,
            language_code=language_code,
        )

    @staticmethod
    def classify(error: BaseException) -> tuple[Failure, float | None]:
        if isinstance(error, TelegramRetryAfter):
            return Failure.FLOOD, float(error.retry_after)
        if isinstance(error, TelegramUnauthorizedError):
            return Failure.UNAUTHORIZED, None
        if isinstance(error, TelegramForbiddenError):
            return Failure.BLOCKED, None
        if isinstance(error, TelegramBadRequest | TelegramNotFound):
            text = str(error).lower()
            gone = "can't be edited" in text or "not found" in text or "not modified" in text
            return (Failure.GONE if gone else Failure.REFUSED), None
        if isinstance(error, TelegramServerError | TelegramNetworkError | TimeoutError | OSError):
            return Failure.TRANSIENT, None
        return Failure.REFUSED, None

    async def check(self, texts: Texts) -> str:
        """Reach the Bot API once; return the bot's username or raise StartupError."""
        try:
            me = await self.bot.get_me()
        except TelegramUnauthorizedError as error:
            raise StartupError("the Bot API refused the token (unauthorized)") from error
        except (TimeoutError, TelegramNetworkError, OSError) as error:
            raise StartupError(f"cannot reach the Telegram Bot API ({error})") from error
        for lang, commands in menu(texts).items():
            await self.bot.set_my_commands(
                [BotCommand(command=c, description=d) for c, d in commands],
                language_code=None if lang == "en" else lang,
            )
        return me.username or ""

    async def close(self) -> None:
        await self.bot.session.close()
