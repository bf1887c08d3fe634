"""The consultation engine: an event in, actions and the new state out.

Routing is data (``dialogs.flow``); each ``on_<name>`` handler does one small thing and
may move the conversation on with ``turn.go(state)``, after which the new state's prompt
(``dialogs.prompts``) is shown. The engine imports no Telegram framework.
"""

from __future__ import annotations

from typing import Protocol

from analysis.statements import split_statements
from dialogs import prompts
from dialogs.answering import Answering
from dialogs.assistance import Assistance
from dialogs.closing import Closing
from dialogs.events import Event, Outcome
from dialogs.facilitator import Facilitation
from dialogs.flow import FLOW, IN_PROGRESS, route
from dialogs.session import Session
from dialogs.turn import Turn
from locales.texts import Texts
from privacy.keys import Keyring
from storage.invites import token_hash
from storage.store import Store

MAX_ORGANISATION_CHARS = 120
QUESTIONS = prompts.QUESTIONS


class Redacted(Protocol):
    text: str
    spans: list
    lang: str


class Deidentifier(Protocol):
    def deidentify(
        self,
        text: str,
        lang: str | None = None,
        profile: str = "stakeholder",
        hint: str | None = None,
    ) -> Redacted: ...


class Engine(Answering, Closing, Assistance, Facilitation):
    def __init__(
        self,
        store: Store,
        texts: Texts,
        keyring: Keyring,
        deidentifier: Deidentifier,
        admins: frozenset[str] = frozenset(),
        retention_days: int = 30,
    ) -> None:
        """``admins``: user keys (keyed hashes) of facilitators allowed the chat commands;
        ``retention_days``: how long unsubmitted answers are kept (the texts say it)."""
        self.admins = admins
        self.retention_days = retention_days
        self.store = store
        self.texts = texts
        self.keyring = keyring
        self.deidentifier = deidentifier

    # the turn ---------------------------------------------------------------------------

    def handle(self, event: Event) -> Outcome:
        data = self.store.sessions.load(event.user_key)
        session = Session.from_dict(data) if data else Session()
        if session.lang is None:
            session.lang = self.texts.supported(event.language_code)
        turn = Turn(event=event, session=session, texts=self.texts)
        if self._closed_meanwhile(turn):
            return self._finish(turn, data)
        getattr(self, f"on_{route(session.state, self._trigger(turn))}")(turn)
        return self._finish(turn, data)

    def _finish(self, turn: Turn, data: dict | None) -> Outcome:
        event, session = turn.event, turn.session  # a handler may have started a new one
        if turn.next_state is not None:
            turn.clear_buttons()
            prompts.render(self, turn, FLOW[session.state].prompt)
        if turn.drop:
            self.store.sessions.delete(event.user_key)
        elif data is not None or session.state != "idle":
            self.store.sessions.save(event.user_key, session.to_dict())
            if event.message_id is not None and event.kind != "edit":
                # the participant's own message, so that wiping the chat removes it too
                self.store.sessions.remember_message(event.user_key, event.message_id)
        return Outcome(actions=tuple(turn.actions), state=session.state, notice=turn.notice)

    def sent(self, user_key: str, message_id: int, has_buttons: bool) -> None:
        """The channel reports the id of a message it sent, for wiping and live buttons.

        Only while a session exists: after a decline or /forget nothing is kept.
        """
        data = self.store.sessions.load(user_key)
        if data is None:
            return
        self.store.sessions.remember_message(user_key, message_id)
        if has_buttons:
            session = Session.from_dict(data)
            session.prompts.append(message_id)
            self.store.sessions.save(user_key, session.to_dict())

    def _closed_meanwhile(self, turn: Turn) -> bool:
        """A consultation closed while someone was answering: say so at once, not at submit.

        Their unsubmitted drafts go with the retention period, like any abandoned answer."""
        session = turn.session
        if turn.event.kind == "command":  # /help, /forget ... still work as ever
            return False
        if session.state not in IN_PROGRESS or session.consultation_id is None:
            return False
        consultation = self.store.consultations.get(session.consultation_id)
        if consultation is not None and consultation.status == "open":
            return False
        turn.say("start.closed")
        turn.session = session.fresh()
        turn.go("idle")
        return True

    def submission_mark(self, user_key: str, consultation_id: str) -> str:
        return self.keyring.derive("submitted", user_key, consultation_id)

    def _trigger(self, turn: Turn) -> str:
        event = turn.event
        if event.kind == "command":
            return f"command:{event.command}"
        if event.kind != "button":
            return event.kind
        step, _, rest = event.text.partition(":")
        turn.action, _, turn.arg = rest.partition(":")
        if step != str(turn.session.step):
            return "stale"
        return f"button:{turn.action}"

    def preview(self, session: Session, question: int) -> str:
        """The answer as it will be quoted: de-identified, placeholders visible, cut into
        the separate quotes the bloemlezing will print."""
        text = self.store.participants.answer_text(session.participant_id, question)
        if not text:
            return ""
        redacted = self.deidentifier.deidentify(text, None, profile=session.role, hint=session.lang)
        return "\n\n".join(f"“{s.text}”" for s in split_statements(redacted.text))

    # starting ---------------------------------------------------------------------------

    def on_start(self, turn: Turn) -> None:
        session, token = turn.session, turn.event.text.strip()
        if not token:
            self._resume_or(turn, "start.no_invite")
            return
        invite = self.store.invites.find(token)
        if invite is None or not self.store.invites.usable(invite):
            self._resume_or(turn, "start.invalid_invite")
            return
        consultation = self.store.consultations.get(invite.consultation_id)
        if consultation.status != "open":
            turn.say("start.closed")
            return
        if self.store.answers.submitted(self.submission_mark(turn.event.user_key, consultation.id)):
            turn.say("start.already_submitted")
            return
        existing = self.store.participants.find(turn.event.user_key, consultation.id)
        if existing is not None and existing.id == session.participant_id:
            self._resume_or(turn, "start.welcome_back")  # the same link again: carry on
            return
        if existing is not None:
            self._take_up(turn, existing)
            return
        turn.session = session.fresh()
        turn.session.consultation_id, turn.session.role = consultation.id, invite.role
        turn.session.invite = token_hash(token)
        turn.go("language")

    def _resume_or(self, turn: Turn, key: str) -> None:
        if turn.session.state in IN_PROGRESS or turn.session.state == "language":
            turn.say("start.welcome_back")
            turn.go(turn.session.state)
        elif turn.session.state == "submitted":
            turn.say("submitted.already")
        else:
            turn.say(key)

    def _take_up(self, turn: Turn, participant) -> None:
        session = Session(
            lang=participant.lang or turn.session.lang,
            prompts=turn.session.prompts,
            step=turn.session.step,
            consultation_id=participant.consultation_id,
            role=participant.role,
            participant_id=participant.id,
            question=self._first_open_question(participant.id),
        )
        turn.session = session
        turn.say("start.welcome_back")
        turn.go("question" if session.question <= QUESTIONS else "review")

    def _first_open_question(self, participant_id: int) -> int:
        skipped = self.store.participants.skipped(participant_id)
        for number in range(1, QUESTIONS + 1):
            if number not in skipped and not self.store.participants.drafts(participant_id, number):
                return number
        return QUESTIONS + 1

    def on_choose_language(self, turn: Turn) -> None:
        session = turn.session
        if turn.arg not in self.texts.languages:
            turn.go(session.state)
            return
        session.lang = turn.arg
        if session.participant_id is not None:
            self.store.participants.update(session.participant_id, lang=turn.arg)
        target, session.resume = session.resume or "consent", None
        if target in ("idle", "submitted"):
            turn.say("language.changed")
        turn.go(target)

    def on_ask_language(self, turn: Turn) -> None:
        turn.remember_where()
        turn.go("language")

    def on_agree(self, turn: Turn) -> None:
        session = turn.session
        invite = self._pending_invite(session)
        if invite is None:
            turn.say("start.invalid_invite")
            turn.session = session.fresh()
            turn.go("idle")
            return
        self.store.invites.redeem(invite)
        participant = self.store.participants.create(
            session.consultation_id, session.role, turn.event.user_key, session.lang
        )
        session.participant_id, session.invite, session.question = participant.id, None, 1
        turn.go("organisation" if session.role == "stakeholder" else "question")

    def _pending_invite(self, session: Session):
        invite = self.store.invites.by_hash(session.invite or "")
        return invite if invite is not None and self.store.invites.usable(invite) else None

    def on_decline(self, turn: Turn) -> None:
        # nothing was stored yet but the session itself: drop it, keep no trace
        turn.clear_buttons()
        self.store.sessions.forget_messages(turn.event.user_key)
        turn.drop = True
        turn.say("consent.declined")

    # about the stakeholder --------------------------------------------------------------

    def on_set_organisation(self, turn: Turn) -> None:
        name = " ".join(turn.event.text.split())
        if len(name) > MAX_ORGANISATION_CHARS:
            turn.say(
                "organisation.too_long",
                limit=self.texts.number(turn.session.lang, MAX_ORGANISATION_CHARS),
            )
            return
        # kept apart from the answers, published in the annex: never a person's details
        name = self.deidentifier.deidentify(name, None, hint=turn.session.lang).text
        self.store.participants.update(turn.session.participant_id, organisation=name)
        turn.go("sector")

    def on_skip_organisation(self, turn: Turn) -> None:
        turn.go("question")

    def on_choose_sector(self, turn: Turn) -> None:
        if turn.action == "sector" and turn.arg in prompts.SECTORS:
            self.store.participants.update(turn.session.participant_id, sector=turn.arg)
        turn.go("question")
