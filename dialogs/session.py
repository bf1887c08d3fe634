"""The conversation state of one chat user, kept in our own storage between events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Session:
    state: str = "idle"
    lang: str | None = None
    consultation_id: str | None = None
    role: str | None = None
    participant_id: int | None = None
    question: int = 1
    from_review: bool = False  # editing an answer from the review: return there when done
    resume: str | None = None  # state to return to after /language or a cancelled /forget
    invite: str | None = None  # hash of the invite being taken up, redeemed on consent
    withdraw: str | None = None  # hash of an expert's withdrawal code, for /forget CODE
    step: int = 0  # increases with each prompt; buttons carry it so stale ones are recognised
    prompts: list[int] = field(default_factory=list)  # bot messages whose buttons are live

    def fresh(self) -> Session:
        """No participation, but the same language, live buttons and step counter (so buttons
        of what went before are still recognised as stale)."""
        return Session(lang=self.lang, prompts=self.prompts, step=self.step)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Session:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
