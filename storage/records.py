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
    closes_on: str | None = None  # YYYY-MM-DD: closed after this day
    remind_after_hours: int | None = None  # None: the installation's default; 0: no reminders


@dataclass(frozen=True)
class Invite:
    token_hash: str
    consultation_id: str
    role: str
    max_uses: int | None
    uses: int
    expires_at: str | None
    created_at: str
    meeting: int = 1  # the session (round table 1, catch-up 2, ...) the link is for


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
    reach: str | None = None  # the chat's address, sealed; kept only while a reminder may go
    remind: int | None = None  # None: as the role says; 1: asked for one; 0: said no
    reminded: int = 0


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


@dataclass(frozen=True)
class Meeting:
    """A session of a consultation: the round table (1) or a catch-up meeting."""

    consultation_id: str
    number: int
    date: str
    created_at: str


@dataclass(frozen=True)
class AuditEntry:
    at: str
    who: str  # a keyed hash of the facilitator's account, or "command-line"
    consultation_id: str | None
    action: str
    detail: str  # names and counts of what was done, never anyone's words
