"""Answering the questions: text in several messages, done, skip, back, clear, change."""

from __future__ import annotations

from dialogs.events import Send
from dialogs.prompts import QUESTIONS, question_buttons
from dialogs.turn import Turn

MAX_ANSWER_CHARS = 3000


class Answering:
    def on_add_text(self, turn: Turn) -> None:
        text = turn.event.text.strip()
        if not text:
            return
        session = turn.session
        so_far = self.store.participants.answer_text(session.participant_id, session.question)
        if not self._fits(turn, len(so_far) + len(text)):
            return
        self.store.participants.add_draft(
            session.participant_id, session.question, turn.event.message_id, text
        )
        turn.offer(turn.t("question.saved"), *question_buttons(turn, answered=True))

    def _fits(self, turn: Turn, length: int) -> bool:
        if length <= MAX_ANSWER_CHARS:
            return True
        lang = turn.session.lang
        turn.say(
            "question.too_long",
            limit=self.texts.number(lang, MAX_ANSWER_CHARS),
            length=self.texts.number(lang, length),
        )
        return False

    def on_finish_question(self, turn: Turn) -> None:
        preview = self.preview(turn.session, turn.session.question)
        if not preview:
            turn.notice = turn.t("question.empty")
            return
        turn.actions.append(Send(turn.t("question.preview") + "\n\n" + preview))
        self._advance(turn)

    def on_skip_question(self, turn: Turn) -> None:
        self.store.participants.set_skipped(turn.session.participant_id, turn.session.question)
        turn.say("question.skipped")
        self._advance(turn)

    def _advance(self, turn: Turn) -> None:
        session = turn.session
        if session.from_review or session.question >= QUESTIONS:
            session.from_review = False
            turn.go("review")
            return
        session.question += 1
        turn.go("question")

    def on_previous_question(self, turn: Turn) -> None:
        turn.session.question = max(1, turn.session.question - 1)
        turn.go("question")

    def on_clear_answer(self, turn: Turn) -> None:
        self.store.participants.clear_drafts(turn.session.participant_id, turn.session.question)
        turn.say("question.cleared")
        turn.go("question")

    def on_change_answer(self, turn: Turn) -> None:
        if not turn.arg.isdigit() or not 1 <= int(turn.arg) <= QUESTIONS:
            turn.go("review")
            return
        turn.session.question = int(turn.arg)
        turn.session.from_review = True
        turn.go("question")

    def on_edit(self, turn: Turn) -> None:
        """Telegram ``edited_message``: an answer changed after it was sent."""
        session, event = turn.session, turn.event
        if session.participant_id is None or event.message_id is None:
            turn.say("edit.not_an_answer" if session.state != "submitted" else "edit.too_late")
            return
        drafts = self.store.participants
        edited = drafts.draft_sent_as(session.participant_id, event.message_id)
        if edited is None:
            turn.say("edit.not_an_answer")
            return
        question = edited.question
        others = sum(len(d.text) for d in drafts.drafts(session.participant_id, question))
        others -= len(edited.text)
        if not self._fits(turn, others + len(event.text)):
            return
        drafts.edit_draft(session.participant_id, event.message_id, event.text.strip())
        turn.say("edit.saved", number=self.texts.number(session.lang, question))
        if session.state == "review":
            turn.go("review")  # show the review again, with the edited answer
