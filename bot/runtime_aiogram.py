"""The default runtime: aiogram 3, long polling. Thin: updates in, engine actions out."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.commands import menu
from bot.conversation import Conversation, message_event
from bot.errors import StartupError
from dialogs.events import Button, Event, SendFile
from privacy.keys import Keyring

log = logging.getLogger("rondetafel.aiogram")


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
    def __init__(self, conversation: Conversation, keyring: Keyring, token: str, api_base: str):
        self.conversation, self.keyring = conversation, keyring
        self.bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api_base)))
        self.dispatcher = Dispatcher()
        self.dispatcher.message.register(self.on_message)
        self.dispatcher.edited_message.register(self.on_edited)
        self.dispatcher.callback_query.register(self.on_button)

    def _event(self, user, kind: str, **fields) -> Event:
        return Event(
            self.keyring.user_key(user.id), kind, language_code=user.language_code, **fields
        )

    async def on_message(self, message: Message) -> None:
        if message.chat.type != "private" or message.from_user is None:
            return
        user = message.from_user
        event = message_event(
            self.keyring.user_key(user.id),
            user.language_code,
            message.message_id,
            message.text,
            [getattr(message.content_type, "value", message.content_type)],
        )
        channel = ChatChannel(self.bot, message.chat.id)
        await self.conversation.handle(event, channel)

    async def on_edited(self, message: Message) -> None:
        if message.chat.type != "private" or message.from_user is None or message.text is None:
            return
        event = self._event(
            message.from_user, "edit", text=message.text, ref=str(message.message_id)
        )
        await self.conversation.handle(event, ChatChannel(self.bot, message.chat.id))

    async def on_button(self, query: CallbackQuery) -> None:
        if query.message is None or query.data is None:
            await query.answer()
            return
        event = self._event(query.from_user, "button", text=query.data)
        outcome = await self.conversation.handle(
            event, ChatChannel(self.bot, query.message.chat.id), str(query.message.message_id)
        )
        await query.answer(outcome.notice or None)

    async def check(self) -> str:
        """Reach the Bot API once; return the bot's username or raise StartupError."""
        try:
            me = await self.bot.get_me()
        except TelegramUnauthorizedError as error:
            raise StartupError("the Bot API refused the token (unauthorized)") from error
        except (TimeoutError, TelegramNetworkError, OSError) as error:
            raise StartupError(f"cannot reach the Telegram Bot API ({error})") from error
        for lang, commands in menu(self.conversation.engine.texts).items():
            await self.bot.set_my_commands(
                [BotCommand(command=c, description=d) for c, d in commands],
                language_code=None if lang == "en" else lang,
            )
        return me.username or ""

    async def close(self) -> None:
        await self.bot.session.close()

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set (after ``check``); updates are handled in order."""
        polling = asyncio.create_task(
            self.dispatcher.start_polling(
                self.bot, handle_as_tasks=False, handle_signals=False, polling_timeout=20
            )
        )
        stopper = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({polling, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper in done:
            await self.dispatcher.stop_polling()
        else:
            stopper.cancel()
        await polling
