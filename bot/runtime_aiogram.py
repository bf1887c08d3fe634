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
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessages,
    EditMessageReplyMarkup,
    GetMe,
    SendDocument,
    SendMessage,
    SendPhoto,
    SetMyCommands,
)
from aiogram.methods.base import Response
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)

from bot.conversation import Inbound
from bot.errors import StartupError
from bot.sending import Failure
from bot.updates import Reader
from dialogs.events import Button, SendFile
from privacy.keys import Keyring

# aiogram reads every reply into ``Response[<the method's result>]``; pydantic keeps such a
# parametrised model only while something refers to it, so under load it was built anew for
# nearly every call (about a tenth of the bot's CPU). Held here, each is built once.
_RESPONSES = tuple(
    Response[method.__returning__]
    for method in (
        SendMessage,
        AnswerCallbackQuery,
        EditMessageReplyMarkup,
        DeleteMessages,
        SendPhoto,
        SendDocument,
        GetMe,
        SetMyCommands,
    )
)


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

    async def show_commands(
        self, commands: tuple[tuple[str, str], ...], language: str | None = None
    ) -> None:
        await self._bot.set_my_commands(
            [BotCommand(command=c, description=d) for c, d in commands],
            scope=BotCommandScopeChat(chat_id=self._chat_id),
            language_code=language,
        )


class AiogramRuntime:
    name = "aiogram"

    def __init__(self, keyring: Keyring, token: str, api_base: str) -> None:
        self.keyring = keyring
        self.bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api_base)))
        self._reader = self._make_reader(keyring)

    def read(self, raw: dict) -> Inbound | None:
        return self._reader.read(Update.model_validate(raw, context={"bot": self.bot}))

    def channel(self, chat_id: int) -> ChatChannel:
        return ChatChannel(self.bot, chat_id)

    def _make_reader(self, keyring: Keyring) -> Reader:
        def answer(query_id: str):
            return lambda notice: self.bot.answer_callback_query(query_id, text=notice)

        return Reader(
            keyring,
            self.channel,
            answer,
            lambda message: [getattr(message.content_type, "value", message.content_type)],
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

    async def set_commands(
        self, commands: tuple[tuple[str, str], ...], language: str | None = None
    ) -> None:
        """The menu every chat shows (in ``language``; None: any other language)."""
        await self.bot.set_my_commands(
            [BotCommand(command=c, description=d) for c, d in commands], language_code=language
        )

    async def check(self) -> str:
        """Reach the Bot API once; return the bot's username or raise StartupError."""
        try:
            me = await self.bot.get_me()
        except TelegramUnauthorizedError as error:
            raise StartupError("the Bot API refused the token (unauthorized)") from error
        except (TimeoutError, TelegramNetworkError, OSError) as error:
            # the error's text can carry the request URL, and with it the token: its kind only
            raise StartupError(
                f"cannot reach the Telegram Bot API ({type(error).__name__})"
            ) from None
        return me.username or ""

    async def close(self) -> None:
        await self.bot.session.close()
