"""Plain records the repositories hand out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Consultation:
    id: str
    title: str
    programme: str
    date: str  # ISO date of the consultation
    questions: dict[int, dict[str, str]]  # question number -> locale -> wording
    status: str  # open | closed
    created_at: str

    def question(self, number: int, locale: str) -> str:
        wording = self.questions[number]
        return wording.get(locale) or wording.get("en") or next(iter(wording.values()))


@dataclass(frozen=True)
class Invite:
    token_hash: str
    consultation_id: str
    role: str
    max_uses: int | None
    uses: int
    expires_at: str | None
    created_at: str


@dataclass(frozen=True)
class Participant:
    id: int
    consultation_id: str
    role: str
    user_key: str | None
    lang: str | None
    organisation: str | None
    sector: str | None
    status: str
    started_at: str
    updated_at: str
    submitted_at: str | None


@dataclass(frozen=True)
class Draft:
    question: int
    message_id: int | None
    text: str


@dataclass(frozen=True)
class StoredAnswer:
    id: int
    respondent_id: str
    consultation_id: str
    role: str
    question: int
    text: str
    spans: list[dict]
    lang: str
    submitted_at: str


@dataclass(frozen=True)
class SubmittedAnswer:
    """An anonymised answer ready to be stored at submission."""

    question: int
    text: str
    spans: list[dict]
    lang: str
