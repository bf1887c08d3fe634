"""Help at any point: /help, /privacy, and kind answers to what the bot cannot take."""

from __future__ import annotations

from consultation import facilitators, reminders
from dialogs.states import CREATING, State
from dialogs.turn import Turn

UNSUPPORTED = {"sticker", "photo", "voice", "video", "audio", "document", "location", "contact"}


def help_text(turn: Turn) -> None:
    turn.say("help.text")
    if facilitators.is_facilitator(turn.core, turn.event.user_key, turn.admins):
        turn.say("help.facilitator")
        turn.show_facilitator_menu()
    elif turn.session.state == State.IDLE:
        turn.say("start.no_invite")


def privacy(turn: Turn) -> None:
    turn.say(f"privacy.{turn.session.role or 'general'}", days=turn.core.retention_days)
    turn.say("privacy.reminders", hours=turn.number(turn.core.reminder_hours))


def reminders_choice(turn: Turn) -> None:
    """/reminders: whether the one reminder may come, with buttons to say yes or no."""
    wanted = reminders.chosen(turn.core, turn.session.participant_id)
    if wanted is None:
        turn.say("reminders.not_answering")
        return
    turn.offer(
        turn.t("reminders.yes" if wanted else "reminders.no"),
        (
            turn.button("button.remind_yes", "remind_yes"),
            turn.button("button.remind_no", "remind_no"),
        ),
    )


def choose_reminders(turn: Turn) -> None:
    yes = turn.action == "remind_yes"
    if reminders.choose(turn.core, turn.session.participant_id, yes, turn.event.address):
        turn.say("reminders.chosen_yes" if yes else "reminders.chosen_no")
    else:
        turn.say("reminders.not_answering")


def unsupported(turn: Turn) -> None:
    what = turn.event.what if turn.event.what in UNSUPPORTED else "other"
    creating = turn.session.state in CREATING  # a facilitator's /new: no "answer" to give
    turn.say("unsupported.creating" if creating else "unsupported", what=turn.t(f"what.{what}"))


def stale_button(turn: Turn) -> None:
    """An old button: say it is no longer active and show where the person is now (the
    review, several messages long, is the newest thing on screen already: not sent again)."""
    turn.notice = turn.t("button.stale")
    turn.stale_press = True
    if turn.session.state not in (State.IDLE, State.SUBMITTED, State.REVIEW):
        turn.go(turn.session.state)


def unknown_command(turn: Turn) -> None:
    turn.say("command.unknown")


def use_buttons(turn: Turn) -> None:
    turn.say("use_buttons")


def no_invite(turn: Turn) -> None:
    turn.say("start.no_invite")
