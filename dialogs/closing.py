"""Ending a participation: submit, wipe the chat, withdraw everything (/forget)."""

from __future__ import annotations

from consultation import erasure, participation
from consultation.errors import Refused
from dialogs.events import WipeChat
from dialogs.session import Session
from dialogs.states import State
from dialogs.turn import Turn


def submit(turn: Turn) -> None:
    session, user_key = turn.session, turn.event.user_key
    try:
        submission = participation.submit(turn.core, session.participant_id, user_key)
    except Refused as refusal:
        turn.refuse(refusal)
        return
    turn.go(State.SUBMITTED)
    # the session keeps no consultation, role or participant: only what wiping needs
    turn.session = Session(lang=session.lang, state=State.SUBMITTED, step=session.step)
    turn.say("submitted.thanks" if submission.answered else "submitted.nothing")
    offer = turn.t("submitted.wipe_offer")
    if submission.code:
        turn.say("submitted.code", code=submission.code)
        turn.shows_code = True
        offer += "\n\n" + turn.t("submitted.wipe_code_note")
    turn.offer(offer, (turn.button("button.wipe", "wipe"),))


def show_code_again(turn: Turn) -> None:
    """A withdrawal code whose message never arrived (a failed send, a crash) is shown at
    the person's next step after submitting, until it has arrived."""
    if turn.shows_code or turn.drop:
        return
    code = participation.code_to_show(turn.core, turn.event.user_key)
    if code:
        turn.say("submitted.code_again", code=code)
        turn.shows_code = True


def after_submit(turn: Turn) -> None:
    turn.say("submitted.already")


def wipe_chat(turn: Turn) -> None:
    store, user_key = turn.core.store, turn.event.user_key
    refs = tuple(store.sessions.message_refs(user_key))
    if refs:
        turn.actions.append(WipeChat(refs))
    store.sessions.forget_messages(user_key)
    turn.notice = turn.t("wipe.done")
    if turn.session.state == State.SUBMITTED:
        turn.drop = True  # nothing left to keep about this chat


def ask_forget(turn: Turn) -> None:
    session, code = turn.session, turn.event.text.strip()
    session.withdraw = None
    if code:
        session.withdraw = erasure.code_known(turn.core, code)
        if session.withdraw is None:
            turn.say("forget.code_unknown")
            return
    turn.remember_where()
    turn.go(State.FORGET)


def forget(turn: Turn) -> None:
    """Erase all this account gave, in every consultation; say truthfully what went."""
    store, user_key = turn.core.store, turn.event.user_key
    refs = set(store.sessions.message_refs(user_key))
    if turn.event.ref is not None:
        refs.add(turn.event.ref)
    after_submitting = turn.session.resume == State.SUBMITTED and not turn.session.withdraw
    erased = erasure.forget(turn.core, user_key, turn.session.withdraw)
    if refs:
        turn.actions.append(WipeChat(tuple(refs)))
    turn.session = Session(lang=turn.session.lang, step=turn.session.step + 1)
    turn.drop = True
    if erased:
        turn.say("forget.done")
    else:  # an expert's submitted answers are there, only no longer linked to the account
        turn.say("forget.nothing_linked" if after_submitting else "forget.nothing")
    turn.go(State.IDLE)


def keep(turn: Turn) -> None:
    session = turn.session
    target, session.resume, session.withdraw = session.resume or State.IDLE, None, None
    turn.say("forget.cancelled")
    turn.go(target)
