"""A loopback stand-in for the Telegram Bot API, for end-to-end tests and the demo.

async with LoopbackServer(token="123:abc") as server:
    phone = server.user(1001, first_name="Ada", language_code="nl")
    # point the bot at server.base_url, start it, then:
    await phone.send("/start invite-token")
    assert phone.last_bot_text() ...
"""

from loopback.chats import CallbackAnswer, CallbackQuery, Chat, ChatMessage, StoredFile
from loopback.errors import ApiError
from loopback.phone import Phone
from loopback.server import LoopbackServer, RecordedRequest

__all__ = [
    "ApiError",
    "CallbackAnswer",
    "CallbackQuery",
    "Chat",
    "ChatMessage",
    "LoopbackServer",
    "Phone",
    "RecordedRequest",
    "StoredFile",
]
