"""The loopback Bot API stand-in, driven by the real aiogram 3 and python-telegram-bot clients."""

from __future__ import annotations

import asyncio
import contextlib
import io

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F
from aiogram import types as ag
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramUnauthorizedError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram import error as ptb_error
from telegram.ext import Application, ExtBot, TypeHandler

from loopback import LoopbackServer

TOKEN = "123456789:AAloopback-test-token"
USER = 4242


class QuickSession(AiohttpSession):
    """aiogram's session without the 250 ms pause its close() keeps for TLS sockets."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


class Client:
    """The same few calls through either library (their method names coincide here)."""

    bot: Bot | ExtBot

    async def send(
        self, text: str, buttons: dict[str, str] | None = None, parse_mode: str | None = None
    ) -> tuple[int, str]:
        markup = self.keyboard(buttons) if buttons else None
        message = await self.bot.send_message(
            USER, text, reply_markup=markup, parse_mode=parse_mode
        )
        return message.message_id, message.text

    async def username(self) -> str:
        return (await self.bot.get_me()).username

    async def edit(self, message_id: int, text: str) -> str:
        return (await self.bot.edit_message_text(text, chat_id=USER, message_id=message_id)).text

    async def delete(self, message_id: int) -> bool:
        return await self.bot.delete_message(USER, message_id)

    async def delete_many(self, message_ids: list[int]) -> bool:
        return await self.bot.delete_messages(USER, message_ids)


class AiogramClient(Client):
    bad_request = TelegramBadRequest
    unauthorized = TelegramUnauthorizedError

    def __init__(self, base_url: str, token: str) -> None:
        self.bot = Bot(token, session=QuickSession(api=TelegramAPIServer.from_base(base_url)))

    async def open(self) -> None:
        """Nothing to do: aiogram opens its HTTP session on the first request."""

    async def close(self) -> None:
        await self.bot.session.close()

    @staticmethod
    def keyboard(buttons: dict[str, str]) -> ag.InlineKeyboardMarkup:
        rows = [[ag.InlineKeyboardButton(text=k, callback_data=v)] for k, v in buttons.items()]
        return ag.InlineKeyboardMarkup(inline_keyboard=rows)

    async def updates(
        self,
        offset: int | None = None,
        timeout: int = 0,
        limit: int = 100,
        allowed: list[str] | None = None,
    ) -> list[tuple[int, str]]:
        found = await self.bot.get_updates(offset, limit, timeout, allowed_updates=allowed)
        return [(update.update_id, update.event_type) for update in found]

    async def send_document(self, name: str, data: bytes) -> str:
        document = ag.BufferedInputFile(data, filename=name)
        return (await self.bot.send_document(USER, document)).document.file_id

    async def download(self, file_id: str) -> bytes:
        file = await self.bot.get_file(file_id)
        return (await self.bot.download_file(file.file_path)).read()


class PtbClient(Client):
    bad_request = ptb_error.BadRequest
    unauthorized = ptb_error.InvalidToken

    def __init__(self, base_url: str, token: str) -> None:
        self.bot = ExtBot(token, base_url=f"{base_url}/bot", base_file_url=f"{base_url}/file/bot")

    async def open(self) -> None:
        await self.bot.initialize()  # getMe, as every PTB application does first

    async def close(self) -> None:
        await self.bot.shutdown()

    @staticmethod
    def keyboard(buttons: dict[str, str]) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(k, callback_data=v)] for k, v in buttons.items()]
        )

    async def updates(
        self,
        offset: int | None = None,
        timeout: int = 0,
        limit: int = 100,
        allowed: list[str] | None = None,
    ) -> list[tuple[int, str]]:
        found = await self.bot.get_updates(
            offset, limit, timeout, allowed_updates=allowed, read_timeout=30
        )
        return [(update.update_id, _ptb_kind(update)) for update in found]

    async def send_document(self, name: str, data: bytes) -> str:
        message = await self.bot.send_document(USER, io.BytesIO(data), filename=name)
        return message.document.file_id

    async def download(self, file_id: str) -> bytes:
        return bytes(await (await self.bot.get_file(file_id)).download_as_bytearray())


def _ptb_kind(update: Update) -> str:
    return next(k for k in ("message", "edited_message", "callback_query") if getattr(update, k))


@pytest.fixture
async def server():
    async with LoopbackServer(token=TOKEN) as running:
        running.user(USER, first_name="Ada", language_code="nl")
        yield running


@pytest.fixture(params=["aiogram", "ptb"])
async def connect(request, server):
    """Opens clients of one library against the server; closes them afterwards."""
    kind = AiogramClient if request.param == "aiogram" else PtbClient
    opened = []

    async def open_client(token: str = TOKEN):
        opened.append(kind(server.base_url, token))
        await opened[-1].open()
        return opened[-1]

    yield open_client
    for client in opened:
        await client.close()


async def test_text_that_looks_like_a_number_stays_text_with_its_buttons(server, connect):
    client = await connect()
    phone = server.user(USER)
    await phone.send("/start", wait=False)
    for text in ("123", "true"):
        message_id, echoed = await client.send(text, {"Ja": "yes", "Nee": "no"})
        assert echoed == text
        assert server.chat(USER).get(message_id).text == text
    assert phone.bot_texts() == ["123", "true"]
    assert phone.buttons() == ["Ja", "Nee"]


async def test_edit_changes_the_chat_and_an_identical_edit_is_refused(server, connect):
    client = await connect()
    await server.user(USER).send("hoi", wait=False)
    message_id, _ = await client.send("Vraag 1 van 5")
    assert await client.edit(message_id, "Vraag 2 van 5") == "Vraag 2 van 5"
    assert server.user(USER).last_bot_text() == "Vraag 2 van 5"
    assert server.chat(USER).get(message_id).edited
    with pytest.raises(client.bad_request, match="(?i)message is not modified"):
        await client.edit(message_id, "Vraag 2 van 5")


async def test_deleted_messages_vanish_and_cannot_be_deleted_or_edited_again(server, connect):
    client = await connect()
    phone = server.user(USER)
    said = await phone.send("Mijn antwoord", wait=False)
    message_id, _ = await client.send("weg ermee")
    assert await client.delete(message_id) is True
    assert phone.bot_messages() == []
    with pytest.raises(client.bad_request, match="(?i)message to delete not found"):
        await client.delete(message_id)
    with pytest.raises(client.bad_request, match="(?i)message to edit not found"):
        await client.edit(message_id, "toch niet")
    thanks, _ = await client.send("Bedankt!")
    assert await client.delete_many([said, thanks]) is True  # the user's own message too
    assert phone.messages == []


async def test_text_is_checked_and_stored_as_telegram_does(server, connect):
    client = await connect()
    phone = server.user(USER)
    await phone.send("hoi", wait=False)
    _, text = await client.send("<b>Vraag 2</b> van 5 &amp; 3 &lt; 4", parse_mode="HTML")
    assert text == phone.last_bot_text() == "Vraag 2 van 5 & 3 < 4"
    assert phone.last_bot_message().entities == [{"type": "bold", "offset": 0, "length": 7}]
    with pytest.raises(client.bad_request, match="(?i)can't parse entities"):
        await client.send("Vraag 2 van 5. Klaar!", parse_mode="MarkdownV2")
    with pytest.raises(client.bad_request, match="(?i)can't parse entities"):
        await client.send("3 < 4", parse_mode="HTML")
    with pytest.raises(client.bad_request, match="(?i)message is too long"):
        await client.send("x" * 4097)
    with pytest.raises(client.bad_request, match="(?i)message text is empty"):
        await client.send("   ")


async def test_updates_stay_until_a_higher_offset_confirms_them(server, connect):
    phone = server.user(USER)
    await phone.send("/start tok", wait=False)
    first_message = await phone.send("eerste antwoord", wait=False)
    await phone.edit(first_message, "verbeterd antwoord", wait=False)
    seen = await (await connect()).updates()
    assert [kind for _, kind in seen] == ["message", "message", "edited_message"]
    restarted = await connect()
    assert await restarted.updates() == seen  # never confirmed: delivered again
    assert await restarted.updates(offset=seen[-1][0] + 1) == []
    assert server.world.updates.pending() == []
    await restarted.updates(allowed=["message"])  # from now on no edits, as Telegram does
    await phone.edit(first_message, "nog eens verbeterd", wait=False)
    await phone.send("tweede antwoord", wait=False)
    await phone.send("derde antwoord", wait=False)
    assert await restarted.updates(limit=1) == [(seen[-1][0] + 1, "message")]


async def test_long_poll_answers_as_soon_as_an_update_arrives(server, connect):
    client = await connect()
    poll = asyncio.create_task(client.updates(timeout=20))
    while not server.waiting_polls:
        await asyncio.sleep(0.005)
    await server.user(USER).send("daar ben ik", wait=False)
    received = await asyncio.wait_for(poll, timeout=5)
    assert [kind for _, kind in received] == ["message"]


async def test_a_document_upload_can_be_downloaded_again(server, connect):
    client = await connect()
    phone = server.user(USER)
    await phone.send("/export", wait=False)
    data = b"PK\x03\x04 bloemlezing " + bytes(range(256)) * 40
    file_id = await client.send_document("bloemlezing.docx", data)
    sent = phone.last_bot_message()
    assert sent.document.file_name == "bloemlezing.docx"
    assert sent.document.data == data
    assert await client.download(file_id) == data


async def test_get_me_answers_the_right_token_only(server, connect):
    client = await connect()
    assert await client.username() == "rondetafel_bot"
    with pytest.raises(client.unauthorized):
        await (await connect("987654321:AAsomebody-else")).username()
    server.reject_token = True
    with pytest.raises(client.unauthorized):
        await client.username()
    assert [r.error for r in server.calls("getMe")][-2:] == ["Unauthorized", "Unauthorized"]


async def test_json_bodies_keep_strings_and_unknown_methods_are_not_found(server):
    await server.user(USER).send("hoi", wait=False)
    url = f"{server.base_url}/bot{TOKEN}"
    markup = {"inline_keyboard": [[{"text": "Ok", "callback_data": "ok"}]]}
    async with aiohttp.ClientSession() as http:
        payload = {"chat_id": str(USER), "text": "true", "reply_markup": markup}
        async with http.post(f"{url}/sendmessage", json=payload) as response:
            answer = await response.json()
        async with http.post(f"{url}/sendTeleport", json={}) as response:
            missing = (response.status, await response.json())
    assert answer["ok"] and answer["result"]["text"] == "true"
    assert answer["result"]["reply_markup"] == markup
    assert missing == (404, {"ok": False, "error_code": 404, "description": "Not Found"})


async def test_settle_explains_what_the_bot_left_unconfirmed(server):
    await server.user(USER).send("hallo?", wait=False)
    with pytest.raises(TimeoutError, match="1 update.* not confirmed"):
        await server.settle(timeout=0.2)
    with pytest.raises(AssertionError, match="no bot message .* button 'Verder'"):
        await server.user(USER).press("Verder")


async def test_a_button_that_comes_late_is_still_pressed(server):
    """A loaded machine can pause a bot between two replies longer than the stand-in's
    quiet time; the phone then waits for the button as a person would."""
    url = f"{server.base_url}/bot{TOKEN}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "Verder", "callback_data": "next"}]]}

    async def late_reply() -> None:
        await asyncio.sleep(0.5)
        async with aiohttp.ClientSession() as http:
            await http.post(url, json={"chat_id": USER, "text": "Klaar?", "reply_markup": markup})

    phone = server.user(USER)
    await phone.send("hoi", wait=False)
    task = asyncio.create_task(late_reply())
    query = await phone.press("Verder", wait=False)
    await task
    assert query.data == "next"


# -- the real runtimes polling the stand-in, as the end-to-end tests will run them ----------


def _aiogram_dispatcher() -> Dispatcher:
    dp = Dispatcher()

    @dp.message(F.text)
    async def echo(message: ag.Message) -> None:
        button = ag.InlineKeyboardButton(text="Nog eens", callback_data="again")
        markup = ag.InlineKeyboardMarkup(inline_keyboard=[[button]])
        await message.answer(f"Je schreef: {message.text}", reply_markup=markup)

    @dp.message()
    async def not_text(message: ag.Message) -> None:
        await message.answer("Alleen getypte tekst telt.")

    @dp.edited_message()
    async def edited(message: ag.Message) -> None:
        await asyncio.sleep(0.1)  # slower than settle's quiet period: must still be awaited
        await message.answer(f"Aangepast: {message.text}")

    @dp.callback_query(F.data == "again")
    async def again(query: ag.CallbackQuery) -> None:
        await query.answer("Gedaan")
        await query.message.edit_text("Nog eens gevraagd")

    return dp


@contextlib.asynccontextmanager
async def aiogram_runtime(server: LoopbackServer):
    bot = Bot(TOKEN, session=QuickSession(api=TelegramAPIServer.from_base(server.base_url)))
    dp = _aiogram_dispatcher()
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=5))
    try:
        yield
    finally:
        await dp.stop_polling()
        await polling


async def _ptb_answer(update: Update, context: object) -> None:
    if update.callback_query:
        await update.callback_query.answer("Gedaan")
        await update.callback_query.edit_message_text("Nog eens gevraagd")
    elif update.edited_message:
        await asyncio.sleep(0.1)  # slower than settle's quiet period: must still be awaited
        await update.edited_message.reply_text(f"Aangepast: {update.edited_message.text}")
    elif update.message.text:
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Nog eens", callback_data="again")]])
        await update.message.reply_text(f"Je schreef: {update.message.text}", reply_markup=markup)
    else:
        await update.message.reply_text("Alleen getypte tekst telt.")


@contextlib.asynccontextmanager
async def ptb_runtime(server: LoopbackServer):
    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{server.base_url}/bot")
        .base_file_url(f"{server.base_url}/file/bot")
        .build()
    )
    app.add_handler(TypeHandler(Update, _ptb_answer))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=5)
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()


@pytest.fixture(params=[aiogram_runtime, ptb_runtime], ids=["aiogram", "ptb"])
def runtime(request):
    return request.param


async def test_a_polling_bot_answers_every_kind_of_phone_action(server, runtime):
    phone = server.user(USER)
    async with runtime(server):
        await phone.send("/start tok")
        assert phone.last_bot_text() == "Je schreef: /start tok"
        await phone.press("Nog eens")
        assert [a.text for a in phone.callback_answers] == ["Gedaan"]
        assert phone.last_bot_text() == "Nog eens gevraagd"
        assert phone.buttons() == []
        answer = await phone.send("123")
        await phone.edit(answer, "124")
        assert phone.last_bot_text() == "Aangepast: 124"
        for act in (
            phone.send_sticker,
            phone.send_photo,
            phone.send_voice,
            phone.send_document,
            phone.send_location,
            phone.send_contact,
        ):
            await act()
            assert phone.last_bot_text() == "Alleen getypte tekst telt."
    assert all(request.error is None for request in server.requests)


async def test_a_restarted_bot_answers_what_arrived_while_it_was_down(server, runtime):
    phone = server.user(USER)
    async with runtime(server):
        await phone.send("eerste")
    await phone.send("tijdens de herstart", wait=False)
    async with runtime(server):
        await server.settle()
        assert phone.bot_texts() == ["Je schreef: eerste", "Je schreef: tijdens de herstart"]


async def test_simultaneous_participants_each_get_their_own_answers(runtime):
    async def participant(server: LoopbackServer, user_id: int) -> None:
        phone = server.user(user_id, first_name=f"Deelnemer {user_id}")
        for turn in range(3):
            await phone.send(f"antwoord {user_id}.{turn}")
            assert phone.last_bot_text() == f"Je schreef: antwoord {user_id}.{turn}"
        await phone.press("again")
        assert phone.bot_texts()[-1] == "Nog eens gevraagd"

    async with LoopbackServer(token=TOKEN, per_chat_settle=True) as server:
        async with runtime(server):
            await asyncio.gather(*(participant(server, 7000 + n) for n in range(12)))
