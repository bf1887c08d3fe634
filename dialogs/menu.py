"""The menu of commands a chat offers: everyone's, and a facilitator's with theirs first."""

from __future__ import annotations

from locales.texts import Texts

EVERYONE = ("help", "language", "privacy", "reminders", "forget")
# The commands only facilitators have, in menu order (the flow's FACILITATOR_COMMANDS).
FACILITATORS = (
    "new",
    "consultations",
    "status",
    "invite",
    "export",
    "close",
    "reopen",
    "remind",
    "facilitators",
)


def commands(
    texts: Texts, lang: str | None, facilitator: bool = False
) -> tuple[tuple[str, str], ...]:
    """(command, description) pairs in ``lang``, for the channel's command menu."""
    names = (FACILITATORS if facilitator else ()) + EVERYONE
    return tuple((name, texts.get(lang, f"menu.{name}")) for name in names)
