"""Refusals of a consultation action, said the same way in the chat and on the command line.

A refusal carries a catalog key and its values (``error.invite.closed``, ``id=...``); the chat
says it in the participant's or facilitator's language, the command line in English.
"""

from __future__ import annotations


class Refused(Exception):
    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def __str__(self) -> str:
        values = ", ".join(f"{k}={v}" for k, v in self.values.items())
        return f"{self.key} ({values})" if values else self.key
