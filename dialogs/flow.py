"""The conversation as one table: in which state, on which trigger, which handler runs, and
which states it may lead to. ``conversation.md`` draws the same table; a test keeps the two
in step, and the engine refuses a move the table does not allow.

Triggers: ``text``, ``edit``, ``unsupported``, ``/command``, ``button:<action>``,
``later:<work>`` (a step of long work a handler asked for), and three the engine derives:
``stale`` (a button of an earlier step, or a facilitator's button pressed by someone else),
``closed`` (the consultation closed while someone was answering) and ``/*`` (a command this
person does not have). ``*`` is any other trigger. Lookup: (state, trigger), then
(anywhere, trigger), then (state, ``*``), then (anywhere, ``*``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dialogs import (
    answering,
    assistance,
    closing,
    creating,
    exporting,
    facilitating,
    joining,
    menu,
)
from dialogs.states import State
from dialogs.turn import Turn

ANYWHERE = "anywhere"  # a row for every state
SAME = "same"  # back to the state the turn began in (its prompt shown again)
RESUME = "resume"  # back to where a detour (/language, /forget) began

Handler = Callable[[Turn], None]
S = State


@dataclass(frozen=True)
class Row:
    state: str  # a State, or ANYWHERE
    trigger: str
    handler: Handler
    leads_to: tuple[str, ...] = ()  # States, SAME or RESUME; empty: stays without a prompt


R = Row
FLOW: tuple[Row, ...] = (
    # R(state, trigger, handler, may lead to)
    R(ANYWHERE, "/start", joining.start, (S.LANGUAGE, S.QUESTION, S.REVIEW, SAME)),
    R(ANYWHERE, "/language", joining.ask_language, (S.LANGUAGE,)),
    R(ANYWHERE, "/forget", closing.ask_forget, (S.FORGET,)),
    R(ANYWHERE, "/help", assistance.help_text),
    R(ANYWHERE, "/privacy", assistance.privacy),
    R(ANYWHERE, "/reminders", assistance.reminders_choice),
    R(ANYWHERE, "button:remind_yes", assistance.choose_reminders),
    R(ANYWHERE, "button:remind_no", assistance.choose_reminders),
    # facilitators
    R(ANYWHERE, "/consultations", facilitating.list_consultations),
    R(ANYWHERE, "/status", facilitating.status),
    R(ANYWHERE, "/invite", facilitating.invite),
    R(ANYWHERE, "/export", exporting.export),
    R(ANYWHERE, "/close", facilitating.close),
    R(ANYWHERE, "/reopen", facilitating.reopen),
    R(ANYWHERE, "/remind", facilitating.remind),
    R(ANYWHERE, "/facilitators", facilitating.list_facilitators),
    R(ANYWHERE, "button:pick", facilitating.pick),
    R(ANYWHERE, "button:export", exporting.choose_format),
    R(ANYWHERE, "later:export", exporting.step),
    R(ANYWHERE, "button:session", facilitating.new_session),
    R(ANYWHERE, "button:remind_set", facilitating.set_remind),
    R(ANYWHERE, "button:fac_add", facilitating.add_facilitator),
    R(ANYWHERE, "button:fac_remove", facilitating.remove_facilitator),
    R(ANYWHERE, "/new", creating.start, (S.NEW_TITLE,)),
    R(ANYWHERE, "button:cancel", creating.cancel, (RESUME, S.IDLE)),
    R(S.NEW_TITLE, "text", creating.set_title, (S.NEW_DATE,)),
    R(S.NEW_DATE, "text", creating.set_date, (S.NEW_CLOSING,)),
    R(S.NEW_DATE, "button:today", creating.set_date, (S.NEW_CLOSING,)),
    R(S.NEW_CLOSING, "text", creating.set_closing, (S.NEW_QUESTIONS,)),
    R(S.NEW_CLOSING, "button:skip", creating.set_closing, (S.NEW_QUESTIONS,)),
    R(S.NEW_QUESTIONS, "button:questions", creating.choose_questions, (RESUME, S.IDLE)),
    # everyone
    R(ANYWHERE, "/*", assistance.unknown_command),
    R(ANYWHERE, "edit", answering.edit, (SAME,)),
    R(ANYWHERE, "unsupported", assistance.unsupported),
    R(ANYWHERE, "stale", assistance.stale_button, (SAME,)),
    R(ANYWHERE, "closed", joining.closed_meanwhile, (S.IDLE,)),
    R(ANYWHERE, "*", assistance.use_buttons),
    R(S.IDLE, "*", assistance.no_invite),
    R(S.LANGUAGE, "button:lang", joining.choose_language, (S.CONSENT, RESUME, SAME)),
    R(S.CONSENT, "button:agree", joining.agree, (S.ORGANISATION, S.QUESTION, S.IDLE)),
    R(S.CONSENT, "button:decline", joining.decline, (S.IDLE,)),
    R(S.ORGANISATION, "text", joining.set_organisation, (S.SECTOR,)),
    R(S.ORGANISATION, "button:skip", joining.skip_organisation, (S.QUESTION,)),
    R(S.SECTOR, "button:sector", joining.choose_sector, (S.QUESTION,)),
    R(S.SECTOR, "button:skip", joining.choose_sector, (S.QUESTION,)),
    R(S.QUESTION, "text", answering.add_text),
    R(S.QUESTION, "button:done", answering.finish_question, (S.QUESTION, S.REVIEW)),
    R(S.QUESTION, "button:skip", answering.skip_question, (S.QUESTION, S.REVIEW)),
    R(S.QUESTION, "button:back", answering.previous_question, (S.QUESTION,)),
    R(S.QUESTION, "button:clear", answering.clear_answer, (S.QUESTION,)),
    R(S.REVIEW, "button:change", answering.change_answer, (S.QUESTION, S.REVIEW)),
    R(S.REVIEW, "button:submit", closing.submit, (S.SUBMITTED,)),
    R(S.SUBMITTED, "button:wipe", closing.wipe_chat),
    R(S.SUBMITTED, "*", closing.after_submit),
    R(S.FORGET, "button:forget_yes", closing.forget, (S.IDLE,)),
    R(S.FORGET, "button:forget_no", closing.keep, (RESUME, S.IDLE)),
)

# Commands only facilitators have (listed once, in their menu's order, in ``menu``); for
# anyone else they are unknown ("/*"). Their buttons and steps, pressed or sent by anyone
# else, are spent ("stale").
FACILITATOR_COMMANDS = frozenset(menu.FACILITATORS)
FACILITATOR_ACTIONS = frozenset(
    {"pick", "export", "session", "remind_set", "fac_add", "fac_remove", "questions", "today"}
)
COMMANDS = frozenset(
    row.trigger[1:] for row in FLOW if row.trigger.startswith("/") and row.trigger != "/*"
)

_INDEX = {(row.state, row.trigger): row for row in FLOW}


def lookup(state: str, trigger: str) -> Row:
    for key in ((state, trigger), (ANYWHERE, trigger), (state, "*"), (ANYWHERE, "*")):
        if key in _INDEX:
            return _INDEX[key]
    raise LookupError(f"no row for {trigger!r} in {state!r}")  # the ANYWHERE "*" row exists


def allowed(row: Row, before: str, resume: str | None) -> set[str]:
    """The states the row's handler may move to, given the state the turn began in."""
    targets = {t for t in row.leads_to if t not in (SAME, RESUME)}
    if SAME in row.leads_to:
        targets.add(before)
    if RESUME in row.leads_to and resume:
        targets.add(resume)
    return targets
