"""Bot API methods that post, change and remove messages, files and button answers."""

from __future__ import annotations

from typing import Any

from loopback.chats import (
    CallbackAnswer,
    Chat,
    ChatMessage,
    JSONDict,
    StoredFile,
    now,
    png_size,
)
from loopback.errors import ApiError
from loopback.formatting import parse_text
from loopback.params import Upload
from loopback.registry import ApiCall, MethodTable

METHODS = MethodTable()

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def _text(call: ApiCall, name: str = "text") -> tuple[str, list[JSONDict]]:
    raw = call.params.get(name)
    raw = "" if raw is None else str(raw)
    plain, entities = parse_text(raw, call.params.get("parse_mode"))
    given = call.params.get("entities" if name == "text" else "caption_entities")
    if given and not call.params.get("parse_mode"):
        if not isinstance(given, list):
            raise ApiError.bad_request("can't parse entities JSON object")
        entities = given
    return plain, entities


def _message_text(call: ApiCall) -> tuple[str, list[JSONDict]]:
    plain, entities = _text(call)
    if not plain:
        raise ApiError.bad_request("message text is empty")
    if len(plain) > TEXT_LIMIT:
        raise ApiError.bad_request("message is too long")
    return plain, entities


def _caption(call: ApiCall) -> tuple[str | None, list[JSONDict]]:
    if call.params.get("caption") in (None, ""):
        return None, []
    plain, entities = _text(call, "caption")
    if len(plain) > CAPTION_LIMIT:
        raise ApiError.bad_request("message caption is too long")
    return plain or None, entities


def _markup(call: ApiCall) -> JSONDict | None:
    """The reply markup, checked; an empty inline keyboard counts as none."""
    markup = call.params.get("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError.bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise ApiError.bad_request('field "inline_keyboard" must be an Array of Array')
        for button in (button for row in rows for button in row):
            _check_button(button)
        rows = [row for row in rows if row]
        return {"inline_keyboard": rows} if rows else None
    if any(key in markup for key in ("keyboard", "remove_keyboard", "force_reply")):
        return markup
    raise ApiError.bad_request("can't parse reply keyboard markup JSON object")


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise ApiError.bad_request("can't parse inline keyboard button: Text must be a String")
    if not any(action in button for action in BUTTON_ACTIONS):
        raise ApiError.bad_request("text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode()) <= 64:
        raise ApiError.bad_request("BUTTON_DATA_INVALID")


def _inline_only(markup: JSONDict | None) -> JSONDict | None:
    return markup if markup and "inline_keyboard" in markup else None


def _message_to_edit(call: ApiCall) -> tuple[Chat, ChatMessage]:
    if call.params.get("inline_message_id"):
        raise ApiError.bad_request("inline messages are not supported by the loopback server")
    chat = call.world.chat(call.params.get("chat_id"))
    return chat, call.world.message_to(chat, call.params.get("message_id"), "edit")


@METHODS("sendMessage")
def send_message(call: ApiCall) -> JSONDict:
    chat = call.world.chat_to_write(call.params.get("chat_id"))
    text, entities = _message_text(call)
    message = chat.add(from_bot=True, text=text, entities=entities, reply_markup=_markup(call))
    return chat.message_api(message)


@METHODS("editMessageText")
def edit_message_text(call: ApiCall) -> JSONDict:
    chat, message = _message_to_edit(call)
    if message.text is None:
        raise ApiError.bad_request("there is no text in the message to edit")
    text, entities = _message_text(call)
    markup = _inline_only(_markup(call))
    if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
        raise ApiError.bad_request(NOT_MODIFIED)
    message.text, message.entities, message.reply_markup = text, entities, markup
    message.edit_date = now()
    return chat.message_api(message)


@METHODS("editMessageCaption")
def edit_message_caption(call: ApiCall) -> JSONDict:
    chat, message = _message_to_edit(call)
    if message.text is not None:
        raise ApiError.bad_request("there is no caption in the message to edit")
    caption, entities = _caption(call)
    markup = _inline_only(_markup(call))
    if (caption, entities, markup) == (
        message.caption,
        message.caption_entities,
        message.reply_markup,
    ):
        raise ApiError.bad_request(NOT_MODIFIED)
    message.caption, message.caption_entities, message.reply_markup = caption, entities, markup
    message.edit_date = now()
    return chat.message_api(message)


@METHODS("editMessageReplyMarkup")
def edit_message_reply_markup(call: ApiCall) -> JSONDict:
    chat, message = _message_to_edit(call)
    markup = _inline_only(_markup(call))
    if markup == message.reply_markup:
        raise ApiError.bad_request(NOT_MODIFIED)
    message.reply_markup = markup
    message.edit_date = now()
    return chat.message_api(message)


@METHODS("deleteMessage")
def delete_message(call: ApiCall) -> bool:
    chat = call.world.chat(call.params.get("chat_id"))
    call.world.message_to(chat, call.params.get("message_id"), "delete").deleted = True
    return True


@METHODS("deleteMessages")
def delete_messages(call: ApiCall) -> bool:
    chat = call.world.chat(call.params.get("chat_id"))
    ids = call.require("message_ids", "message_ids is empty")
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise ApiError.bad_request("message_ids must contain 1-100 message identifiers")
    for message_id in ids:  # Telegram skips the ones it cannot find
        message = chat.get(int(message_id))
        if message is not None:
            message.deleted = True
    return True


@METHODS("sendDocument")
def send_document(call: ApiCall) -> JSONDict:
    chat = call.world.chat_to_write(call.params.get("chat_id"))
    document = _document(call)
    caption, entities = _caption(call)
    message = chat.add(
        from_bot=True,
        document=document,
        caption=caption,
        caption_entities=entities,
        reply_markup=_markup(call),
    )
    return chat.message_api(message)


@METHODS("sendPhoto")
def send_photo(call: ApiCall) -> JSONDict:
    chat = call.world.chat_to_write(call.params.get("chat_id"))
    photo = _document(call, "photo")
    if not photo.mime_type.startswith("image/") and png_size(photo.data) is None:
        raise ApiError.bad_request("IMAGE_PROCESS_FAILED")
    caption, entities = _caption(call)
    message = chat.add(
        from_bot=True,
        photo=photo,
        caption=caption,
        caption_entities=entities,
        reply_markup=_markup(call),
    )
    return chat.message_api(message)


def _document(call: ApiCall, field: str = "document") -> StoredFile:
    value = call.params.get(field)
    if isinstance(value, str) and value.startswith("attach://"):
        value = call.params.get(value.removeprefix("attach://"))
    if isinstance(value, Upload):
        if not value.data:
            raise ApiError.bad_request("file must be non-empty")
        return call.world.files.add(value.data, value.filename, value.content_type)
    if value is None or value == "":
        raise ApiError.bad_request(f"there is no {field} in the request")
    if str(value).startswith(("http://", "https://")):
        raise ApiError.bad_request("failed to get HTTP URL content")
    stored = call.world.files.by_id(str(value))
    if stored is None:
        raise ApiError.bad_request("wrong file identifier/HTTP URL specified")
    return stored


@METHODS("getFile")
def get_file(call: ApiCall) -> JSONDict:
    stored = call.world.files.by_id(str(call.require("file_id")))
    if stored is None:
        raise ApiError.bad_request("invalid file_id")
    return stored.to_api()


@METHODS("sendChatAction")
def send_chat_action(call: ApiCall) -> bool:
    chat = call.world.chat_to_write(call.params.get("chat_id"))
    action = call.params.get("action")
    if action not in CHAT_ACTIONS:
        raise ApiError.bad_request("wrong parameter action in request")
    chat.chat_actions.append(action)
    return True


@METHODS("answerCallbackQuery")
def answer_callback_query(call: ApiCall) -> bool:
    query = call.world.callback_queries.get(str(call.params.get("callback_query_id")))
    if query is None or query.answer is not None:
        raise ApiError.bad_request(
            "query is too old and response timeout expired or query ID is invalid"
        )
    call.chat_id = query.chat_id
    query.answer = CallbackAnswer(
        data=query.data,
        text=call.params.get("text"),
        show_alert=bool(call.params.get("show_alert")),
        url=call.params.get("url"),
    )
    call.world.chats[query.chat_id].callback_answers.append(query.answer)
    return True
