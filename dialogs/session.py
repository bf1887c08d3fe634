"""The conversation state of one chat user, kept in our own storage between events."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from dialogs.states import State


@dataclass
class Session:
    state: str = State.IDLE
    lang: str | None = None
    consultation_id: str | None = None
    role: str | None = None
    participant_id: int | None = None
    question: int = 1
    from_review: bool = False  # editing an answer from the review: return there when done
    resume: str | None = None  # state to return to after a detour (/language, /forget)
    invite: str | None = None  # hash of the invite being taken up, redeemed on consent
    withdraw: str | None = None  # hash of an expert's withdrawal code, for /forget CODE
    creating: dict | None = None  # a facilitator's /new so far: title, date, closing day
    step: int = 0  # increases with each move; buttons carry it so stale ones are recognised

    def fresh(self) -> Session:
        """No participation, but the same language and step counter (so buttons of what
        went before are still recognised as stale)."""
        return Session(lang=self.lang, step=self.step)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Session:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
