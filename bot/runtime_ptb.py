"""The second runtime: python-telegram-bot 22, long polling, the same engine and behaviour."""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
    User,
)
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot.commands import menu
from bot.conversation import CONTENT_KINDS, Conversation, message_event
from bot.errors import StartupError
from dialogs.events import Button, Event, SendFile
from privacy.keys import Keyring

log = logging.getLogger("rondetafel.ptb")


def _markup(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in buttons]
    )


class ChatChannel:
    def __init__(self, application: Application, chat_id: int) -> None:
        self._bot, self._chat_id = application.bot, chat_id

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


class PtbRuntime:
    def __init__(self, conversation: Conversation, keyring: Keyring, token: str, api_base: str):
        self.conversation, self.keyring = conversation, keyring
        self.application = (
            Application.builder()
            .token(token)
            .base_url(f"{api_base}/bot")
            .base_file_url(f"{api_base}/file/bot")
            .concurrent_updates(False)
            .build()
        )
        self.application.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE, self.on_message)
        )
        self.application.add_handler(
            MessageHandler(
                filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE, self.on_edited
            )
        )
        self.application.add_handler(CallbackQueryHandler(self.on_button))
        self._initialized = False

    def _event(self, user: User, kind: str, **fields) -> Event:
        key = self.keyring.user_key(user.id)
        return Event(key, kind, language_code=user.language_code, **fields)

    def _channel(self, chat_id: int) -> ChatChannel:
        return ChatChannel(self.application, chat_id)

    async def on_message(self, update: Update, context) -> None:
        message: Message = update.message
        if message.from_user is None:
            return
        user = message.from_user
        event = message_event(
            self.keyring.user_key(user.id),
            user.language_code,
            message.message_id,
            message.text,
            [kind for kind in CONTENT_KINDS if getattr(message, kind, None)],
        )
        await self.conversation.handle(event, self._channel(message.chat_id))

    async def on_edited(self, update: Update, context) -> None:
        message = update.edited_message
        if message.from_user is None or message.text is None:
            return
        event = self._event(
            message.from_user, "edit", text=message.text, ref=str(message.message_id)
        )
        await self.conversation.handle(event, self._channel(message.chat_id))

    async def on_button(self, update: Update, context) -> None:
        query = update.callback_query
        if query.message is None or query.data is None:
            await query.answer()
            return
        event = self._event(query.from_user, "button", text=query.data)
        channel = self._channel(query.message.chat.id)
        outcome = await self.conversation.handle(event, channel, str(query.message.message_id))
        await query.answer(outcome.notice or None)

    async def check(self) -> str:
        """Reach the Bot API once; return the bot's username or raise StartupError."""
        try:
            await self.application.initialize()
        except InvalidToken as error:
            raise StartupError("the Bot API refused the token (unauthorized)") from error
        except NetworkError as error:
            raise StartupError(f"cannot reach the Telegram Bot API ({error})") from error
        self._initialized = True
        bot = self.application.bot
        for lang, commands in menu(self.conversation.engine.texts).items():
            await bot.set_my_commands(
                [BotCommand(c, d) for c, d in commands],
                language_code=None if lang == "en" else lang,
            )
        return bot.username or ""

    async def close(self) -> None:
        if self._initialized:
            await self.application.shutdown()
            self._initialized = False

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until ``stop`` is set (after ``check``); updates are handled in order."""
        await self.application.start()
        await self.application.updater.start_polling(
            timeout=20, allowed_updates=["message", "edited_message", "callback_query"]
        )
        try:
            await stop.wait()
        finally:
            await self.application.updater.stop()
            await self.application.stop()
            await self.close()
