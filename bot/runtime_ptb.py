"""The second runtime: python-telegram-bot 22, the same behaviour. It reads each raw update
into an ``Inbound``, sends through PTB's ``Bot``, and says what PTB's exceptions mean; intake,
order and retries are the shared ``bot.intake``, ``bot.conversation`` and ``bot.sending``."""

from __future__ import annotations

from datetime import timedelta

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.error import (
    BadRequest,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.request import HTTPXRequest

from bot.conversation import CONTENT_KINDS, Inbound
from bot.errors import StartupError
from bot.sending import Failure
from bot.updates import Reader
from dialogs.events import Button, SendFile
from privacy.keys import Keyring


def _markup(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in buttons]
    )


class ChatChannel:
    def __init__(self, bot: Bot, chat_id: int) -> None:
        self._bot, self._chat_id = bot, chat_id

    async def send(self, text: str, buttons: tuple[tuple[Button, ...], ...]) -> str:
        message = await self._bot.send_message(self._chat_id, text, reply_markup=_markup(buttons))
        return str(message.message_id)

    async def send_file(self, file: SendFile) -> str:
        upload = InputFile(file.data, filename=file.name)
        caption = file.caption or None
        if file.photo:
            message = await self._bot.send_photo(self._chat_id, upload, caption=caption)
        else:
            message = await self._bot.send_document(self._chat_id, upload, caption=caption)
        return str(message.message_id)

    async def clear_buttons(self, ref: str) -> None:
        await self._bot.edit_message_reply_markup(self._chat_id, int(ref), reply_markup=None)

    async def delete(self, refs: list[str]) -> None:
        await self._bot.delete_messages(self._chat_id, [int(ref) for ref in refs])

    async def show_commands(
        self, commands: tuple[tuple[str, str], ...], language: str | None = None
    ) -> None:
        await self._bot.set_my_commands(
            [BotCommand(c, d) for c, d in commands],
            scope=BotCommandScopeChat(self._chat_id),
            language_code=language,
        )


class PtbRuntime:
    name = "ptb"

    def __init__(self, keyring: Keyring, token: str, api_base: str) -> None:
        self.keyring = keyring
        self.bot = Bot(
            token,
            base_url=f"{api_base}/bot",
            base_file_url=f"{api_base}/file/bot",
            request=HTTPXRequest(connection_pool_size=64),
        )
        self._initialized = False
        self._reader = self._make_reader(keyring)

    def read(self, raw: dict) -> Inbound | None:
        return self._reader.read(Update.de_json(raw, self.bot))

    def channel(self, chat_id: int) -> ChatChannel:
        return ChatChannel(self.bot, chat_id)

    def _make_reader(self, keyring: Keyring) -> Reader:
        def answer(query_id: str):
            return lambda notice: self.bot.answer_callback_query(query_id, text=notice)

        return Reader(
            keyring,
            self.channel,
            answer,
            lambda message: [kind for kind in CONTENT_KINDS if getattr(message, kind, None)],
        )

    @staticmethod
    def classify(error: BaseException) -> tuple[Failure, float | None]:
        if isinstance(error, RetryAfter):
            wait = error.retry_after
            return Failure.FLOOD, wait.total_seconds() if isinstance(wait, timedelta) else float(
                wait
            )
        if isinstance(error, InvalidToken):
            return Failure.UNAUTHORIZED, None
        if isinstance(error, Forbidden):
            return Failure.BLOCKED, None
        if isinstance(error, BadRequest | EndPointNotFound):  # BadRequest is a NetworkError
            text = str(error).lower()
            gone = "can't be edited" in text or "not found" in text or "not modified" in text
            return (Failure.GONE if gone else Failure.REFUSED), None
        if isinstance(error, NetworkError | TimeoutError | OSError):
            return Failure.TRANSIENT, None
        return Failure.REFUSED, None

    async def set_commands(
        self, commands: tuple[tuple[str, str], ...], language: str | None = None
    ) -> None:
        """The menu every chat shows (in ``language``; None: any other language)."""
        await self.bot.set_my_commands(
            [BotCommand(c, d) for c, d in commands], language_code=language
        )

    async def check(self) -> str:
        """Reach the Bot API once; return the bot's username or raise StartupError."""
        try:
            await self.bot.initialize()
        except InvalidToken as error:
            raise StartupError("the Bot API refused the token (unauthorized)") from error
        except NetworkError as error:
            # the error's text can carry the request URL, and with it the token: its kind only
            raise StartupError(
                f"cannot reach the Telegram Bot API ({type(error).__name__})"
            ) from None
        self._initialized = True
        return self.bot.username or ""

    async def close(self) -> None:
        if self._initialized:
            await self.bot.shutdown()
            self._initialized = False
