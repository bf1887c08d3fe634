"""What goes into the engine (events) and what comes out (actions), as plain data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """Something a participant did in the chat, already stripped of the Telegram framework.

    kind: "text" | "command" | "button" | "edit" | "unsupported"
    """

    user_key: str
    kind: str
    text: str = ""  # message text, command argument, or button data
    command: str = ""  # for commands, without the slash
    message_id: int | None = None  # the participant's message (text, command, edit)
    language_code: str | None = None  # Telegram's hint of the user's language
    what: str = ""  # for unsupported input: sticker, photo, voice, document, ...


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass(frozen=True)
class Send:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True)
class ClearButtons:
    message_id: int


@dataclass(frozen=True)
class DeleteMessages:
    message_ids: tuple[int, ...]


Action = Send | ClearButtons | DeleteMessages


@dataclass(frozen=True)
class Outcome:
    actions: tuple[Action, ...]
    state: str  # the state the conversation is in afterwards
    notice: str = ""  # a short toast for a pressed button (answerCallbackQuery)

    @property
    def texts(self) -> list[str]:
        return [a.text for a in self.actions if isinstance(a, Send)]
