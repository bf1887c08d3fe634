"""A bare echo bot on either runtime, with concurrent handling: the ceiling that
``bench/load.py`` measures Rondetafel against (same stand-in, same delay)."""

from __future__ import annotations

import asyncio
import contextlib


class EchoBot:
    def __init__(self, runtime: str, token: str, base_url: str) -> None:
        self.runtime, self.token, self.base_url = runtime, token, base_url
        self._task: asyncio.Task | None = None
        self._stop = asyncio.Event()

    async def start(self) -> None:
        run = self._aiogram if self.runtime == "aiogram" else self._ptb
        self._task = asyncio.create_task(run())
        await asyncio.sleep(0.5)

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _aiogram(self) -> None:
        from aiogram import Bot, Dispatcher
        from aiogram.client.session.aiohttp import AiohttpSession
        from aiogram.client.telegram import TelegramAPIServer
        from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="Again", callback_data="again")]]
        )
        bot = Bot(
            self.token, session=AiohttpSession(api=TelegramAPIServer.from_base(self.base_url))
        )
        dispatcher = Dispatcher()

        @dispatcher.message()
        async def echo(message):
            await message.answer(f"echo: {message.text}", reply_markup=markup)

        @dispatcher.callback_query()
        async def again(query):
            await query.answer()
            await bot.send_message(query.message.chat.id, "again", reply_markup=markup)

        polling = asyncio.create_task(
            dispatcher.start_polling(bot, handle_as_tasks=True, handle_signals=False)
        )
        await self._stop.wait()
        await dispatcher.stop_polling()
        await polling
        await bot.session.close()

    async def _ptb(self) -> None:
        from telegram import InlineKeyboardButton, InlineKeyboardMarkup
        from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again")]])

        async def echo(update, context):
            await update.message.reply_text(f"echo: {update.message.text}", reply_markup=markup)

        async def again(update, context):
            await update.callback_query.answer()
            await context.bot.send_message(
                update.callback_query.message.chat.id, "again", reply_markup=markup
            )

        application = (
            Application.builder()
            .token(self.token)
            .base_url(f"{self.base_url}/bot")
            .base_file_url(f"{self.base_url}/file/bot")
            .concurrent_updates(True)
            .build()
        )
        application.add_handler(MessageHandler(filters.TEXT, echo))
        application.add_handler(CallbackQueryHandler(again))
        await application.initialize()
        await application.start()
        await application.updater.start_polling(timeout=20)
        await self._stop.wait()
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


async def _main(runtime: str, token: str, base_url: str) -> None:
    import signal

    echo = EchoBot(runtime, token, base_url)
    await echo.start()
    stopped = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopped.set)
    await stopped.wait()
    await echo.stop()


if __name__ == "__main__":
    import sys

    asyncio.run(_main(*sys.argv[1:4]))
