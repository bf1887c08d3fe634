"""/new: a facilitator creates a consultation in four short steps: title, date of the round
table, closing day, and the questions (the default set, or a copy of an earlier round's).

What is typed so far is kept in the facilitator's session (``creating``) until the last step
creates the consultation through the same action as the command line.
"""

from __future__ import annotations

from consultation import consultations
from consultation.errors import Refused
from consultation.facilitators import visible
from dialogs.states import State
from dialogs.turn import Turn

EARLIER_SHOWN = 6  # earlier rounds offered to copy the questions from


def start(turn: Turn) -> None:
    turn.remember_where()
    turn.session.creating = {}
    turn.go(State.NEW_TITLE)


def set_title(turn: Turn) -> None:
    try:
        title = consultations.check_title(turn.event.text)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.session.creating = {**(turn.session.creating or {}), "title": title}
    turn.go(State.NEW_DATE)


def set_date(turn: Turn) -> None:
    try:
        day = consultations.iso_day(None if turn.action == "today" else turn.event.text)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.session.creating = {**(turn.session.creating or {}), "date": day}
    turn.go(State.NEW_CLOSING)


def set_closing(turn: Turn) -> None:
    creating = turn.session.creating or {}
    value = None if turn.action == "skip" else turn.event.text
    try:
        closing = consultations.check_closing(turn.core, value, creating.get("date", ""))
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.session.creating = {**creating, "closes_on": closing}
    turn.go(State.NEW_QUESTIONS)


def choose_questions(turn: Turn) -> None:
    creating = turn.session.creating or {}
    try:
        questions = None
        if turn.arg != "default":
            _may_see(turn, turn.arg)
            questions = consultations.copy_questions(turn.core, turn.arg)
        consultation = consultations.create(
            turn.core,
            creating.get("title", ""),
            creating.get("date"),
            questions=questions,
            closes_on=creating.get("closes_on"),
            actor=turn.actor,
        )
    except Refused as refusal:
        turn.refuse(refusal)
        return
    if turn.event.user_key not in turn.admins:  # who made it facilitates it
        turn.core.store.facilitators.add(consultation.id, turn.event.user_key)
    turn.say("new.created", title=consultation.title, id=consultation.id)
    _leave(turn)


def _may_see(turn: Turn, consultation_id: str) -> None:
    """Only a round this facilitator may see can be copied."""
    if all(c.id != consultation_id for c in visible(turn.core, turn.event.user_key, turn.admins)):
        raise Refused("error.consultation.unknown", id=consultation_id)


def cancel(turn: Turn) -> None:
    turn.say("new.cancelled")
    _leave(turn)


def _leave(turn: Turn) -> None:
    session = turn.session
    target, session.resume, session.creating = session.resume or State.IDLE, None, None
    if target in (State.NEW_TITLE, State.NEW_DATE, State.NEW_CLOSING, State.NEW_QUESTIONS):
        target = State.IDLE
    turn.go(target)


# what the bot says on entering each step --------------------------------------------------


def _cancel_button(turn: Turn):
    return turn.button("button.cancel", "cancel")


def title_prompt(turn: Turn) -> None:
    turn.offer(turn.t("new.title"), (_cancel_button(turn),))


def date_prompt(turn: Turn) -> None:
    turn.offer(turn.t("new.date"), (turn.button("button.today", "today"), _cancel_button(turn)))


def closing_prompt(turn: Turn) -> None:
    turn.offer(
        turn.t("new.closing"), (turn.button("button.no_closing", "skip"), _cancel_button(turn))
    )


def questions_prompt(turn: Turn) -> None:
    earlier = visible(turn.core, turn.event.user_key, turn.admins)[-EARLIER_SHOWN:]
    rows = [(turn.button("button.default_questions", "questions", "default"),)]
    rows += [
        (turn.button("button.copy_questions", "questions", c.id, title=c.title[:40]),)
        for c in reversed(earlier)
    ]
    turn.offer(turn.t("new.questions"), *rows, (_cancel_button(turn),))
