"""Answering the questions: text in several messages, done, skip, back, start again, change."""

from __future__ import annotations

from consultation import participation
from consultation.errors import Refused
from dialogs.prompts import question_buttons
from dialogs.states import State
from dialogs.turn import Turn


def add_text(turn: Turn) -> None:
    session = turn.session
    try:
        added = participation.add_text(
            turn.core, session.participant_id, session.question, turn.event.ref, turn.event.text
        )
    except Refused as refusal:
        turn.refuse(refusal)
        return
    if added:
        turn.offer(turn.t("question.saved"), *question_buttons(turn, answered=True))
        turn.coalesce = True  # in a burst of messages, only the last "saved" need be shown


def finish_question(turn: Turn) -> None:
    quotes = _quotes(turn, turn.session.question)
    if not quotes:
        turn.notice = turn.t("question.empty")
        return
    turn.say_text(turn.t("question.preview") + "\n\n" + quotes)
    _advance(turn)


def _quotes(turn: Turn, question: int) -> str:
    participant = turn.core.store.participants.get(turn.session.participant_id)
    quotes = participation.preview(turn.core, participant, question)
    return "\n\n".join(f"“{quote}”" for quote in quotes)


def skip_question(turn: Turn) -> None:
    session = turn.session
    if not participation.skip(turn.core, session.participant_id, session.question):
        turn.say("question.skip_has_text")  # never throw a written answer away unasked
        return
    turn.say("question.skipped")
    _advance(turn)


def _advance(turn: Turn) -> None:
    session = turn.session
    count = participation.question_count(turn.core, session.consultation_id)
    if session.from_review or session.question >= count:
        session.from_review = False
        turn.go(State.REVIEW)
        return
    session.question += 1
    turn.go(State.QUESTION)


def previous_question(turn: Turn) -> None:
    turn.session.question = max(1, turn.session.question - 1)
    turn.go(State.QUESTION)


def clear_answer(turn: Turn) -> None:
    participation.clear(turn.core, turn.session.participant_id, turn.session.question)
    turn.say("question.cleared")
    turn.go(State.QUESTION)


def change_answer(turn: Turn) -> None:
    count = participation.question_count(turn.core, turn.session.consultation_id)
    if not turn.arg.isdigit() or not 1 <= int(turn.arg) <= count:
        turn.go(State.REVIEW)
        return
    turn.session.question = int(turn.arg)
    turn.session.from_review = True
    turn.go(State.QUESTION)


def edit(turn: Turn) -> None:
    """The person edited a message they sent earlier: the answer follows the edit."""
    session, event = turn.session, turn.event
    try:
        question = participation.edit(turn.core, session.participant_id, event.ref, event.text)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    if question is None:
        turn.say("edit.too_late" if session.state == State.SUBMITTED else "edit.not_an_answer")
        return
    turn.say("edit.saved", number=turn.number(question))
    if session.state == State.REVIEW:
        turn.go(State.REVIEW)  # show the review again, with the edited answer
