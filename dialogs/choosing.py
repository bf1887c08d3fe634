"""Which consultation a facilitator's command is about: the id typed after the command, the
only one they facilitate, or buttons to choose one (``facilitating.pick`` runs the command
again with the chosen id)."""

from __future__ import annotations

from consultation import facilitators
from consultation.errors import Refused
from dialogs.turn import Turn
from storage.records import Consultation


def chosen(turn: Turn, command: str, status: str | None = None) -> Consultation | None:
    """The consultation the command is about: the id typed after it, the only one there is,
    or (returning None) buttons to choose one. ``status``: offer only open or closed ones."""
    words = turn.event.text.split()
    if words:
        try:
            return facilitators.find_for(turn.core, turn.event.user_key, turn.admins, words[0])
        except Refused as refusal:
            turn.refuse(refusal)
            return None
    mine = facilitators.visible(turn.core, turn.event.user_key, turn.admins)
    candidates = [c for c in mine if status is None or c.status == status]
    if not candidates:
        turn.say("admin.none")
        return None
    if len(candidates) == 1:
        return candidates[0]
    rows = [
        (turn.button_labelled(f"{c.title[:40]} ({c.id})", "pick", f"{command} {c.id}"),)
        for c in reversed(candidates[-8:])
    ]
    turn.offer(turn.t("admin.choose"), *rows)
    return None


def words_after_id(turn: Turn) -> list[str]:
    return turn.event.text.split()[1:]
