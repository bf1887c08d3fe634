"""One turn of the conversation: the event, the session, and the actions being collected.

Handlers receive a ``Turn``; they act through the consultation layer (``turn.core``), say
things (``say``, ``offer``) and move the conversation on (``go``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consultation import audit
from consultation.core import Core
from consultation.errors import Refused
from dialogs import menu
from dialogs.events import Action, Button, Event, Send, ShowCommands
from dialogs.session import Session
from dialogs.states import DETOURS, State
from locales.texts import Texts


@dataclass
class Turn:
    event: Event
    session: Session
    core: Core
    texts: Texts
    links: object = None  # the channel's invite links (consultation.invitations.InviteLinks)
    admins: frozenset[str] = frozenset()  # keyed hashes of the installation's administrators
    action: str = ""  # the pressed button's action
    arg: str = ""  # the pressed button's argument
    actions: list[Action] = field(default_factory=list)
    notice: str = ""
    next_state: str | None = None  # set by a handler to move on (and prompt anew)
    drop: bool = False  # forget the session itself after this turn
    coalesce: bool = False  # the reply only acknowledges (may be skipped in a burst)
    stale_press: bool = False  # an old button was pressed: the channel may take its buttons away
    shows_code: bool = False  # the reply carries a withdrawal code: tell when it arrived

    @property
    def actor(self) -> str:
        """This account as the audit log names it (a keyed hash)."""
        return audit.who(self.core, self.event.user_key)

    @property
    def lang(self) -> str | None:
        return self.session.lang

    def t(self, key: str, **values: object) -> str:
        return self.texts.get(self.session.lang, key, **values)

    def number(self, value: float) -> str:
        return self.texts.number(self.session.lang, value)

    def button(self, key: str, action: str, arg: str = "", **values: object) -> Button:
        return self.button_labelled(self.t(key, **values), action, arg)

    def button_labelled(self, label: str, action: str, arg: str = "") -> Button:
        return Button(label=label, data=f"{self.session.step}:{action}:{arg}")

    def say(self, key: str, **values: object) -> None:
        self.actions.append(Send(self.t(key, **values)))

    def say_text(self, text: str) -> None:
        self.actions.append(Send(text))

    def refuse(self, refusal: Refused) -> None:
        """Say why an action was refused, in the person's language."""
        self.say_text(self.texts.with_numbers(self.session.lang, refusal.key, refusal.values))

    def offer(self, text: str, *rows: tuple[Button, ...]) -> None:
        """Send a message with buttons."""
        self.actions.append(Send(text, tuple(rows)))

    def show_facilitator_menu(self) -> None:
        """From now on this chat's menu lists the facilitator's commands too."""
        commands = menu.commands(self.texts, self.session.lang, facilitator=True)
        self.actions.append(ShowCommands(commands))

    def remember_where(self) -> None:
        """Before a detour (/language, /forget): where to come back to. A detour from a
        detour keeps the first place, so the participant never loses their question."""
        if self.session.state in DETOURS and self.session.resume:
            return
        self.session.resume = self.session.state

    def go(self, state: State | str) -> None:
        """Move to ``state``; its prompt follows. Buttons offered before this are stale."""
        self.next_state = State(state)
        self.session.state = State(state)
        self.session.step += 1
