"""Help at any point: /help, /privacy, and kind answers to what the bot cannot take."""

from __future__ import annotations

from dialogs.flow import FLOW
from dialogs.turn import Turn

UNSUPPORTED = {"sticker", "photo", "voice", "video", "audio", "document", "location", "contact"}


class Assistance:
    def on_help(self, turn: Turn) -> None:
        turn.say("help.text")
        if turn.session.state == "idle":
            turn.say("start.no_invite")

    def on_privacy(self, turn: Turn) -> None:
        turn.say(f"privacy.{turn.session.role or 'general'}", days=self.retention_days)

    def on_unsupported(self, turn: Turn) -> None:
        what = turn.event.what if turn.event.what in UNSUPPORTED else "other"
        turn.say("unsupported", what=turn.t(f"what.{what}"))

    def on_stale_button(self, turn: Turn) -> None:
        turn.notice = turn.t("button.stale")
        if FLOW[turn.session.state].prompt:
            turn.go(turn.session.state)

    def on_unknown_command(self, turn: Turn) -> None:
        turn.say("command.unknown")

    def on_use_buttons(self, turn: Turn) -> None:
        turn.say("use_buttons")

    def on_no_invite(self, turn: Turn) -> None:
        turn.say("start.no_invite")
