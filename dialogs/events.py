"""What goes into the engine (events) and what comes out (actions), as plain data.

Message references (``ref``) are the channel's: the engine stores and hands them back but
never reads them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """Something a person did in the chat, already stripped of the channel's framework.

    kind: "text" | "command" | "button" | "edit" | "unsupported", or "later" (a step of
    long work the engine itself asked for with ``FollowUp``)
    """

    user_key: str  # a keyed hash of the account: never the account itself
    kind: str
    text: str = ""  # message text, command argument, or button data
    command: str = ""  # for commands, without the slash
    ref: str | None = None  # the channel's reference of the person's message (text, edit)
    language_code: str | None = None  # the client's hint of the person's language
    what: str = ""  # for unsupported input: sticker, photo, voice, document, ...
    address: str | None = None  # the channel's address of the chat; kept (sealed) only for
    # the one reminder a participant may get, and erased when it can no longer go


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass(frozen=True)
class Send:
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True)
class SendFile:
    """A file (a document, or an image shown as a photo) with a caption."""

    name: str
    data: bytes
    caption: str = ""
    photo: bool = False


@dataclass(frozen=True)
class WipeChat:
    """Remove these messages of the conversation (as far as the channel allows)."""

    refs: tuple[str, ...]


@dataclass(frozen=True)
class ShowCommands:
    """The command menu this chat offers from now on (a new facilitator's has theirs)."""

    commands: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FollowUp:
    """Handle ``event`` after the actions before it have been carried out: long work done in
    steps, so the person sees progress between them (a large export)."""

    event: Event


Action = Send | SendFile | WipeChat | ShowCommands | FollowUp


@dataclass(frozen=True)
class Outcome:
    actions: tuple[Action, ...]
    state: str  # the state the conversation is in afterwards
    notice: str = ""  # a short toast for a pressed button
    stale_press: bool = False  # a button of an earlier step was pressed: remove its buttons
    keep_chat: bool = False  # remember the refs of the messages sent, for wiping later
    coalesce: bool = False  # only an acknowledgement: may be left out when more is waiting
    lang: str | None = None  # the person's language, for what the channel adds itself
    shows_code: bool = False  # carries a withdrawal code: the channel reports its delivery

    @property
    def texts(self) -> list[str]:
        return [a.text for a in self.actions if isinstance(a, Send)]
