"""Plain records the repositories hand out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Consultation:
    id: str
    title: str
    programme: str
    date: str  # ISO date of the consultation
    questions: dict  # the question set as stored (see consultation.questions.to_record)
    status: str  # open | closed
    created_at: str


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
    started_at: str
    updated_at: str


@dataclass(frozen=True)
class Draft:
    question: int
    message_ref: str | None  # the channel's reference of the message it came in
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


@dataclass(frozen=True)
class SubmittedAnswer:
    """An anonymised answer ready to be stored at submission."""

    question: int
    text: str
    spans: list[dict]
    lang: str
