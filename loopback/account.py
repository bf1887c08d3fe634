"""Bot API methods about the bot itself: identity, updates, webhook, commands, profile."""

from __future__ import annotations

import json
import re

from loopback.chats import JSONDict
from loopback.errors import ApiError
from loopback.registry import ApiCall, MethodTable

METHODS = MethodTable()

_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_PROFILE_FIELDS = {
    "Name": "name",
    "Description": "description",
    "ShortDescription": "short_description",
}
_PROFILE_LIMITS = {"name": 64, "description": 512, "short_description": 120}


@METHODS("getMe")
def get_me(call: ApiCall) -> JSONDict:
    return {
        **call.world.bot_user,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@METHODS("getUpdates")
async def get_updates(call: ApiCall) -> list[JSONDict]:
    if call.world.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    allowed = call.params.get("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise ApiError.bad_request("can't parse allowed_updates JSON object")
    return await call.world.updates.fetch(
        offset=call.params.get("offset"),
        limit=call.params.get("limit") or 100,
        timeout=call.params.get("timeout") or 0,
        allowed_updates=allowed,
        on_wait=call.set_waiting,
    )


@METHODS("setWebhook")
def set_webhook(call: ApiCall) -> bool:
    call.world.webhook_url = str(call.params.get("url") or "")
    call.world.webhook.configure(
        call.world.webhook_url,
        str(call.params.get("secret_token") or ""),
        call.params.get("max_connections"),
    )
    if call.params.get("drop_pending_updates"):
        call.world.updates.drop_pending()
    return True


@METHODS("deleteWebhook")
def delete_webhook(call: ApiCall) -> bool:
    call.world.webhook_url = ""
    call.world.webhook.configure("", "")
    if call.params.get("drop_pending_updates"):
        call.world.updates.drop_pending()
    return True


@METHODS("getWebhookInfo")
def get_webhook_info(call: ApiCall) -> JSONDict:
    return {
        "url": call.world.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(call.world.updates.pending()),
    }


def _commands_key(call: ApiCall) -> tuple[str, str]:
    scope = call.params.get("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise ApiError.bad_request("can't parse BotCommandScope JSON object")
    return json.dumps(scope, sort_keys=True), str(call.params.get("language_code") or "")


@METHODS("setMyCommands")
def set_my_commands(call: ApiCall) -> bool:
    commands = call.params.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise ApiError.bad_request("can't parse commands JSON object")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND_NAME.match(str(command.get("command"))):
            raise ApiError.bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description") or "")) <= 256:
            raise ApiError.bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    key = _commands_key(call)
    call.world.commands[key] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


@METHODS("getMyCommands")
def get_my_commands(call: ApiCall) -> list[JSONDict]:
    return call.world.commands.get(_commands_key(call), [])


@METHODS("deleteMyCommands")
def delete_my_commands(call: ApiCall) -> bool:
    call.world.commands.pop(_commands_key(call), None)
    return True


def _menu_chat(call: ApiCall) -> int | None:
    chat_id = call.params.get("chat_id")
    return None if chat_id is None else call.world.chat(chat_id).id


@METHODS("setChatMenuButton")
def set_chat_menu_button(call: ApiCall) -> bool:
    button = call.params.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in ("default", "commands", "web_app"):
        raise ApiError.bad_request("can't parse menu button JSON object")
    call.world.menu_buttons[_menu_chat(call)] = button
    return True


@METHODS("getChatMenuButton")
def get_chat_menu_button(call: ApiCall) -> JSONDict:
    buttons = call.world.menu_buttons
    chat = _menu_chat(call)
    return buttons.get(chat) or buttons.get(None) or {"type": "default"}


def _profile_methods(suffix: str, field: str) -> None:
    def setter(call: ApiCall) -> bool:
        value = str(call.params.get(field) or "")
        if len(value) > _PROFILE_LIMITS[field]:
            raise ApiError.bad_request(f"{field} is too long")
        call.world.profile[(field, str(call.params.get("language_code") or ""))] = value
        return True

    def getter(call: ApiCall) -> JSONDict:
        profile = call.world.profile
        language = str(call.params.get("language_code") or "")
        value = profile.get((field, language), profile.get((field, ""), ""))
        if field == "name" and not value:
            value = call.world.bot_user["first_name"]
        return {field: value}

    METHODS(f"setMy{suffix}")(setter)
    METHODS(f"getMy{suffix}")(getter)


for _suffix, _field in _PROFILE_FIELDS.items():
    _profile_methods(_suffix, _field)


@METHODS("close")
def close(call: ApiCall) -> bool:
    return True


@METHODS("logOut")
def log_out(call: ApiCall) -> bool:
    return True
