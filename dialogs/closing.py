"""Ending a participation: submit, wipe the chat, withdraw everything (/forget)."""

from __future__ import annotations

import secrets

from dialogs.events import DeleteMessages
from dialogs.prompts import QUESTIONS
from dialogs.session import Session
from dialogs.turn import Turn
from storage.records import SubmittedAnswer

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


class Closing:
    def on_submit(self, turn: Turn) -> None:
        session, user_key = turn.session, turn.event.user_key
        participant = self.store.participants.get(session.participant_id)
        answers = []
        for number in range(1, QUESTIONS + 1):
            text = self.store.participants.answer_text(participant.id, number)
            if not text:
                continue
            redacted = self.deidentifier.deidentify(
                text, None, profile=participant.role, hint=participant.lang
            )
            spans = [{"start": s.start, "end": s.end, "label": s.label} for s in redacted.spans]
            answers.append(SubmittedAnswer(number, redacted.text, spans, redacted.lang))
        code = _new_code() if participant.role == "expert" else None
        withdraw = (
            self.keyring.withdrawal(code)
            if code
            else self.keyring.derive("respondent", user_key, participant.consultation_id)
        )
        cid = participant.consultation_id
        self.store.answers.submit(
            participant,
            answers,
            withdraw_hash=withdraw,
            mark=self.submission_mark(user_key, cid),
            organisation_hash=self.keyring.derive("organisation", user_key, cid),
        )
        self.store.compact()  # the drafts' raw text leaves the write-ahead log too
        turn.go("submitted")
        # the session keeps no consultation, role or participant: only what wiping needs
        turn.session = Session(lang=session.lang, state="submitted", step=session.step)
        turn.say("submitted.thanks")
        offer = turn.t("submitted.wipe_offer")
        if code:
            turn.say("submitted.code", code=code)
            offer += "\n\n" + turn.t("submitted.wipe_code_note")
        turn.offer(offer, (turn.button("button.wipe", "wipe"),))

    def on_after_submit(self, turn: Turn) -> None:
        turn.say("submitted.already")

    def on_wipe_chat(self, turn: Turn) -> None:
        user_key = turn.event.user_key
        ids = tuple(self.store.sessions.message_ids(user_key))
        if ids:
            turn.actions.append(DeleteMessages(ids))
        self.store.sessions.forget_messages(user_key)
        turn.session.prompts = []
        turn.notice = turn.t("wipe.done")
        if turn.session.state == "submitted":
            turn.drop = True  # nothing left to keep about this chat

    def on_ask_forget(self, turn: Turn) -> None:
        session, code = turn.session, turn.event.text.strip()
        session.withdraw = None
        if code:
            withdraw = self.keyring.withdrawal(code)
            if self.store.answers.respondent_by_withdraw(withdraw) is None:
                turn.say("forget.code_unknown")
                return
            session.withdraw = withdraw
        turn.remember_where()
        turn.go("forget")

    def on_forget(self, turn: Turn) -> None:
        """Erase all this account gave, in every consultation; say truthfully what went."""
        user_key, withdraw = turn.event.user_key, turn.session.withdraw
        erased = 0
        for participant in self.store.participants.of_user(user_key):
            self.store.participants.delete(participant.id)
            erased += 1
        for consultation in self.store.consultations.all():
            cid, answers = consultation.id, self.store.answers
            respondent = answers.respondent_by_withdraw(
                self.keyring.derive("respondent", user_key, cid)
            )
            if respondent:
                erased += answers.erase_respondent(respondent)
            erased += answers.erase_organisation(self.keyring.derive("organisation", user_key, cid))
            answers.forget_submission(self.submission_mark(user_key, cid))
        if withdraw:
            respondent = self.store.answers.respondent_by_withdraw(withdraw)
            if respondent:
                erased += self.store.answers.erase_respondent(respondent)
        ids = set(self.store.sessions.message_ids(user_key))
        if turn.event.message_id is not None:
            ids.add(turn.event.message_id)
        if ids:
            turn.actions.append(DeleteMessages(tuple(sorted(ids))))
        self.store.sessions.forget_messages(user_key)
        self.store.compact()
        turn.session = Session(lang=turn.session.lang, step=turn.session.step + 1)
        turn.drop = True
        turn.say("forget.done" if erased else "forget.nothing")

    def on_keep(self, turn: Turn) -> None:
        session = turn.session
        target, session.resume, session.withdraw = session.resume or "idle", None, None
        turn.say("forget.cancelled")
        turn.go(target)
