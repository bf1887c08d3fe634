"""What every action of a consultation works with: storage, keys, de-identification.

The chat (``dialogs``) and the command line (``bot.cli``) each build one ``Core`` and call
the actions of this package with it; neither reaches storage around them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from privacy.keys import Keyring
from storage.store import Store

DEFAULT_RETENTION_DAYS = 30
DEFAULT_REMINDER_HOURS = 48


class Redacted(Protocol):
    text: str
    spans: list
    lang: str


class Deidentifier(Protocol):
    def deidentify(
        self,
        text: str,
        lang: str | None = None,
        profile: str = "stakeholder",
        hint: str | None = None,
    ) -> Redacted: ...


@dataclass
class Core:
    store: Store
    keyring: Keyring
    deidentifier: Deidentifier
    retention_days: int = DEFAULT_RETENTION_DAYS
    reminder_hours: int = DEFAULT_REMINDER_HOURS  # a paused participant's one reminder
