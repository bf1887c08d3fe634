"""Arriving with an invite, choosing a language, consent, and the stakeholder's details."""

from __future__ import annotations

from consultation import facilitators, organisations, participation
from consultation.errors import Refused
from dialogs.session import Session
from dialogs.states import IN_PROGRESS, State
from dialogs.turn import Turn


def start(turn: Turn) -> None:
    """``/start TOKEN``: a new participation, the one under way, or a kind refusal."""
    session, token = turn.session, turn.event.text
    if token.strip() and (made := facilitators.accept(turn.core, turn.event.user_key, token)):
        turn.say("facilitator.welcome", title=made.title, id=made.id)
        turn.show_facilitator_menu()
        return
    arrival = participation.arrive(turn.core, turn.event.user_key, token)
    if arrival.outcome in ("no_invite", "invalid"):
        _carry_on_or(
            turn, "start.no_invite" if arrival.outcome == "no_invite" else "start.invalid_invite"
        )
    elif arrival.outcome == "closed":
        turn.say("start.closed")
    elif arrival.outcome == "already_submitted":
        turn.say("start.already_submitted")
    elif arrival.outcome == "resume":
        participant = arrival.participant
        if participant.id == session.participant_id:
            _carry_on_or(turn, "start.welcome_back")  # the same link again: carry on
            return
        turn.session = Session(
            lang=participant.lang or session.lang,
            step=session.step,
            consultation_id=participant.consultation_id,
            role=participant.role,
            participant_id=participant.id,
            question=participation.resume_at(turn.core, participant),
        )
        turn.say("start.welcome_back")
        count = participation.question_count(turn.core, participant.consultation_id)
        turn.go(State.QUESTION if turn.session.question <= count else State.REVIEW)
    else:
        turn.session = session.fresh()
        turn.session.consultation_id = arrival.consultation.id
        turn.session.role, turn.session.invite = arrival.role, arrival.invite_hash
        turn.go(State.LANGUAGE)


def _carry_on_or(turn: Turn, key: str) -> None:
    state = turn.session.state
    if state in IN_PROGRESS or state == State.LANGUAGE:
        turn.say("start.welcome_back")
        turn.go(state)
    elif state == State.SUBMITTED:
        turn.say("submitted.already")
    else:
        turn.say(key)


def closed_meanwhile(turn: Turn) -> None:
    """The consultation closed while someone was answering: say so at once, not at submit.
    Their unsubmitted answers go with the retention period, like any abandoned answer."""
    turn.say("closed.late", days=turn.core.retention_days)
    turn.session = turn.session.fresh()
    turn.go(State.IDLE)


def ask_language(turn: Turn) -> None:
    turn.remember_where()
    turn.go(State.LANGUAGE)


def choose_language(turn: Turn) -> None:
    session = turn.session
    if turn.arg not in turn.texts.languages:
        turn.go(session.state)
        return
    session.lang = turn.arg
    participation.set_language(turn.core, session.participant_id, turn.arg)
    target, session.resume = session.resume or State.CONSENT, None
    if target in (State.IDLE, State.SUBMITTED):
        turn.say("language.changed")
    turn.go(target)


def agree(turn: Turn) -> None:
    session = turn.session
    try:
        participant = participation.join(
            turn.core, turn.event.user_key, session.invite, session.lang
        )
    except Refused as refusal:
        turn.refuse(refusal)
        turn.session = session.fresh()
        turn.go(State.IDLE)
        return
    session.participant_id, session.invite, session.question = participant.id, None, 1
    turn.go(State.ORGANISATION if session.role == "stakeholder" else State.QUESTION)


def decline(turn: Turn) -> None:
    """Nothing was stored yet but the session itself: drop it, keep no trace."""
    turn.drop = True
    turn.say("consent.declined")
    turn.go(State.IDLE)


def set_organisation(turn: Turn) -> None:
    session = turn.session
    try:
        organisations.set_organisation(
            turn.core, session.participant_id, turn.event.text, session.lang
        )
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.go(State.SECTOR)


def skip_organisation(turn: Turn) -> None:
    turn.go(State.QUESTION)


def choose_sector(turn: Turn) -> None:
    if turn.action == "sector":
        participation.set_sector(turn.core, turn.session.participant_id, turn.arg)
    turn.go(State.QUESTION)
