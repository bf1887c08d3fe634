"""Request parameters: reading a Bot API request body into typed values.

Clients send JSON, url-encoded forms or multipart forms (aiogram and python-telegram-bot
send forms, where every value is a string). Only fields the Bot API defines as numbers or
booleans are converted, and only fields that are JSON objects or arrays are parsed as JSON:
a message text ``"123"`` or ``"true"`` stays a string.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

from loopback.errors import ApiError

INTEGER_FIELDS = frozenset(
    {
        "chat_id",
        "message_id",
        "offset",
        "limit",
        "user_id",
        "from_chat_id",
        "message_thread_id",
        "reply_to_message_id",
        "cache_time",
        "max_connections",
        "duration",
        "width",
        "height",
        "until_date",
    }
)
NUMBER_FIELDS = frozenset({"timeout", "latitude", "longitude", "horizontal_accuracy"})
BOOLEAN_FIELDS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "show_alert",
        "drop_pending_updates",
        "disable_web_page_preview",
        "allow_sending_without_reply",
        "disable_content_type_detection",
        "allow_paid_broadcast",
        "for_channels",
        "has_spoiler",
        "show_caption_above_media",
    }
)
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "allowed_updates",
        "entities",
        "caption_entities",
        "message_ids",
        "commands",
        "scope",
        "menu_button",
        "link_preview_options",
        "reply_parameters",
        "media",
        "rights",
    }
)
_JSON_NAMES = {"reply_markup": "reply keyboard markup"}


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes

    def __repr__(self) -> str:
        return f"Upload({self.filename!r}, {len(self.data)} bytes)"


async def read_params(request: web.Request) -> dict[str, Any]:
    """All parameters of ``request`` (query string and body), typed as the Bot API defines."""
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.read()
        if body.strip():
            try:
                decoded = json.loads(body)
            except ValueError as error:
                raise ApiError.bad_request("can't parse JSON object") from error
            if not isinstance(decoded, dict):
                raise ApiError.bad_request("can't parse JSON object")
            raw.update(decoded)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, FileField):
                raw[name] = Upload(value.filename, value.content_type, value.file.read())
            else:
                raw[name] = value
    return {name: typed(name, value) for name, value in raw.items()}


def typed(name: str, value: Any) -> Any:
    """``value`` of field ``name`` converted to the type the Bot API gives that field."""
    if isinstance(value, Upload):
        return value
    if name == "chat_id":
        return _chat_id(value)
    if name in INTEGER_FIELDS:
        return _integer(name, value)
    if name in NUMBER_FIELDS:
        return _number(name, value)
    if name in BOOLEAN_FIELDS:
        return _boolean(name, value)
    if name in JSON_FIELDS:
        return _json(name, value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return value


def _chat_id(value: Any) -> int | str:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        if text.startswith("@"):
            return text
        raise ApiError.bad_request("chat not found") from None


def _integer(name: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ApiError.bad_request(f'field "{name}" must be of type Integer') from None


def _number(name: str, value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        raise ApiError.bad_request(f'field "{name}" must be of type Float') from None


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0", ""):
        return False
    raise ApiError.bad_request(f'field "{name}" must be of type Boolean')


def _json(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        what = _JSON_NAMES.get(name, name)
        raise ApiError.bad_request(f"can't parse {what} JSON object") from None
