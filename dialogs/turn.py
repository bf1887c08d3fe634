"""One turn of the conversation: the event, the session, and the actions being collected."""

from __future__ import annotations

from dataclasses import dataclass, field

from dialogs.events import Action, Button, ClearButtons, Event, Send
from dialogs.session import Session
from locales.texts import Texts

DETOURS = {"language", "forget"}


@dataclass
class Turn:
    event: Event
    session: Session
    texts: Texts
    action: str = ""  # the pressed button's action
    arg: str = ""  # the pressed button's argument
    actions: list[Action] = field(default_factory=list)
    notice: str = ""
    next_state: str | None = None  # set by a handler to move on (and prompt anew)
    drop: bool = False  # forget the session itself after this turn

    def t(self, key: str, **values: object) -> str:
        return self.texts.get(self.session.lang, key, **values)

    def button(self, key: str, action: str, arg: str = "", **values: object) -> Button:
        return self.button_labelled(self.t(key, **values), action, arg)

    def button_labelled(self, label: str, action: str, arg: str = "") -> Button:
        return Button(label=label, data=f"{self.session.step}:{action}:{arg}")

    def say(self, key: str, **values: object) -> None:
        self.actions.append(Send(self.t(key, **values)))

    def say_text(self, text: str) -> None:
        self.actions.append(Send(text))

    def offer(self, text: str, *rows: tuple[Button, ...]) -> None:
        """Send a message with buttons; buttons of earlier messages stop being live."""
        self.clear_buttons()
        self.actions.append(Send(text, tuple(rows)))

    def clear_buttons(self) -> None:
        for message_id in self.session.prompts:
            self.actions.append(ClearButtons(message_id))
        self.session.prompts = []

    def remember_where(self) -> None:
        """Before a detour (/language, /forget): where to come back to. A detour from a
        detour keeps the first place, so the participant never loses their question."""
        if self.session.state in DETOURS and self.session.resume:
            return
        self.session.resume = self.session.state

    def go(self, state: str) -> None:
        """Move to ``state``; its prompt follows. Buttons offered before this are stale."""
        self.next_state = state
        self.session.state = state
        self.session.step += 1
