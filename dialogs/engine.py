"""The conversation engine: an event in, actions and the new state out, in one transaction.

It reads the person's session, derives the trigger (``flow`` explains them), runs the handler
the table names, checks the move against the table, shows the new state's prompt, and keeps
the session. It imports no channel framework: the adapters turn their updates into
``Event``s and carry out the ``Outcome``.
"""

from __future__ import annotations

from consultation import facilitators, reminders
from consultation.core import Core
from consultation.participation import still_open
from dialogs import closing, prompts
from dialogs.events import Event, Outcome
from dialogs.flow import (
    COMMANDS,
    FACILITATOR_ACTIONS,
    FACILITATOR_COMMANDS,
    allowed,
    lookup,
)
from dialogs.session import Session
from dialogs.states import IN_PROGRESS, State
from dialogs.turn import Turn
from locales.texts import Texts


class TransitionError(RuntimeError):
    """A handler moved somewhere its row in the table does not allow: a bug."""


class Engine:
    def __init__(
        self,
        core: Core,
        texts: Texts,
        admins: frozenset[str] = frozenset(),
        links: object = None,
    ) -> None:
        """``admins``: keyed hashes of the accounts allowed the facilitator commands;
        ``links``: the channel's maker of invite links (for /invite)."""
        self.core = core
        self.texts = texts
        self.admins = admins
        self.links = links

    def handle(self, event: Event) -> Outcome:
        store = self.core.store
        with store.transaction():
            data = store.sessions.load(event.user_key)
            session = Session.from_dict(data) if data else Session()
            if session.lang is None:
                session.lang = self.texts.supported(event.language_code)
            turn = Turn(event, session, self.core, self.texts, self.links, self.admins)
            before, resume = session.state, session.resume
            row = lookup(before, self._trigger(turn))
            row.handler(turn)
            if turn.next_state is not None:
                if turn.next_state not in allowed(row, before, resume):
                    raise TransitionError(
                        f"{row.handler.__name__} moved {before} -> {turn.next_state}"
                    )
                prompts.render(turn, turn.next_state)
            if turn.session.state == State.SUBMITTED:
                closing.show_code_again(turn)
            if turn.session.state in IN_PROGRESS:
                reminders.keep_address(self.core, turn.session.participant_id, event.address)
            return self._keep(turn, data)

    def _keep(self, turn: Turn, data: dict | None) -> Outcome:
        event, session, sessions = turn.event, turn.session, self.core.store.sessions
        kept = not turn.drop and (data is not None or session.state != "idle")
        if turn.drop:
            sessions.delete(event.user_key)
            sessions.forget_messages(event.user_key)
        elif kept:
            stored = session.to_dict()
            if session.state == State.SUBMITTED:
                # after submitting, not even the language is kept with the account: it could
                # narrow down whose answers are whose; the client's language hint serves
                stored["lang"] = None
            sessions.save(event.user_key, stored)
            if event.ref is not None and event.kind != "edit":
                # the person's own message, so that wiping the chat removes it too
                sessions.remember_messages(event.user_key, [event.ref])
        return Outcome(
            actions=tuple(turn.actions),
            state=session.state,
            notice=turn.notice,
            stale_press=turn.stale_press,
            keep_chat=kept,
            coalesce=turn.coalesce and turn.next_state is None,
            lang=session.lang,
            shows_code=turn.shows_code,
        )

    def _facilitates(self, user_key: str) -> bool:
        return facilitators.is_facilitator(self.core, user_key, self.admins)

    def _trigger(self, turn: Turn) -> str:
        event, session = turn.event, turn.session
        if event.kind == "command":
            name = event.command
            if name not in COMMANDS or (
                name in FACILITATOR_COMMANDS and not self._facilitates(event.user_key)
            ):
                return "/*"
            return f"/{name}"
        if event.kind == "later":
            return f"later:{event.text.split()[0]}" if event.text.strip() else "stale"
        if session.state in IN_PROGRESS and not still_open(self.core, session.consultation_id):
            return "closed"
        if event.kind != "button":
            return event.kind
        step, _, rest = event.text.partition(":")
        turn.action, _, turn.arg = rest.partition(":")
        if step != str(session.step):
            return "stale"
        if turn.action in FACILITATOR_ACTIONS and not self._facilitates(event.user_key):
            return "stale"
        return f"button:{turn.action}"
